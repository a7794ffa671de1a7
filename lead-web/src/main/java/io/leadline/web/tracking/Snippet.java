package io.leadline.web.tracking;

import io.leadline.core.tracking.TrackedSite;

/** What a site pastes: the script tag, and the optional one-line queue for calls made before the script loads. */
record Snippet(String script, String queue, String scriptUrl) {

    static Snippet of(TrackedSite site, String leadlineBase) {
        String url = leadlineBase + "/t/leadline.js";
        String script = "<script async src=\"" + url + "\" data-site=\"" + site.siteKey() + "\""
                + (site.consentRequired() ? " data-consent=\"required\"" : "")
                + (site.honourPrivacySignals() ? "" : " data-privacy-signals=\"ignore\"") + "></script>";
        String queue = "<script nonce=\"YOUR-CSP-NONCE\">window.leadline = window.leadline || function () "
                + "{ (leadline.q = leadline.q || []).push(arguments); };</script>";
        return new Snippet(script, queue, url);
    }
}
