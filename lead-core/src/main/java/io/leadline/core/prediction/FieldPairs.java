package io.leadline.core.prediction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Two fields that say more together than apart — a campaign's month and day, a country and a source — become one
 * categorical field of their own ("month × day"), so that a linear model can learn what only their combination
 * says. A pair is kept when it ranks better than its two fields added up (what the linear model gets without it).
 * Pairs are chosen on the training leads alone (an inner split of them), among the fields the model uses; a
 * number takes part only when it has few distinct values (a day of the month, not a balance).
 */
final class FieldPairs {

    /** What joins the two names of a pair's field (no field key or built-in field name contains it). */
    static final String JOIN = " × ";
    /** Fields tried in pairs: the strongest alone. */
    static final int CANDIDATES = 10;
    /** Pairs kept at most. */
    static final int MAX_PAIRS = 10;
    /** A pair must rank the inner held-out leads this much better than its two fields added up. */
    static final double MIN_GAIN = 0.005;
    /** A number with more distinct values than this takes no part in pairs. */
    static final int MAX_NUMBER_VALUES = 40;

    private FieldPairs() {}

    /** Whether a field is a pair of two others. */
    static boolean isPair(String field) {
        return field.contains(JOIN);
    }

    /** The pairs worth a field of their own among {@code fields}, strongest first. */
    static List<String> find(List<Example> training, List<String> fields, long seed) {
        List<String> usable = fields.stream()
                .filter(f -> !isPair(f) && fewValues(training, f))
                .toList();
        if (usable.size() < 2 || training.size() < 200) {
            return List.of();
        }
        List<Example> shuffled = new ArrayList<>(training);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = (int) (shuffled.size() * 0.7);
        List<Example> fit = shuffled.subList(0, cut);
        List<Example> check = shuffled.subList(cut, shuffled.size());
        Map<String, Double> alone = new HashMap<>();
        for (String f : usable) {
            alone.put(f, auc(fit, check, e -> part(e, f)));
        }
        List<String> candidates = usable.stream()
                .sorted(Comparator.comparingDouble((String f) -> -alone.get(f)))
                .limit(CANDIDATES)
                .toList();
        Map<String, Double> gains = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                String a = candidates.get(i);
                String b = candidates.get(j);
                String pair = a + JOIN + b;
                double gain = auc(fit, check, e -> value(e, pair)) - additiveAuc(fit, check, a, b);
                if (gain >= MIN_GAIN) {
                    gains.put(pair, gain);
                }
            }
        }
        return gains.keySet().stream()
                .sorted(Comparator.comparingDouble((String p) -> -gains.get(p)).thenComparing(p -> p))
                .limit(MAX_PAIRS)
                .toList();
    }

    /** The lead with its pair fields added (a pair is missing when either field is). */
    static Example withPairs(Example e, List<String> pairs) {
        if (pairs.isEmpty()) {
            return e;
        }
        Map<String, String> categorical = new HashMap<>(e.categorical());
        for (String pair : pairs) {
            String v = value(e, pair);
            if (v != null) {
                categorical.put(pair, v);
            }
        }
        return new Example(categorical, e.numeric(), e.won());
    }

    static List<Example> withPairs(List<Example> examples, List<String> pairs) {
        return pairs.isEmpty()
                ? examples
                : examples.stream().map(e -> withPairs(e, pairs)).toList();
    }

    private static String value(Example e, String pair) {
        int at = pair.indexOf(JOIN);
        String a = part(e, pair.substring(0, at));
        String b = part(e, pair.substring(at + JOIN.length()));
        return a == null || b == null ? null : a + " | " + b;
    }

    private static String part(Example e, String field) {
        String v = e.categorical().get(field);
        if (v != null) {
            return v;
        }
        Double x = e.numeric().get(field);
        return x == null ? null : x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString(x.longValue()) : x.toString();
    }

    private static boolean fewValues(List<Example> training, String field) {
        Set<Double> seen = new HashSet<>();
        for (Example e : training) {
            Double x = e.numeric().get(field);
            if (x != null && seen.add(x) && seen.size() > MAX_NUMBER_VALUES) {
                return false;
            }
        }
        return true;
    }

    /** How well a value's smoothed win rate in {@code fit} ranks the {@code check} leads (missing is a value too). */
    private static double auc(List<Example> fit, List<Example> check, Function<Example, String> key) {
        Function<Example, Double> rate = winRates(fit, key);
        return auc(check, rate::apply);
    }

    /** How well the two fields' win rates, added as log-odds, rank the {@code check} leads. */
    private static double additiveAuc(List<Example> fit, List<Example> check, String a, String b) {
        Function<Example, Double> rateA = winRates(fit, e -> part(e, a));
        Function<Example, Double> rateB = winRates(fit, e -> part(e, b));
        return auc(check, e -> logit(rateA.apply(e)) + logit(rateB.apply(e)));
    }

    private static Function<Example, Double> winRates(List<Example> fit, Function<Example, String> key) {
        double base = fit.stream().filter(Example::won).count() / (double) fit.size();
        Map<String, double[]> counts = new HashMap<>();
        for (Example e : fit) {
            double[] c = counts.computeIfAbsent(String.valueOf(key.apply(e)), k -> new double[2]);
            c[0]++;
            c[1] += e.won() ? 1 : 0;
        }
        return e -> {
            double[] c = counts.get(String.valueOf(key.apply(e)));
            return c == null ? base : (c[1] + 20 * base) / (c[0] + 20);
        };
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

    private static double auc(List<Example> check, ToDoubleFunction<Example> score) {
        double[] scores = new double[check.size()];
        boolean[] won = new boolean[check.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = score.applyAsDouble(check.get(i));
            won[i] = check.get(i).won();
        }
        Double auc = RankingQuality.auc(scores, won);
        return auc == null ? 0.5 : auc;
    }
}
