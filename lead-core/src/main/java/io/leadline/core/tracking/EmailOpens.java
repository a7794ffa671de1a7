package io.leadline.core.tracking;

/**
 * Whether an email open was made by a person or fetched ahead by their mail service. Apple Mail's privacy
 * protection loads every image of every message when it arrives, from a proxy that says only {@code Mozilla/5.0};
 * such opens say nothing of interest and are recorded apart ({@code email_open_prefetched}) or dropped.
 */
public final class EmailOpens {

    private EmailOpens() {}

    public static boolean prefetched(String userAgent) {
        return userAgent == null || userAgent.isBlank() || userAgent.strip().equals("Mozilla/5.0");
    }
}
