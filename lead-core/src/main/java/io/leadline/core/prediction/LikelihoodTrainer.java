package io.leadline.core.prediction;

import io.leadline.core.prediction.PredictiveModel.Column;
import io.leadline.core.stats.LogisticRegression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trains the likelihood-to-close model on leads with a known outcome: a stratified split (the same each time for the
 * same leads), a leakage check of every field on its own, then L2-regularised logistic regression (Adam over the
 * training part), judged on the held-out part by ranking (AUC), Brier score and calibration deciles.
 */
public final class LikelihoodTrainer {

    /**
     * @param minCount      a categorical value needs this many training leads for a column of its own
     * @param l2            the regularisation strength
     * @param iterations    gradient steps over the training part
     * @param leakAuc       a field that alone ranks this well (or whose being filled in does) is flagged as leaking
     * @param heldOutShare  the share of leads, won and others alike, kept aside to judge the model
     * @param seed          for the split
     */
    public record Settings(int minCount, double l2, int iterations, double leakAuc, double heldOutShare, long seed) {

        public static Settings defaults() {
            return new Settings(5, 0.001, 400, 0.9, 0.3, 42);
        }
    }

    /**
     * What the leakage check found for one field. {@code filledWhenOpen}: its fill rate on open leads, {@code null} when
     * none were given. {@code used}: in the model (not leaking and not left out, or included knowingly).
     */
    public record FieldCheck(
            String field,
            double aloneAuc,
            double filledWhenWon,
            double filledOtherwise,
            Double filledWhenOpen,
            boolean leaking,
            String why,
            boolean used) {}

    /** The trained model and how it did on the leads it never saw. {@code heldOut}: their indexes in the input. */
    public record Trained(
            PredictiveModel model,
            int trainingLeads,
            int heldOutLeads,
            int won,
            Double auc,
            double brier,
            List<RankingQuality.Decile> calibration,
            List<FieldCheck> fields,
            int[] heldOut) {}

    private LikelihoodTrainer() {}

    public static Trained train(List<Example> examples, Set<String> includeAnyway, Settings settings) {
        return train(examples, List.of(), includeAnyway, Set.of(), settings);
    }

    /**
     * @param open          leads without an outcome yet: only their fill rates are read (a field filled on resolved
     *                      leads and rarely on open ones was probably recorded as the deal closed)
     * @param includeAnyway flagged fields the admin includes knowingly
     * @param leaveOut      fields the admin leaves out, flagged or not
     */
    public static Trained train(
            List<Example> examples,
            List<Example> open,
            Set<String> includeAnyway,
            Set<String> leaveOut,
            Settings settings) {
        return train(examples, open, includeAnyway, leaveOut, settings, FieldHistory.NONE);
    }

    /** @param history when fields were filled in, where known (a field filled after MQL is flagged) */
    public static Trained train(
            List<Example> examples,
            List<Example> open,
            Set<String> includeAnyway,
            Set<String> leaveOut,
            Settings settings,
            FieldHistory history) {
        Set<String> numbers = NumericFields.detect(examples);
        examples = NumericFields.typed(examples, numbers);
        open = NumericFields.typed(open, numbers);
        long wonCount = examples.stream().filter(Example::won).count();
        if (wonCount < 2 || examples.size() - wonCount < 2) {
            throw new IllegalArgumentException(
                    "Training needs at least two won leads and two others with a known outcome; there are " + wonCount
                            + " won and " + (examples.size() - wonCount) + " others.");
        }
        int[][] split = split(examples, settings);
        List<Example> training = pick(examples, split[0]);
        List<Example> heldOut = pick(examples, split[1]);

        List<FieldCheck> checks = check(training, heldOut, open, includeAnyway, leaveOut, settings, history);
        checks = LeakGuard.dominance(training, heldOut, checks, includeAnyway, settings);
        List<String> used =
                checks.stream().filter(FieldCheck::used).map(FieldCheck::field).toList();
        // Two fields that say more together get a field of their own (chosen on the training part alone).
        List<String> pairs = FieldPairs.find(training, used, settings.seed());
        List<Example> paired = FieldPairs.withPairs(training, pairs);
        List<String> fields = new ArrayList<>(used);
        fields.addAll(pairs);
        List<Column> columns = ModelColumns.of(paired, fields, settings.minCount());
        PredictiveModel model = fit(paired, columns, settings);

        double[] p = new double[heldOut.size()];
        boolean[] y = new boolean[heldOut.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.likelihood(heldOut.get(i));
            y[i] = heldOut.get(i).won();
        }
        return new Trained(
                model,
                training.size(),
                heldOut.size(),
                (int) wonCount,
                RankingQuality.auc(p, y),
                RankingQuality.brier(p, y),
                RankingQuality.deciles(p, y),
                checks,
                split[1]);
    }

