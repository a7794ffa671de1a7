package io.leadline.web.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.prediction.Example;
import io.leadline.core.prediction.FieldValues;
import io.leadline.core.prediction.LikelihoodTrainer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The trainer on the real Olist funnel (8,000 MQLs, 842 won): it finds the win-rate-by-source ordering the data
 * set's README publishes, and it flags the closed-deals columns (known only for won leads) when they are joined on.
 */
class OlistLikelihoodTest {

    /** The README's win rate by origin, best first ("unknown" and blank are the missing source here). */
    private static final List<String> README_ORDER = List.of(
            "paid_search",
            "organic_search",
            "direct_traffic",
            "referral",
            "social",
            "display",
            "other_publicities",
            "email",
            "other");

    @Test
    void the_model_ranks_the_sources_as_the_olist_readme_does_and_beats_chance() throws IOException {
        var trained = LikelihoodTrainer.train(olist(false), Set.of(), LikelihoodTrainer.Settings.defaults());
        List<Example> all = olist(false);

        Map<String, double[]> bySource = new HashMap<>();
        for (Example e : all) {
            double[] sum =
                    bySource.computeIfAbsent(e.categorical().getOrDefault("source", "(missing)"), k -> new double[2]);
            sum[0] += trained.model().likelihood(e);
            sum[1]++;
        }
        List<String> predictedOrder = new ArrayList<>(README_ORDER);
        predictedOrder.sort((a, b) -> Double.compare(mean(bySource.get(b)), mean(bySource.get(a))));
        assertThat(spearman(README_ORDER, predictedOrder))
                .as("rank correlation with the README, predicted " + predictedOrder)
                .isGreaterThan(0.9);
        assertThat(predictedOrder.subList(0, 3))
                .as("the three best sources, in order")
                .containsExactly("paid_search", "organic_search", "direct_traffic");
        assertThat(mean(bySource.get("(missing)")))
                .as("unknown origin converts best of all")
                .isGreaterThan(mean(bySource.get("paid_search")));
        assertThat(trained.auc()).isGreaterThan(0.6);
    }

    @Test
    void the_closed_deal_columns_joined_onto_the_mqls_are_flagged_as_leaks() throws IOException {
        var trained = LikelihoodTrainer.train(olist(true), Set.of(), LikelihoodTrainer.Settings.defaults());
        var leaking = trained.fields().stream()
                .filter(LikelihoodTrainer.FieldCheck::leaking)
                .map(LikelihoodTrainer.FieldCheck::field)
                .toList();
        assertThat(leaking)
                .contains("business segment", "lead type", "business type")
                .doesNotContain("source", "landing page");
        assertThat(trained.model().columns())
                .extracting(c -> c.field())
                .doesNotContain("business segment", "lead type");
    }

    private static double mean(double[] sum) {
        return sum[0] / sum[1];
    }

    private static double spearman(List<String> a, List<String> b) {
        double d2 = 0;
        for (int i = 0; i < a.size(); i++) {
            d2 += Math.pow(i - b.indexOf(a.get(i)), 2);
        }
        int n = a.size();
        return 1 - 6 * d2 / (n * (double) (n * n - 1));
    }

    /** The MQLs with their origin and landing page, won when the closed-deals file has them; optionally its columns joined on. */
    static List<Example> olist(boolean joinClosedDeals) throws IOException {
        Map<String, Map<String, String>> closed = new LinkedHashMap<>();
        read("/olist/closed_deals.csv", r -> {
            Map<String, String> deal = new HashMap<>();
            put(deal, "business segment", r.get("business_segment"));
            put(deal, "lead type", r.get("lead_type"));
            put(deal, "business type", r.get("business_type"));
            closed.put(r.get("mql_id"), deal);
        });
        List<Example> examples = new ArrayList<>();
        read("/olist/marketing_qualified_leads.csv", r -> {
            Map<String, String> fields = new HashMap<>();
            put(fields, "source", r.get("origin"));
            put(fields, "landing page", r.get("landing_page_id"));
            boolean won = closed.containsKey(r.get("mql_id"));
            if (won && joinClosedDeals) {
                fields.putAll(closed.get(r.get("mql_id")));
            }
            examples.add(new Example(fields, Map.of(), won));
        });
        return examples;
    }

    private static void put(Map<String, String> fields, String key, String raw) {
        String value = FieldValues.normalise(raw);
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static void read(String resource, Consumer<CSVRecord> each) throws IOException {
        try (Reader in = new InputStreamReader(
                OlistLikelihoodTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .forEach(each);
        }
    }
}
