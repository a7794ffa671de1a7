package io.leadline.core.activity;

import io.leadline.core.Refusal;
import java.util.Locale;
import java.util.Objects;

/**
 * What a lead did. The standard types are constants; any other key is a custom type (an integration may
 * send types we did not foresee).
 */
public record ActivityType(String key) {

    public static final ActivityType EMAIL_OPEN = new ActivityType("email_open");
    /** An open fetched ahead by the mail service (Apple Mail's privacy protection), not by the person. */
    public static final ActivityType EMAIL_OPEN_PREFETCHED = new ActivityType("email_open_prefetched");

    public static final ActivityType EMAIL_CLICK = new ActivityType("email_click");
    public static final ActivityType WEB_VISIT = new ActivityType("web_visit");
    public static final ActivityType PRICING_PAGE_VISIT = new ActivityType("pricing_page_visit");
    public static final ActivityType CONTENT_DOWNLOAD = new ActivityType("content_download");
    public static final ActivityType WEBINAR_ATTENDED = new ActivityType("webinar_attended");
    public static final ActivityType FORM_SUBMISSION = new ActivityType("form_submission");
    public static final ActivityType DEMO_REQUEST = new ActivityType("demo_request");
    public static final ActivityType UNSUBSCRIBE = new ActivityType("unsubscribe");
    public static final ActivityType BOUNCE = new ActivityType("bounce");

    /**
     * The type of an event an integration reports: its key as sent, except that a page visit is a pricing-page
     * visit when a segment of the page's path is {@code pricing}, {@code prices} or {@code plans}, and {@code page_visit} / {@code form_submit} are accepted for
     * {@code web_visit} / {@code form_submission}.
     */
    public static ActivityType tracked(String key, String url) {
        ActivityType type = new ActivityType(key);
        if (type.equals(PAGE_VISIT) || type.equals(WEB_VISIT)) {
            return url != null && isPricingPage(url) ? PRICING_PAGE_VISIT : WEB_VISIT;
        }
        return type.equals(FORM_SUBMIT) ? FORM_SUBMISSION : type;
    }

    private static final ActivityType PAGE_VISIT = new ActivityType("page_visit");
    private static final ActivityType FORM_SUBMIT = new ActivityType("form_submit");

    private static boolean isPricingPage(String url) {
        String path = url.toLowerCase(Locale.ROOT)
                .replaceFirst("^[a-z][a-z0-9+.-]*://[^/]*", "")
                .replaceFirst("[?#].*$", "");
        return path.matches("(.*/)?(pricing|prices|plans)(\\.[a-z]+)?(/.*)?");
    }

    public ActivityType {
        Objects.requireNonNull(key, "key");
        key = key.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (!key.matches("[a-z0-9_]{1,50}")) {
            throw new Refusal(
                    "activity.type",
                    "an activity type is 1 to 50 letters, digits or underscores, not '" + key + "'",
                    key);
        }
    }

    /** "pricing page visit" for {@code pricing_page_visit}. */
    public String label() {
        return key.replace('_', ' ');
    }

    /** "3 pricing page visits". */
    public String count(int n) {
        return n + " " + label() + (n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return key;
    }
}
