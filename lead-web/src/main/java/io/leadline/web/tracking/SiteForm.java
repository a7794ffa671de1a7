package io.leadline.web.tracking;

import io.leadline.core.tracking.TrackedSite;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A tracked website as the settings form sends it; origins one per line. */
public class SiteForm {

    @NotBlank(message = "Name the site, like “Marketing website”.")
    @Size(max = 100, message = "A name is at most 100 characters.")
    private String name;

    @Size(max = 4000, message = "That is more origins than a site has.")
    private String origins;

    private boolean consentRequired;

    private boolean honourPrivacySignals = true;

    static SiteForm of(TrackedSite site) {
        SiteForm form = new SiteForm();
        form.name = site.name();
        form.origins = String.join("\n", site.originList());
        form.consentRequired = site.consentRequired();
        form.honourPrivacySignals = site.honourPrivacySignals();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOrigins() {
        return origins;
    }

    public void setOrigins(String origins) {
        this.origins = origins;
    }

    public boolean isConsentRequired() {
        return consentRequired;
    }

    public void setConsentRequired(boolean consentRequired) {
        this.consentRequired = consentRequired;
    }

    public boolean isHonourPrivacySignals() {
        return honourPrivacySignals;
    }

    public void setHonourPrivacySignals(boolean honourPrivacySignals) {
        this.honourPrivacySignals = honourPrivacySignals;
    }
}
