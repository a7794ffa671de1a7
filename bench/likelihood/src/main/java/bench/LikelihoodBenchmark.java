package bench;

import io.leadline.core.prediction.Example;
import io.leadline.core.prediction.FieldValues;
import io.leadline.core.prediction.LikelihoodTrainer;
import io.leadline.core.prediction.RankingQuality;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The likelihood model on the Olist split beside Tribuo's logistic regression trained on the same training leads
 * and judged on the same held-out leads; then Leadline's training time at 100,000 and 1,000,000 generated leads.
 * Prints Markdown for bench/RESULTS.md. Argument: the folder with the two Olist CSV files.
 */
public final class LikelihoodBenchmark {

    public static void main(String[] args) throws IOException {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        Path olist = Path.of(args.length > 0 ? args[0] : "lead-web/src/test/resources/olist");
        List<Example> examples = olist(olist);
        long t0 = System.nanoTime();
        var trained = LikelihoodTrainer.train(examples, Set.of(), LikelihoodTrainer.Settings.defaults());
        long leadlineMs = (System.nanoTime() - t0) / 1_000_000;

        Set<Integer> heldOut = new HashSet<>();
        Arrays.stream(trained.heldOut()).forEach(heldOut::add);
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> training = new MutableDataset<>(new SimpleDataSourceProvenance("olist", OffsetDateTime.now(), labels), labels);
        for (int i = 0; i < examples.size(); i++) {
            if (!heldOut.contains(i)) {
                training.add(tribuo(examples.get(i), labels));
            }
        }
        long t1 = System.nanoTime();
        Model<Label> reference = new LogisticRegressionTrainer().train(training);
        long tribuoMs = (System.nanoTime() - t1) / 1_000_000;
        int[] out = trained.heldOut();
        double[] p = new double[out.length];
        boolean[] won = new boolean[out.length];
        for (int k = 0; k < out.length; k++) {
            var prediction = reference.predict(tribuo(examples.get(out[k]), labels));
            p[k] = prediction.getOutputScores().get("won").getScore();
            won[k] = examples.get(out[k]).won();
        }
        System.out.printf("Olist: %d MQLs, %d won; %d training, %d held out (stratified, seed 42).%n%n", examples.size(),
                trained.won(), trained.trainingLeads(), trained.heldOutLeads());
        System.out.println("| model | held-out AUC | held-out Brier | training time |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| Leadline (L2 logistic regression, Adam, leakage check) | %.3f | %.4f | %d ms |%n", trained.auc(), trained.brier(), leadlineMs);
        System.out.printf("| Tribuo 4.3.2 LogisticRegressionTrainer (defaults: AdaGrad, 5 epochs) | %.3f | %.4f | %d ms |%n",
                RankingQuality.auc(p, won), RankingQuality.brier(p, won), tribuoMs);

        System.out.println();
        System.out.println("| generated leads | Leadline training time | held-out AUC |");
        System.out.println("|---:|---:|---:|");
        for (int n : new int[] {100_000, 1_000_000}) {
            List<Example> generated = generated(n, 7);
            long t = System.nanoTime();
            var big = LikelihoodTrainer.train(generated, Set.of(), LikelihoodTrainer.Settings.defaults());
            System.out.printf("| %,d | %.1f s | %.3f |%n", n, (System.nanoTime() - t) / 1e9, big.auc());
        }
    }

    private static ArrayExample<Label> tribuo(Example e, LabelFactory labels) {
        // A constant feature: Tribuo refuses to predict for a lead whose features it never saw in training.
        List<String> names = new ArrayList<>(List.of("constant"));
        List<Double> values = new ArrayList<>(List.of(1.0));
        e.categorical().forEach((k, v) -> {
            names.add(k + "=" + v);
            values.add(1.0);
        });
        e.numeric().forEach((k, v) -> {
            names.add(k);
            values.add(v);
        });
        return new ArrayExample<>(labels.generateOutput(e.won() ? "won" : "other"), names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Leads with a source, a title, a size band and engagement counts; wins depend on them, with noise. */
    static List<Example> generated(int n, long seed) {
        Random random = new Random(seed);
        String[] sources = {"paid_search", "organic_search", "email", "referral", "social", "display"};
        String[] titles = {"ceo", "owner", "marketing manager", "analyst", "student", "vp sales"};
        String[] sizes = {"1-10", "11-50", "51-200", "201-1000", "1001+"};
        List<Example> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = random.nextInt(sources.length);
            int t = random.nextInt(titles.length);
            int z = random.nextInt(sizes.length);
            double opens = random.nextInt(12);
            double visits = random.nextInt(4);
            double logit = -3 + 0.3 * s - (t == 4 ? 1.5 : 0.2 * t) + 0.2 * z + 0.1 * opens + 0.4 * visits;
            boolean won = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            examples.add(new Example(Map.of("source", sources[s], "job title", titles[t], "company size", sizes[z]),
                    Map.of("email opens", opens, "pricing page visits", visits), won));
        }
        return examples;
    }

    static List<Example> olist(Path folder) throws IOException {
        Set<String> won = new HashSet<>();
        read(folder.resolve("closed_deals.csv"), r -> won.add(r.get("mql_id")));
        List<Example> examples = new ArrayList<>();
        read(folder.resolve("marketing_qualified_leads.csv"), r -> {
            Map<String, String> fields = new HashMap<>();
            put(fields, "source", r.get("origin"));
            put(fields, "landing page", r.get("landing_page_id"));
            examples.add(new Example(fields, Map.of(), won.contains(r.get("mql_id"))));
        });
        return examples;
    }

    private static void put(Map<String, String> fields, String key, String raw) {
        String value = FieldValues.normalise(raw);
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static void read(Path file, Consumer<CSVRecord> each) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).forEach(each);
        }
    }
}
