package io.leadline.core.lead;

import java.util.Locale;
import java.util.Set;

/**
 * Values people and exports write for "no value": HubSpot's {@code [not provided]}, a form's {@code Select},
 * spreadsheet errors, and the usual nulls and dashes. An import stores them as blanks; scoring reads a stored one as
 * unknown, so a rule on "company is unknown" holds for {@code N/A} too.
 */
public final class Placeholders {

    /** Compared case-insensitively, after the ends are trimmed. */
    public static final Set<String> TEXTS = Set.of("null", "nil", "none", "n/a", "n.a.", "#n/a", "-", "--",
            "---", "?", "unknown", "not provided", "[not provided]", "not available", "select", "select...",
            "-- select --", "please select", "select one", "(not set)", "(blank)", "(none)", "(empty)", "empty", "undefined", "#value!", "#ref!");

    private static final int LONGEST = TEXTS.stream().mapToInt(String::length).max().orElseThrow();

    private Placeholders() {
    }

    /** Whether the text says "no value". */
    public static boolean is(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        return !t.isEmpty() && t.length() <= LONGEST && TEXTS.contains(t.toLowerCase(Locale.ROOT));
    }
}
