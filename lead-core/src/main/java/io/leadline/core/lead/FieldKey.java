package io.leadline.core.lead;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one name a field goes by, whatever the spelling of the header it came from: {@code Lead Quality},
 * {@code lead_quality}, {@code LEAD-QUALITY} and {@code Lead  Quality } are all {@code lead_quality}. Custom attributes
 * are stored under it, and rules, filters, the likelihood and the API look fields up by it; the header as the file
 * spelled it is only a label.
 *
 * <p>The key is the name composed (NFC), lower-cased, with every run of characters that are neither letters nor
 * digits made one underscore and none at either end. Letters of any script stay ({@code Prénom} is {@code prénom}).
 */
public final class FieldKey {

    private FieldKey() {}

    /** The key of a field name; empty when the name has no letter or digit. */
    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String composed = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(composed.length());
        boolean gap = false;
        for (int i = 0; i < composed.length(); ) {
            int c = composed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (gap && !key.isEmpty()) {
                    key.append('_');
                }
                key.appendCodePoint(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return key.toString();
    }

    /** The key of a name that must have one. */
    public static String require(String name) {
        String key = of(name);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a field name: it needs a letter or a digit");
        }
        return key;
    }

    /**
     * A value folded for comparison: trimmed, composed, lower-cased, each run of spaces, underscores and hyphens
     * between other characters one underscore. {@code Organic Search} and {@code organic_search} fold alike;
     * {@code A+} and {@code A-} stay apart.
     */
    public static String foldValue(String value) {
        String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(v.length());
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (separator(c) && !out.isEmpty()) {
                int end = i;
                while (end < v.length() && separator(v.charAt(end))) {
                    end++;
                }
                out.append(end < v.length() ? "_" : v.substring(i, end));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '_' || c == '-' || c == '\t';
    }
}
