package io.leadline.core.prediction;

import io.leadline.core.prediction.PredictiveModel.Column;
import io.leadline.core.prediction.PredictiveModel.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The columns the used fields get in training: a categorical value seen often enough gets its own, rarer ones share
 * {@link PredictiveModel#OTHER}; a number gets a capped, standardised column and quantile ranges; an empty field
 * gets {@link PredictiveModel#MISSING}.
 */
final class ModelColumns {

    private ModelColumns() {}

    /** The columns the used fields get in training. */
    static List<Column> of(List<Example> training, List<String> fields, int minCount) {
        List<Column> columns = new ArrayList<>();
        for (String field : fields) {
            Map<String, Integer> counts = new TreeMap<>();
            List<Double> numbers = new ArrayList<>();
            int missing = 0;
            for (Example e : training) {
                String value = e.categorical().get(field);
                Double number = e.numeric().get(field);
                if (value != null) {
                    counts.merge(value, 1, Integer::sum);
                } else if (number != null) {
                    numbers.add(number);
                } else {
                    missing++;
                }
            }
            if (!numbers.isEmpty()) {
                double[] sorted = numbers.stream()
                        .mapToDouble(Double::doubleValue)
                        .sorted()
                        .toArray();
                double low = sorted[(int) Math.floor(0.01 * (sorted.length - 1))];
                double high = sorted[(int) Math.ceil(0.99 * (sorted.length - 1))];
                double mean = Arrays.stream(sorted)
                        .map(x -> Math.max(low, Math.min(high, x)))
                        .average()
                        .orElse(0);
                double sd = Math.sqrt(Arrays.stream(sorted)
                        .map(x -> Math.pow(Math.max(low, Math.min(high, x)) - mean, 2))
                        .average()
                        .orElse(0));
                columns.add(new Column(field, Kind.NUMBER, null, 0, low, high, mean, sd));
                columns.addAll(bins(field, sorted));
            }
            boolean rare = false;
            for (var entry : counts.entrySet()) {
                if (entry.getValue() >= minCount) {
                    columns.add(new Column(field, Kind.CATEGORY, entry.getKey(), 0, 0, 0, 0, 0));
                } else {
                    rare = true;
                }
            }
            if (rare) {
                columns.add(new Column(field, Kind.CATEGORY, PredictiveModel.OTHER, 0, 0, 0, 0, 0));
            }
            if (missing > 0) {
                columns.add(new Column(field, Kind.CATEGORY, PredictiveModel.MISSING, 0, 0, 0, 0, 0));
            }
        }
        return columns;
    }

    /** Ranges by quantile, so that a number's effect need not be a straight line (at most {@value #BINS}). */
    static final int BINS = 10;

    static List<Column> bins(String field, double[] sorted) {
        List<Double> edges = new ArrayList<>();
        for (int q = 1; q < BINS; q++) {
            double edge = sorted[(int) Math.floor((double) q * (sorted.length - 1) / BINS)];
            if (edge > sorted[0] && (edges.isEmpty() || edge > edges.getLast())) {
                edges.add(edge);
            }
        }
        List<Column> bins = new ArrayList<>();
        if (edges.isEmpty()) {
            return bins;
        }
        double low = -Double.MAX_VALUE;
        for (int i = 0; i <= edges.size(); i++) {
            double high = i < edges.size() ? edges.get(i) : Double.MAX_VALUE;
            String label = low == -Double.MAX_VALUE
                    ? "below " + round(high)
                    : high == Double.MAX_VALUE
                            ? round(low) + " or more"
                            : "from " + round(low) + " to below " + round(high);
            bins.add(new Column(field, Kind.BIN, label, 0, low, high, 0, 0));
            low = high;
        }
        return bins;
    }

    private static String round(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15
                ? Long.toString((long) x)
                : String.valueOf(Math.round(x * 100) / 100.0);
    }
}
