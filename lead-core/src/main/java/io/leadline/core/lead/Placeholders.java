package io.leadline.core.lead;

import java.util.Set;

/**
 * Values people and exports write for "no value": HubSpot's {@code [not provided]}, a form's {@code Select},
 * spreadsheet errors, and the usual nulls and dashes. An import stores them as blanks; scoring reads a stored one as
 * unknown, so a rule on "company is unknown" holds for {@code N/A} too.
 */
public final class Placeholders {

    /** Compared case-insensitively, after the ends are trimmed. */
    public static final Set<String> TEXTS = Set.of(
            "null",
            "nil",
            "none",
            "n/a",
            "n.a.",
            "#n/a",
            "-",
            "--",
            "---",
            "?",
            "unknown",
            "not provided",
            "[not provided]",
            "not available",
            "select",
            "select...",
            "-- select --",
            "please select",
            "select one",
            "(not set)",
            "(blank)",
            "(none)",
            "(empty)",
            "empty",
            "undefined",
            "#value!",
            "#ref!");

    private static final int LONGEST =
            TEXTS.stream().mapToInt(String::length).max().orElseThrow();
    /** The placeholders by length, so a cell is compared only with those as long as it. */
    private static final String[][] BY_LENGTH = new String[LONGEST + 1][];
    /** The ASCII characters a placeholder may start with, in either case. */
    private static final boolean[] FIRST = new boolean[128];

    static {
        for (int n = 0; n <= LONGEST; n++) {
            int length = n;
            BY_LENGTH[n] = TEXTS.stream().filter(t -> t.length() == length).toArray(String[]::new);
        }
        for (String t : TEXTS) {
            char c = t.charAt(0);
            FIRST[c] = true;
            FIRST[Character.toUpperCase(c)] = true;
        }
    }

    private Placeholders() {}

    /**
     * Whether the text says "no value". Every cell of an import asks, so the answer is found without allocating:
     * most cells are longer than any placeholder or start with a character none starts with.
     */
    public static boolean is(String text) {
        if (text == null) {
            return false;
        }
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int n = end - start;
        if (n == 0 || n > LONGEST) {
            return false;
        }
        char first = text.charAt(start);
        if (first < 128 && !FIRST[first]) {
            return false;
        }
        for (String placeholder : BY_LENGTH[n]) {
            if (text.regionMatches(true, start, placeholder, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
