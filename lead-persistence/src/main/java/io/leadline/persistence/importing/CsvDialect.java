package io.leadline.persistence.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a CSV file writes its text, told from its first bytes unless the user chose: the encoding (UTF-8, else
 * Windows-1252; UTF-16 by its byte-order mark), how many bytes of byte-order mark to skip, and the separator.
 */
record CsvDialect(Charset charset, int bom, char delimiter) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** @param truncated whether {@code head} stops before the end of the file */
    static CsvDialect of(byte[] head, boolean truncated, CsvFile.Reading reading) {
        boolean utf8Bom =
                head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
        // Excel's "Unicode text" is UTF-16 (little-endian) with a byte-order mark, and tab-separated.
        Charset utf16 = head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                ? StandardCharsets.UTF_16LE
                : head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
                        ? StandardCharsets.UTF_16BE
                        : null;
        Charset chosen = reading.encoding() == null ? null : Charset.forName(reading.encoding());
        boolean sixteen = utf16 != null || chosen != null && chosen.name().startsWith("UTF-16");
        int nuls = 0;
        for (byte b : head) {
            nuls += b == 0 ? 1 : 0;
        }
        // A stray NUL is a bad cell (removed when the row is read); a file of them is not text at all.
        if (!sixteen && nuls > 16 && nuls > head.length / 100) {
            throw new CsvFile.UnreadableFileException(
                    "This is not a text file (it holds binary data); export the data as CSV.");
        }
        int bom = utf8Bom ? 3 : utf16 != null ? 2 : 0;
        Charset charset = chosen != null
                ? chosen
                : utf16 != null ? utf16 : isUtf8(head, bom, truncated) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        if (bom == 3 && !charset.equals(StandardCharsets.UTF_8)
                || bom == 2 && !charset.name().startsWith("UTF-16")) {
            bom = 0; // the user says the file is not what its first bytes claim: read them as data
        }
        String start = new String(head, bom, Math.min(head.length - bom, 64 * 1024), charset);
        return new CsvDialect(charset, bom, reading.delimiter() != null ? reading.delimiter() : delimiter(start));
    }

    /**
     * UTF-8 unless the bytes say otherwise: a file whose non-ASCII bytes are mostly well-formed UTF-8 is UTF-8 even if a
     * few lines are not (those bytes become U+FFFD and their rows are rejected, see {@code LeadRow.UNREADABLE}); a file whose
     * non-ASCII bytes are mostly not UTF-8 is Windows-1252, as older Excel exports are.
     */
    private static boolean isUtf8(byte[] bytes, int from, boolean truncated) {
        int end = bytes.length;
        if (truncated) {
            // Do not judge a character cut in two by the sniffing limit.
            while (end > from && (bytes[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > from && (bytes[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        int valid = 0;
        int invalid = 0;
        for (int i = from; i < end; ) {
            int b = bytes[i] & 0xff;
            int length = b < 0x80
                    ? 1
                    : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 1) {
                i++;
                continue;
            }
            boolean ok = length > 0 && i + length <= end;
            for (int k = 1; ok && k < length; k++) {
                ok = (bytes[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                valid++;
                i += length;
            } else {
                invalid++;
                i++;
            }
        }
        return invalid == 0 || valid >= 4 * invalid;
    }

    /** The delimiter that splits the first line most: comma, semicolon, tab or {@code |} (quotes respected). */
    private static char delimiter(String start) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        int pipe = 0;
        boolean quoted = false;
        for (int i = 0; i < start.length(); i++) {
            char c = start.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
                pipe += c == '|' ? 1 : 0;
            }
        }
        if (pipe > comma && pipe > semicolon && pipe > tab) {
            return '|';
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }
}
