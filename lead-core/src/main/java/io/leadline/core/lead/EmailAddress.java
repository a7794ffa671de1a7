package io.leadline.core.lead;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * A lead's email address, trimmed, composed (NFC) and lower-cased so that two spellings of one address are one lead.
 * The syntax check is deliberately practical (one {@code @}, a dotted domain, no spaces), not RFC 5322; letters
 * beyond ASCII are letters, in the local part and the domain alike ({@code joão@exemplo.com.br}, RFC 6531).
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    /** Characters a local part may hold besides letters and digits. */
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~.-";

    public EmailAddress {
        String normalised = normalise(value);
        if (!isValid(normalised)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid email address");
        }
        value = normalised;
    }

    /** The address if {@code raw} is a valid one, after trimming and lower-casing. */
    public static Optional<EmailAddress> parse(String raw) {
        return isValid(normalise(raw)) ? Optional.of(new EmailAddress(raw)) : Optional.empty();
    }

    /** The part after the {@code @}, e.g. {@code acme.com}. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String stripped = raw.strip();
        for (int i = 0; i < stripped.length(); i++) {
            if (stripped.charAt(i) > 0x7E) {
                return Normalizer.normalize(stripped, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            }
        }
        return stripped.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code local@domain}: the local part of letters, digits and {@value #LOCAL_SPECIALS}; the domain two or more
     * dot-separated labels of letters, digits and inner hyphens; no {@code ..} anywhere. Checked by hand rather than
     * by a regular expression: every imported row and every rescored lead passes here.
     */
    static boolean isValid(String normalised) {
        int at = normalised.indexOf('@');
        if (normalised.length() > MAX_LENGTH || at < 1 || normalised.contains("..")) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = normalised.charAt(i);
            if (!isLetterOrDigit(c) && LOCAL_SPECIALS.indexOf(c) < 0) {
                return false;
            }
        }
        int labels = 0;
        int start = at + 1;
        while (true) {
            int end = normalised.indexOf('.', start);
            int stop = end < 0 ? normalised.length() : end;
            if (!isLabel(normalised, start, stop)) {
                return false;
            }
            labels++;
            if (end < 0) {
                return labels >= 2;
            }
            start = end + 1;
        }
    }

    private static boolean isLabel(String s, int from, int to) {
        if (to <= from || !isLetterOrDigit(s.charAt(from)) || !isLetterOrDigit(s.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c > 0x7F && Character.isLetterOrDigit(c);
    }
}
