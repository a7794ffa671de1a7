package io.leadline.core.importing;

import io.leadline.core.lead.FieldType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Tells a custom field's type from its values: a number when nearly every filled value is one, a date when nearly
 * every one reads as a date written year first, day first or month first (numbers are numbers, not Excel serials);
 * text otherwise. Blanks and placeholders are not counted.
 */
public final class FieldTypes {

    /** Of the filled values, at least this share must fit the type. */
    static final double SHARE = 0.95;

    private FieldTypes() {}

    public static FieldType detect(Collection<String> values) {
        List<String> filled = new ArrayList<>();
        for (String value : values) {
            String clean = CellText.clean(value); // blank for a placeholder too
            if (!clean.isEmpty()) {
                filled.add(clean);
            }
        }
        if (filled.isEmpty()) {
            return FieldType.TEXT;
        }
        if (fitting(filled.stream().filter(v -> FieldType.number(v) != null).count(), filled.size())) {
            return FieldType.NUMBER;
        }
        for (DateFormat format : List.of(DateFormat.ISO, DateFormat.DAY_FIRST, DateFormat.MONTH_FIRST)) {
            if (fitting(filled.stream().filter(v -> format.parse(v).isPresent()).count(), filled.size())) {
                return FieldType.DATE;
            }
        }
        return FieldType.TEXT;
    }

    private static boolean fitting(long fit, int of) {
        return fit >= SHARE * of;
    }
}
