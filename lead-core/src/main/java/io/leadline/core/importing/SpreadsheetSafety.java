package io.leadline.core.importing;

/**
 * Keeps a cell we write to a CSV file (an export, the rejected rows of an import) from running as a formula
 * when someone opens the file in a spreadsheet (CSV injection): a cell starting with {@code = + - @}, a tab
 * or a carriage return gets a leading apostrophe, which spreadsheets show as text.
 */
public final class SpreadsheetSafety {

    private SpreadsheetSafety() {}

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
