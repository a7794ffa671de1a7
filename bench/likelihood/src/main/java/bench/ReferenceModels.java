package bench;

import io.leadline.core.prediction.Example;
import io.leadline.core.prediction.LikelihoodTrainer;
import io.leadline.core.prediction.RankingQuality;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Leadline's likelihood model beside two reference models trained on exactly the same training leads and judged on
 * the same held-out leads, in the same run: Tribuo's logistic regression and XGBoost's gradient-boosted trees. Leadline
 * gets every field as text, as an import stores it (it must find the numbers itself); the references get the numbers
 * typed, as a data scientist would give them. Bank marketing without {@code duration} (its known leak). Prints Markdown.
 * Arguments: the Olist folder, bank-full.csv.
 */
public final class ReferenceModels {

    public static void main(String[] args) throws Exception {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        Path olist = Path.of(args.length > 0 ? args[0] : "lead-web/src/test/resources/olist");
        Path bank = Path.of(args.length > 1 ? args[1] : "../shared/datasets/bank-marketing/bank-full.csv");
        System.out.println("| data set | model | held-out AUC | held-out Brier | training time |");
        System.out.println("|---|---|---:|---:|---:|");
        List<Example> olistLeads = LikelihoodBenchmark.olist(olist);
        compare("Olist", olistLeads, olistLeads);
        List<Example> typed = withoutDuration(BankMarketingGuard.read(bank));
        compare("Bank marketing (no duration)", asText(typed), typed);
    }

    private static void compare(String name, List<Example> asImported, List<Example> typed) throws Exception {
        long t0 = System.nanoTime();
        var trained = LikelihoodTrainer.train(asImported, Set.of(), LikelihoodTrainer.Settings.defaults());
        long leadlineMs = (System.nanoTime() - t0) / 1_000_000;
        Set<Integer> heldOutSet = new HashSet<>();
        Arrays.stream(trained.heldOut()).forEach(heldOutSet::add);
        List<Example> training = new ArrayList<>();
        List<Example> heldOut = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            (heldOutSet.contains(i) ? heldOut : training).add(typed.get(i));
        }
        boolean[] won = new boolean[heldOut.size()];
        for (int i = 0; i < won.length; i++) {
            won[i] = heldOut.get(i).won();
        }
        row(name, "Leadline (logistic regression; numbers found, binned and paired by itself)", trained.auc(), trained.brier(), leadlineMs);

        Encoding encoding = Encoding.of(training);
        long t1 = System.nanoTime();
        double[] lr = logisticRegression(training, heldOut, encoding);
        row(name, "Tribuo 4.3.2 logistic regression (one-hot, numbers standardised)", RankingQuality.auc(lr, won),
                RankingQuality.brier(lr, won), (System.nanoTime() - t1) / 1_000_000);
        long t2 = System.nanoTime();
        double[] trees = boostedTrees(training, heldOut, encoding);
        row(name, "XGBoost 3.4.0 trees (200 rounds, depth 4, eta 0.1)", RankingQuality.auc(trees, won),
                RankingQuality.brier(trees, won), (System.nanoTime() - t2) / 1_000_000);
    }

    private static void row(String data, String model, Double auc, double brier, long ms) {
        System.out.printf("| %s | %s | %.3f | %.4f | %,d ms |%n", data, model, auc, brier, ms);
    }

    /** One column per categorical value seen in training and one per number (standardised for the linear model). */
    record Encoding(Map<String, Integer> columns, Map<String, double[]> scale) {

        static Encoding of(List<Example> training) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            Map<String, List<Double>> numbers = new HashMap<>();
            for (Example e : training) {
                e.categorical().forEach((k, v) -> columns.putIfAbsent(k + "=" + v, columns.size()));
                e.numeric().forEach((k, v) -> {
                    columns.putIfAbsent(k, columns.size());
                    numbers.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                });
            }
            Map<String, double[]> scale = new HashMap<>();
            numbers.forEach((k, xs) -> {
                double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double sd = Math.sqrt(xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(1));
                scale.put(k, new double[] {mean, sd == 0 ? 1 : sd});
            });
            return new Encoding(columns, scale);
        }

        float[] dense(Example e, boolean standardise, float missing) {
            float[] row = new float[columns.size()];
            Arrays.fill(row, 0);
            scale.keySet().forEach(k -> row[columns.get(k)] = missing);
            e.categorical().forEach((k, v) -> {
                Integer c = columns.get(k + "=" + v);
                if (c != null) {
                    row[c] = 1;
                }
            });
            e.numeric().forEach((k, v) -> {
                Integer c = columns.get(k);
                if (c != null) {
                    double[] s = scale.get(k);
                    row[c] = (float) (standardise ? (v - s[0]) / s[1] : v);
                }
            });
            return row;
        }
    }

    private static double[] logisticRegression(List<Example> training, List<Example> heldOut, Encoding encoding) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("bench", OffsetDateTime.now(), labels), labels);
        training.forEach(e -> data.add(tribuo(e, encoding, labels)));
        Model<Label> model = new LogisticRegressionTrainer().train(data);
        double[] p = new double[heldOut.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.predict(tribuo(heldOut.get(i), encoding, labels)).getOutputScores().get("won").getScore();
        }
        return p;
    }

    private static ArrayExample<Label> tribuo(Example e, Encoding encoding, LabelFactory labels) {
        float[] row = encoding.dense(e, true, 0);
        List<String> names = new ArrayList<>(List.of("constant"));
        List<Double> values = new ArrayList<>(List.of(1.0));
        encoding.columns().forEach((name, c) -> {
            if (row[c] != 0) {
                names.add(name);
                values.add((double) row[c]);
            }
        });
        return new ArrayExample<>(labels.generateOutput(e.won() ? "won" : "other"), names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] boostedTrees(List<Example> training, List<Example> heldOut, Encoding encoding) throws Exception {
        DMatrix train = matrix(training, encoding);
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eta", 0.1);
        params.put("max_depth", 4);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.8);
        params.put("seed", 42);
        params.put("nthread", 2);
        params.put("verbosity", 0);
        Booster booster = XGBoost.train(train, params, 200, new HashMap<>(), null, null);
        float[][] predicted = booster.predict(matrix(heldOut, encoding));
        double[] p = new double[predicted.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = predicted[i][0];
        }
        return p;
    }

    private static DMatrix matrix(List<Example> examples, Encoding encoding) throws Exception {
        int n = examples.size();
        int m = encoding.columns().size();
        float[] data = new float[n * m];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(encoding.dense(examples.get(i), false, Float.NaN), 0, data, i * m, m);
            labels[i] = examples.get(i).won() ? 1 : 0;
        }
        DMatrix matrix = new DMatrix(data, n, m, Float.NaN);
        matrix.setLabel(labels);
        return matrix;
    }

    private static List<Example> withoutDuration(List<Example> examples) {
        return examples.stream().map(e -> {
            Map<String, Double> numeric = new HashMap<>(e.numeric());
            numeric.remove("duration");
            return new Example(e.categorical(), numeric, e.won());
        }).toList();
    }

    /** The leads as an import stores them: every number as text. */
    static List<Example> asText(List<Example> examples) {
        return examples.stream().map(e -> {
            Map<String, String> categorical = new HashMap<>(e.categorical());
            e.numeric().forEach((k, v) -> categorical.put(k, v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString()));
            return new Example(categorical, Map.of(), e.won());
        }).toList();
    }
}
