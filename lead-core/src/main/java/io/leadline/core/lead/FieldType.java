package io.leadline.core.lead;

import java.util.regex.Pattern;

/**
 * What a custom field holds, told from its values when an import brings them ({@code FieldTypes.detect}): every cell
 * is stored as text, but a field of numbers can be filtered by range and a field of dates read as dates.
 */
public enum FieldType {
    TEXT("text"),
    NUMBER("number"),
    DATE("date");

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(?:[,_]\\d{3})+(?:\\.\\d+)?");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The number a (normalised) value reads as, or {@code null}: "1234", "-1", "3.5", "3,5", "1,234.5", "1_000". */
    public static Double number(String value) {
        if (value == null || value.length() > 30) {
            return null;
        }
        if (PLAIN.matcher(value).matches()) {
            return Double.parseDouble(value.replace(',', '.'));
        }
        if (GROUPED.matcher(value).matches()) {
            return Double.parseDouble(value.replace(",", "").replace("_", ""));
        }
        return null;
    }
}
