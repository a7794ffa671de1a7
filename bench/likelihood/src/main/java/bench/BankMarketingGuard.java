package bench;

import io.leadline.core.prediction.Example;
import io.leadline.core.prediction.FieldValues;
import io.leadline.core.prediction.LikelihoodTrainer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The leak guard on UCI bank marketing (../shared/datasets/bank-marketing): every field as the trainer sees it, which
 * ones it flags and why, and the held-out AUC with the guard's choice and with duration included knowingly. The
 * data set's README says duration is the one leak. Prints Markdown. Argument: bank-full.csv.
 */
public final class BankMarketingGuard {

    static final Set<String> NUMERIC = Set.of("age", "balance", "day", "duration", "campaign", "pdays", "previous");

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/datasets/bank-marketing/bank-full.csv");
        List<Example> examples = read(file);
        long t0 = System.nanoTime();
        var guarded = LikelihoodTrainer.train(examples, List.of(), Set.of(), Set.of(), LikelihoodTrainer.Settings.defaults());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        var leaky = LikelihoodTrainer.train(examples, List.of(), Set.of("duration"), Set.of(), LikelihoodTrainer.Settings.defaults());
        System.out.printf("Bank marketing: %d leads, %d won; %d training, %d held out (stratified, seed 42).%n%n",
                examples.size(), guarded.won(), guarded.trainingLeads(), guarded.heldOutLeads());
        System.out.println("| field | AUC alone | flagged | why |");
        System.out.println("|---|---:|---|---|");
        guarded.fields().stream().sorted((a, b) -> Double.compare(b.aloneAuc(), a.aloneAuc())).forEach(f ->
                System.out.printf("| %s | %.3f | %s | %s |%n", f.field(), f.aloneAuc(), f.leaking() ? "yes" : "", f.why() == null ? "" : f.why()));
        System.out.println();
        System.out.println("| model | held-out AUC | held-out Brier | training time |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| Leadline, the guard's choice | %.3f | %.4f | %d ms |%n", guarded.auc(), guarded.brier(), ms);
        System.out.printf("| Leadline, duration included knowingly | %.3f | %.4f | |%n", leaky.auc(), leaky.brier());
    }

    static List<Example> read(Path file) throws IOException {
        List<Example> examples = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Map<String, String> categorical = new HashMap<>();
                Map<String, Double> numeric = new HashMap<>();
                r.toMap().forEach((column, raw) -> {
                    if (column.equals("y")) {
                        return;
                    }
                    if (NUMERIC.contains(column)) {
                        numeric.put(column, Double.parseDouble(raw));
                    } else {
                        String value = FieldValues.normalise(raw);
                        if (value != null) {
                            categorical.put(column, value);
                        }
                    }
                });
                examples.add(new Example(categorical, numeric, "yes".equals(r.get("y"))));
            }
        }
        return examples;
    }
}
