package io.leadline.core.prediction;

import io.leadline.core.lead.FieldType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Custom fields that hold numbers (an import stores every cell as text): a field is read as a number when nearly all
 * of its filled values are numbers and they take enough distinct values to be a measure rather than a code (a rating
 * of 1–5 stays a category, each value with its own weight). Numbers then enter the model as numbers — capped,
 * standardised, in ranges, with a missing indicator — instead of one column per distinct value.
 */
final class NumericFields {

    /** Of the filled values, at least this share must be numbers. */
    static final double NUMBER_SHARE = 0.95;
    /** And they must take at least this many distinct values. */
    static final int MIN_DISTINCT = 12;
    /** And a field needs this many filled values to be judged at all. */
    static final int MIN_FILLED = 20;

    private NumericFields() {}

    /** The categorical fields of these leads that hold numbers. */
    static Set<String> detect(List<Example> examples) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Set<Double>> distinct = new HashMap<>();
        for (Example e : examples) {
            e.categorical().forEach((field, value) -> {
                int[] c = counts.computeIfAbsent(field, k -> new int[2]);
                c[0]++;
                Double x = FieldType.number(value);
                if (x != null) {
                    c[1]++;
                    Set<Double> seen = distinct.computeIfAbsent(field, k -> new HashSet<>());
                    if (seen.size() < MIN_DISTINCT) {
                        seen.add(x);
                    }
                }
            });
        }
        Set<String> numeric = new TreeSet<>();
        counts.forEach((field, c) -> {
            if (c[0] >= MIN_FILLED
                    && c[1] >= NUMBER_SHARE * c[0]
                    && distinct.getOrDefault(field, Set.of()).size() >= MIN_DISTINCT) {
                numeric.add(field);
            }
        });
        return numeric;
    }

    /** The lead with these fields read as numbers (a value that is not one counts as missing). */
    static Example typed(Example e, Set<String> fields) {
        if (fields.isEmpty() || e.categorical().keySet().stream().noneMatch(fields::contains)) {
            return e;
        }
        Map<String, String> categorical = new HashMap<>(e.categorical());
        Map<String, Double> numeric = new HashMap<>(e.numeric());
        for (String field : fields) {
            String value = categorical.remove(field);
            Double x = FieldType.number(value);
            if (x != null) {
                numeric.put(field, x);
            }
        }
        return new Example(categorical, numeric, e.won());
    }

    static List<Example> typed(List<Example> examples, Set<String> fields) {
        return fields.isEmpty()
                ? examples
                : examples.stream().map(e -> typed(e, fields)).toList();
    }
}
