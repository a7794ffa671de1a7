package io.leadline.core.lead;

import io.leadline.core.Refusal;

/**
 * A lead list filter on one custom field: its value (ignoring case and surrounding spaces), or, for a field of
 * numbers, a range ({@code min}, {@code max}; either may be open).
 */
public record FieldFilter(String field, String value, Double min, Double max) {

    public FieldFilter {
        field = FieldKey.of(field == null ? "" : field);
        value = value == null || value.isBlank() ? null : value.strip();
        if (field.isEmpty()) {
            throw new Refusal("filter.field", "Name the field to filter on.");
        }
        if (value == null && min == null && max == null) {
            throw new Refusal("filter.value", "Give the value of " + field + " to look for, or a range.", field);
        }
        if (min != null && max != null && min > max) {
            throw new Refusal("filter.range", "The lowest value of " + field + " is above the highest.", field);
        }
    }

    /** The filter a form's four fields make, or {@code null} when they are all blank. */
    public static FieldFilter of(String field, String value, Double min, Double max) {
        boolean none =
                (field == null || field.isBlank()) && (value == null || value.isBlank()) && min == null && max == null;
        return none ? null : new FieldFilter(field, value, min, max);
    }
}
