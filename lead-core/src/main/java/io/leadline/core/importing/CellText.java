package io.leadline.core.importing;

import io.leadline.core.lead.Placeholders;
import java.text.Normalizer;

/**
 * What a text cell of an export really says. Every text value an import reads goes through here (and the forms and
 * the API use {@link #invisibleTrouble} to refuse what a person did not mean to type):
 * <ul>
 *   <li>Unicode composed (NFC), so "José" typed two ways is one spelling;</li>
 *   <li>zero-width characters and byte-order marks removed, non-breaking and other Unicode spaces made plain spaces,
 *       a run of spaces made one, the ends trimmed (tabs and line breaks inside are kept as written);</li>
 *   <li>control characters, NUL among them, removed, except tabs and line breaks, which multi-line notes need;</li>
 *   <li>a placeholder ({@link Placeholders}: {@code null}, {@code N/A}, {@code [not provided]}, {@code Select}, …)
 *       is blank: the export meant "nothing here".</li>
 * </ul>
 */
public final class CellText {

    private CellText() {}

    /** The cell as a value, or the empty string when it holds nothing (blank, invisible characters or a placeholder). */
    public static String clean(String raw) {
        String text = visible(raw);
        return isPlaceholder(text) ? "" : text;
    }

    /** The cell with invisible trouble removed and spaces folded, placeholders kept as they are. */
    public static String visible(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (plain(raw)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (invisible(c) || Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                continue;
            }
            int plain = c != ' ' && Character.isSpaceChar(c) ? ' ' : c;
            if (plain != ' ' || out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                out.appendCodePoint(plain);
            }
        }
        // Composed last: a combining accent may meet its letter only once an invisible character between them is gone.
        String visible = out.toString().strip();
        return Normalizer.isNormalized(visible, Normalizer.Form.NFC)
                ? visible
                : Normalizer.normalize(visible, Normalizer.Form.NFC);
    }

    /** Whether the (cleaned) text is one of the {@link Placeholders}. */
    public static boolean isPlaceholder(String text) {
        return Placeholders.is(text);
    }

    /** Whether typed text holds characters nobody means to type: NUL and other control characters, zero-width ones. */
    public static boolean invisibleTrouble(String typed) {
        if (typed == null) {
            return false;
        }
        return typed.codePoints()
                .anyMatch(c -> invisible(c) || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    /**
     * Whether typed text holds control characters — NUL among them — other than tabs and line breaks: nothing a
     * person types, and NUL is something Postgres cannot store at all. Forms and the API refuse such text.
     */
    public static boolean hasControlCharacters(String typed) {
        if (typed == null) {
            return false;
        }
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** Zero-width spaces and joiners, the word joiner, the byte-order mark, soft hyphens. */
    private static boolean invisible(int c) {
        return c >= 0x200B && c <= 0x200F || c >= 0x2060 && c <= 0x2064 || c == 0xFEFF || c == 0x00AD || c == 0x180E;
    }

    /** The common case, checked without allocating: printable ASCII, no space at either end, no run of spaces. */
    private static boolean plain(String s) {
        int n = s.length();
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == ' ' && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }
}
