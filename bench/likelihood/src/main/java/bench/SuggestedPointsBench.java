package bench;

import io.leadline.core.lead.LeadProfile;
import io.leadline.core.prediction.FieldValues;
import io.leadline.core.prediction.RankingQuality;
import io.leadline.core.scoring.ModelComparison;
import io.leadline.core.scoring.StarterModel;
import io.leadline.core.scoring.SuggestedRules;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The points model SuggestedRules builds from the training 70 % of a data set, judged on the held-out 30 % beside the
 * starter model and a hand-made baseline that scores a lead by the average of its columns' training win rates (each
 * column's value by its win rate, smoothed like the suggestion). Olist (source, landing page) and bank marketing
 * (every column but duration, the leak). Prints Markdown. Arguments: the Olist folder and bank-full.csv.
 */
public final class SuggestedPointsBench {

    public static void main(String[] args) throws IOException {
        Path olist = Path.of(args.length > 0 ? args[0] : "lead-web/src/test/resources/olist");
        Path bank = Path.of(args.length > 1 ? args[1] : "../shared/datasets/bank-marketing/bank-full.csv");
        System.out.println("| data set | leads (won) | held out | suggested rules | suggested points AUC | column win-rate average AUC | starter model AUC |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        run("Olist", olist(olist));
        run("Bank marketing (no duration)", bank(bank));
    }

    private static void run(String name, List<ModelComparison.Sample> all) {
        List<ModelComparison.Sample> won = new ArrayList<>();
        List<ModelComparison.Sample> others = new ArrayList<>();
        all.forEach(s -> (s.won() ? won : others).add(s));
        Random random = new Random(42);
        Collections.shuffle(won, random);
        Collections.shuffle(others, random);
        List<ModelComparison.Sample> test = new ArrayList<>(won.subList(0, (int) Math.round(0.3 * won.size())));
        test.addAll(others.subList(0, (int) Math.round(0.3 * others.size())));
        List<ModelComparison.Sample> train = new ArrayList<>(won.subList(test.size() - (int) Math.round(0.3 * others.size()), won.size()));
        train.addAll(others.subList((int) Math.round(0.3 * others.size()), others.size()));
        Set<String> fields = new TreeSet<>();
        train.forEach(s -> {
            fields.addAll(s.profile().attributes().keySet());
            if (s.profile().source() != null) {
                fields.add("source");
            }
        });
        var suggestion = SuggestedRules.from(train, fields, StarterModel.version1(), 2);
        double[] suggested = new double[test.size()];
        double[] average = new double[test.size()];
        double[] starter = new double[test.size()];
        boolean[] y = new boolean[test.size()];
        Map<String, Map<String, double[]>> rates = rates(train, fields);
        double base = train.stream().filter(ModelComparison.Sample::won).count() / (double) train.size();
        for (int i = 0; i < test.size(); i++) {
            var s = test.get(i);
            suggested[i] = suggestion.model().score(s.profile()).total();
            starter[i] = StarterModel.version1().score(s.profile()).total();
            double sum = 0;
            for (String f : fields) {
                double[] c = rates.get(f).get(value(s.profile(), f));
                sum += c == null ? base : (c[1] + 20 * base) / (c[0] + 20);
            }
            average[i] = sum / fields.size();
            y[i] = s.won();
        }
        System.out.printf("| %s | %,d (%,d) | %,d | %d | %.3f | %.3f | %.3f |%n", name, all.size(), won.size(), test.size(),
                suggestion.model().fitRules().size(), RankingQuality.auc(suggested, y), RankingQuality.auc(average, y),
                RankingQuality.auc(starter, y));
    }

    private static Map<String, Map<String, double[]>> rates(List<ModelComparison.Sample> train, Set<String> fields) {
        Map<String, Map<String, double[]>> rates = new HashMap<>();
        for (String f : fields) {
            Map<String, double[]> byValue = new HashMap<>();
            for (var s : train) {
                double[] c = byValue.computeIfAbsent(value(s.profile(), f), k -> new double[2]);
                c[0]++;
                c[1] += s.won() ? 1 : 0;
            }
            rates.put(f, byValue);
        }
        return rates;
    }

    private static String value(LeadProfile p, String field) {
        return p.value(field).map(FieldValues::normalise).orElse("(none)");
    }

    static List<ModelComparison.Sample> olist(Path folder) throws IOException {
        Set<String> won = new HashSet<>();
        read(folder.resolve("closed_deals.csv"), ',', r -> won.add(r.get("mql_id")));
        List<ModelComparison.Sample> samples = new ArrayList<>();
        read(folder.resolve("marketing_qualified_leads.csv"), ',', r -> samples.add(new ModelComparison.Sample(samples.size(),
                new LeadProfile(null, null, null, null, null, null, r.get("origin"), Map.of("landing_page", r.get("landing_page_id"))),
                List.of(), won.contains(r.get("mql_id")))));
        return samples;
    }

    static List<ModelComparison.Sample> bank(Path file) throws IOException {
        List<ModelComparison.Sample> samples = new ArrayList<>();
        read(file, ';', r -> {
            Map<String, String> attributes = new HashMap<>(r.toMap());
            attributes.remove("duration");
            String y = attributes.remove("y");
            samples.add(new ModelComparison.Sample(samples.size(), new LeadProfile(null, null, null, null, null, null, null, attributes),
                    List.of(), "yes".equals(y)));
        });
        return samples;
    }

    private static void read(Path file, char delimiter, Consumer<CSVRecord> each) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get().parse(in).forEach(each);
        }
    }
}
