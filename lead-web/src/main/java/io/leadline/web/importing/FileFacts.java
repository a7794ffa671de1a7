package io.leadline.web.importing;

import io.leadline.core.lead.Placeholders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the mapping page says about how the file was read: its encoding and separator as detected, and how empty each
 * column is in the rows read for the preview (blank or a placeholder such as {@code N/A}), so a column that is mostly
 * empty is seen before it is mapped.
 */
record FileFacts(String encoding, String separator, List<Integer> emptyPercent, int rowsLooked) {

    static FileFacts of(Charset charset, char delimiter, int columns, List<List<String>> rows) {
        String encoding = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : encodingName(charset.name());
        String separator = separatorName(delimiter);
        List<Integer> empty = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            int blank = 0;
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : null;
                if (cell == null || cell.isBlank() || Placeholders.is(cell)) {
                    blank++;
                }
            }
            empty.add(rows.isEmpty() ? 0 : (int) Math.round(100.0 * blank / rows.size()));
        }
        return new FileFacts(encoding, separator, empty, rows.size());
    }

    /** How the page names an encoding of {@code CsvFile.ENCODINGS}. */
    static String encodingName(String charset) {
        return switch (charset) {
            case "windows-1252" -> "Windows-1252 (Western European, older Excel)";
            case "ISO-8859-15" -> "ISO-8859-15 (Latin-9)";
            case "UTF-16LE" -> "UTF-16 little-endian (Excel's “Unicode text”)";
            case "UTF-16BE" -> "UTF-16 big-endian";
            default -> charset;
        };
    }

    static String separatorName(char delimiter) {
        return switch (delimiter) {
            case ';' -> "semicolons";
            case '\t' -> "tabs";
            case '|' -> "vertical bars (|)";
            default -> "commas";
        };
    }
}
