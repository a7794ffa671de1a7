package io.leadline.core.tracking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The origins a site's pages are served from, as a browser names them in its {@code Origin} header:
 * {@code https://www.example.com}, {@code http://localhost:8080}, or {@code https://*.example.com} for every
 * subdomain (not the bare domain). Paths, queries and trailing slashes are dropped when they are read.
 */
public record SiteOrigins(List<String> list) {

    private static final Pattern ORIGIN = Pattern.compile(
            "(https?)://(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");
    public static final int MAX = 20;

    public SiteOrigins {
        list = List.copyOf(list);
    }

    /** The origins in a text of one per line (or comma-separated), or why it cannot be read. */
    public static Parsed parse(String text) {
        Set<String> origins = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String piece : (text == null ? "" : text).split("[\\s,]+")) {
            if (piece.isBlank()) {
                continue;
            }
            String origin = normalised(piece);
            if (!ORIGIN.matcher(origin).matches()) {
                problems.add(piece.strip());
            } else {
                origins.add(origin);
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(
                    null,
                    "Not an origin: " + String.join(", ", problems)
                            + ". Write each like https://www.example.com (scheme and host, a port if not the usual one).");
        }
        if (origins.isEmpty()) {
            return new Parsed(null, "Name at least one origin the site is served from, like https://www.example.com.");
        }
        if (origins.size() > MAX) {
            return new Parsed(null, "At most " + MAX + " origins per site.");
        }
        return new Parsed(new SiteOrigins(List.copyOf(origins)), null);
    }

    /** The result of reading an admin's text: origins, or a message for the field. */
    public record Parsed(SiteOrigins origins, String problem) {
        public boolean ok() {
            return origins != null;
        }
    }

    /** Whether a browser's {@code Origin} header (or the origin of a {@code Referer}) is one of the site's. */
    public boolean allows(String origin) {
        if (origin == null || origin.isBlank()) {
            return false;
        }
        String asked = normalised(origin);
        for (String allowed : list) {
            if (allowed.equals(asked)) {
                return true;
            }
            int star = allowed.indexOf("://*.");
            if (star > 0) {
                String scheme = allowed.substring(0, star + 3);
                String suffix = allowed.substring(star + 4);
                if (asked.startsWith(scheme)
                        && asked.endsWith(suffix)
                        && asked.length() > scheme.length() + suffix.length()
                        && !asked.substring(scheme.length(), asked.length() - suffix.length())
                                .contains("/")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code https://www.example.com} for {@code HTTPS://www.Example.com:443/pricing?x}: lower case, usual port and path dropped. */
    public static String normalised(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme > 0) {
            int end = s.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int at = s.indexOf(c, scheme + 3);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            s = s.substring(0, end);
        }
        if (s.startsWith("https://") && s.endsWith(":443")) {
            s = s.substring(0, s.length() - 4);
        } else if (s.startsWith("http://") && s.endsWith(":80")) {
            s = s.substring(0, s.length() - 3);
        }
        return s;
    }
}
