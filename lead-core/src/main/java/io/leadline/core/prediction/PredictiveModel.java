package io.leadline.core.prediction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trained likelihood-to-close model: logistic regression over one-hot categorical values and capped, standardised
 * numbers. Transparent: every column has a weight, shown to admins as points (weight × 10) they can copy into the
 * manual model.
 */
public final class PredictiveModel {

    /** The value a categorical field falls into when it was too rare in training to have its own column. */
    public static final String OTHER = "(other)";
    /** The column of a field left empty. */
    public static final String MISSING = "(missing)";

    public enum Kind {
        CATEGORY,
        NUMBER,
        BIN
    }

    /**
     * One column. A CATEGORY column is 1 when the field has {@code value} ({@link #OTHER}: a value without a column of
     * its own; {@link #MISSING}: no value); a NUMBER column holds the field's value capped to [{@code low}, {@code high}]
     * and standardised with {@code mean} and {@code sd} (0 when missing; the field's MISSING column says so); a BIN
     * column is 1 when the field's number is in [{@code low}, {@code high}) — ranges let a number's effect bend.
     */
    public record Column(
            String field, Kind kind, String value, double weight, double low, double high, double mean, double sd) {

        /** The column's weight as points, for the manual model. */
        public int points() {
            return (int) Math.round(weight * 10);
        }

        /** "source = paid search", "email opens (each standard deviation above 2.3)". */
        public String label() {
            return switch (kind) {
                case NUMBER -> field + " (each standard deviation above " + Math.round(mean * 10) / 10.0 + ")";
                case BIN -> field + " " + value;
                case CATEGORY -> field + " = " + value;
            };
        }
    }

    private final double intercept;
    private final List<Column> columns;
    private final Map<String, Set<String>> valuesWithColumns = new HashMap<>();
    /** Fields read as numbers (a custom field arrives as text and is read as it was in training). */
    private final Set<String> numericFields = new HashSet<>();
    /** Fields made of two others ({@link FieldPairs}), computed from them for each lead. */
    private final List<String> pairFields = new ArrayList<>();

    public PredictiveModel(double intercept, List<Column> columns) {
        this.intercept = intercept;
        this.columns = List.copyOf(columns);
        for (Column c : this.columns) {
            if (c.kind() == Kind.CATEGORY) {
                valuesWithColumns
                        .computeIfAbsent(c.field(), k -> new HashSet<>())
                        .add(c.value());
                if (FieldPairs.isPair(c.field()) && !pairFields.contains(c.field())) {
                    pairFields.add(c.field());
                }
            } else {
                numericFields.add(c.field());
            }
        }
    }

    public double intercept() {
        return intercept;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The probability that the lead is won. */
    public double likelihood(Example lead) {
        lead = FieldPairs.withPairs(NumericFields.typed(lead, numericFields), pairFields);
        double z = intercept;
        for (Column column : columns) {
            z += column.weight() * value(column, lead);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The lead fields the model reads (a pair's two fields rather than the pair). */
    public Set<String> inputFields() {
        Set<String> fields = new TreeSet<>();
        for (Column c : columns) {
            if (FieldPairs.isPair(c.field())) {
                fields.addAll(List.of(c.field().split(FieldPairs.JOIN)));
            } else {
                fields.add(c.field());
            }
        }
        return fields;
    }

    /** The columns that move the likelihood most, strongest first. */
    public List<Column> strongest(int count) {
        List<Column> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparingDouble((Column c) -> -Math.abs(c.weight())));
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    double value(Column column, Example lead) {
        String field = column.field();
        if (column.kind() == Kind.NUMBER) {
            Double x = lead.numeric().get(field);
            if (x == null || column.sd() == 0) {
                return 0;
            }
            return (Math.max(column.low(), Math.min(column.high(), x)) - column.mean()) / column.sd();
        }
        if (column.kind() == Kind.BIN) {
            Double x = lead.numeric().get(field);
            return x != null && x >= column.low() && x < column.high() ? 1 : 0;
        }
        boolean present =
                lead.categorical().containsKey(field) || lead.numeric().containsKey(field);
        if (column.value().equals(MISSING)) {
            return present ? 0 : 1;
        }
        String actual = lead.categorical().get(field);
        if (actual == null) {
            return 0;
        }
        if (column.value().equals(OTHER)) {
            return valuesWithColumns.getOrDefault(field, Set.of()).contains(actual) ? 0 : 1;
        }
        return column.value().equals(actual) ? 1 : 0;
    }
}