    /**
     * The fields the leak guard flags, with why, without training a model (the dominance check needs one and is left
     * out): for a points model suggested from the same leads.
     */
    public static Map<String, String> flagged(List<Example> examples, List<Example> open, Settings settings) {
        Map<String, String> flagged = new TreeMap<>();
        review(examples, open, settings).stream()
                .filter(FieldCheck::leaking)
                .forEach(c -> flagged.put(c.field(), c.why()));
        return flagged;
    }

    /**
     * Every field checked on its own before any training (fill rates, AUC alone, the leak signals but the dominance
     * check, which needs a model), on the same split a training would use.
     */
    public static List<FieldCheck> review(List<Example> examples, List<Example> open, Settings settings) {
        return review(examples, open, settings, FieldHistory.NONE);
    }

    public static List<FieldCheck> review(
            List<Example> examples, List<Example> open, Settings settings, FieldHistory history) {
        Set<String> numbers = NumericFields.detect(examples);
        examples = NumericFields.typed(examples, numbers);
        open = NumericFields.typed(open, numbers);
        int[][] split = split(examples, settings);
        return check(pick(examples, split[0]), pick(examples, split[1]), open, Set.of(), Set.of(), settings, history);
    }

    /** Won leads and the others shuffled apart, the same share of each held out. */
    static int[][] split(List<Example> examples, Settings settings) {
        List<Integer> won = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (examples.get(i).won() ? won : others).add(i);
        }
        Random random = new Random(settings.seed());
        Collections.shuffle(won, random);
        Collections.shuffle(others, random);
        int wonOut = Math.max(1, (int) Math.round(won.size() * settings.heldOutShare()));
        int othersOut = Math.max(1, (int) Math.round(others.size() * settings.heldOutShare()));
        List<Integer> train = new ArrayList<>(won.subList(wonOut, won.size()));
        train.addAll(others.subList(othersOut, others.size()));
        List<Integer> test = new ArrayList<>(won.subList(0, wonOut));
        test.addAll(others.subList(0, othersOut));
        Collections.sort(train);
        Collections.sort(test);
        return new int[][] {
            train.stream().mapToInt(Integer::intValue).toArray(),
            test.stream().mapToInt(Integer::intValue).toArray()
        };
    }

    private static List<Example> pick(List<Example> examples, int[] indexes) {
        List<Example> picked = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            picked.add(examples.get(i));
        }
        return picked;
    }

    /**
     * Each field on its own: how well its values rank the held-out leads (a categorical value scored by its win rate in
     * training; a number by itself, either direction), and how well merely being filled in does.
     */
    static List<FieldCheck> check(
            List<Example> training,
            List<Example> heldOut,
            List<Example> open,
            Set<String> includeAnyway,
            Set<String> leaveOut,
            Settings settings,
            FieldHistory history) {
        Set<String> fields = new TreeSet<>();
        training.forEach(e -> {
            fields.addAll(e.categorical().keySet());
            fields.addAll(e.numeric().keySet());
        });
        boolean[] y = new boolean[heldOut.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = heldOut.get(i).won();
        }
        double baseRate = training.stream().filter(Example::won).count() / (double) training.size();
        List<FieldCheck> checks = new ArrayList<>();
        for (String field : fields) {
            Map<String, double[]> byValue = new HashMap<>();
            long wonFilled = 0;
            long wonAll = 0;
            long otherFilled = 0;
            long otherAll = 0;
            for (Example e : training) {
                String value = e.categorical().get(field);
                boolean filled = value != null || e.numeric().containsKey(field);
                if (e.won()) {
                    wonAll++;
                    wonFilled += filled ? 1 : 0;
                } else {
                    otherAll++;
                    otherFilled += filled ? 1 : 0;
                }
                if (value != null) {
                    double[] counts = byValue.computeIfAbsent(value, k -> new double[2]);
                    counts[0]++;
                    counts[1] += e.won() ? 1 : 0;
                }
            }
            double[] alone = new double[heldOut.size()];
            double[] filled = new double[heldOut.size()];
            for (int i = 0; i < alone.length; i++) {
                Example e = heldOut.get(i);
                String value = e.categorical().get(field);
                Double number = e.numeric().get(field);
                filled[i] = value != null || number != null ? 1 : 0;
                if (value != null) {
                    double[] counts = byValue.get(value);
                    alone[i] = counts == null ? baseRate : (counts[1] + 10 * baseRate) / (counts[0] + 10);
                } else if (number != null) {
                    alone[i] = number;
                } else {
                    alone[i] = Double.NEGATIVE_INFINITY;
                }
            }
            double aloneAuc = either(RankingQuality.auc(alone, y));
            double filledAuc = either(RankingQuality.auc(filled, y));
            double whenWon = wonAll == 0 ? 0 : wonFilled / (double) wonAll;
            double otherwise = otherAll == 0 ? 0 : otherFilled / (double) otherAll;
            Double whenOpen = open.isEmpty() ? null : LeakGuard.filled(field, open);
            String why = null;
            if (filledAuc >= settings.leakAuc()) {
                why = String.format(
                        "filled in for %.0f %% of won leads and %.0f %% of the others: probably recorded once a deal exists",
                        100 * whenWon, 100 * otherwise);
            } else if (aloneAuc >= settings.leakAuc()) {
                why = String.format(
                        "on its own it ranks won leads almost perfectly (AUC %.2f): probably known only after the outcome",
                        aloneAuc);
            } else {
                why = LeakGuard.statusValues(field, training)
                        .or(() ->
                                LeakGuard.resolvedOnly(field, LeakGuard.filled(field, training), whenOpen, open.size()))
                        .or(() -> LeakGuard.capturedAfterMql(field, history))
                        .orElse(null);
            }
            boolean leaking = why != null;
            boolean used = leaking ? includeAnyway.contains(field) : !leaveOut.contains(field);
            checks.add(new FieldCheck(field, aloneAuc, whenWon, otherwise, whenOpen, leaking, why, used));
        }
        return checks;
    }

    private static double either(Double auc) {
        return auc == null ? 0.5 : Math.max(auc, 1 - auc);
    }

    /** Logistic regression by Adam on the mean log-loss plus L2 (the intercept is not regularised). */
    static PredictiveModel fit(List<Example> training, List<Column> columns, Settings settings) {
        PredictiveModel shape = new PredictiveModel(0, columns);
        int n = training.size();
        int m = columns.size();
        int[][] index = new int[n][];
        double[][] value = new double[n][];
        boolean[] won = new boolean[n];
        for (int i = 0; i < n; i++) {
            List<Integer> idx = new ArrayList<>();
            List<Double> val = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                double x = shape.value(columns.get(j), training.get(i));
                if (x != 0) {
                    idx.add(j);
                    val.add(x);
                }
            }
            index[i] = idx.stream().mapToInt(Integer::intValue).toArray();
            value[i] = val.stream().mapToDouble(Double::doubleValue).toArray();
            won[i] = training.get(i).won();
        }
        double[] w = LogisticRegression.fit(index, value, won, m, settings.l2(), settings.iterations());
        List<Column> weighted = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            Column c = columns.get(j);
            weighted.add(new Column(c.field(), c.kind(), c.value(), w[j], c.low(), c.high(), c.mean(), c.sd()));
        }
        return new PredictiveModel(w[m], weighted);
    }
}
