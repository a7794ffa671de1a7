package io.leadline.core.lead;

import io.leadline.core.scoring.FitGrade;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The leads a search finds, a page at a time or all for an export. Implemented by lead-persistence. */
public interface LeadList {

    /**
     * One row of the list. {@code likelihood}: the stored probability of closing, from the live predictive model;
     * {@code null} while none is trained or the lead is not yet scored by it. {@code consent}: the marketing consent's
     * name ({@code GIVEN}, {@code WITHDRAWN}) or {@code null} when never asked.
     */
    record Row(
            long id,
            String name,
            String email,
            String company,
            String jobTitle,
            String source,
            LifecycleStage stage,
            int score,
            FitGrade grade,
            String owner,
            Instant createdAt,
            Double likelihood,
            String consent,
            boolean doNotContact) {

        /** The likelihood in whole percent, or {@code null}. */
        public Integer likelihoodPercent() {
            return likelihood == null ? null : (int) Math.round(likelihood * 100);
        }
    }

    /**
     * Where the next page starts: the last row's sort value and id (for the likelihood order, the probability in
     * millionths; a lead without one counts as -1).
     */
    record After(long sortValue, long id) {}

    List<Row> page(LeadSearch search, After after, int size);

    /** The ids of the leads the search selects, in its order, at most {@code limit} (a bulk action's selection). */
    List<Long> ids(LeadSearch search, int limit);

    /** How many leads the search selects, counted up to {@code cap} at most (a million need not be counted to show "more than"). */
    long countUpTo(LeadSearch search, long cap);

    /** The other contacts at the lead's company, best score first. */
    List<Row> colleagues(long leadId, int size);

    /** Every row the search finds, in order, streamed (for CSV export). */
    default void each(LeadSearch search, Consumer<Row> row) {
        each(search, List.of(), (r, values) -> row.accept(r));
    }

    /**
     * Every row the search finds, in order, streamed, each with the values of the custom fields named (by any spelling
     * of their {@link FieldKey}; {@code null} where the lead has none).
     */
    void each(LeadSearch search, List<String> customFields, BiConsumer<Row, List<String>> row);

    /** The custom field keys leads have (looked for in up to 100,000 of them), sorted. */
    List<String> customFields();

    /**
     * A field's values with how many leads have each and how they ended ({@code lost}: lost or disqualified), as
     * stored (the caller folds them as rules compare them), most frequent first; a field named by any spelling.
     */
    List<ValueCount> valueCounts(String field, int limit);

    record ValueCount(String value, long leads, long won, long lost) {

        public long open() {
            return leads - won - lost;
        }

        /** Won of the resolved leads, or {@code null} when none is resolved. */
        public Double winRate() {
            return won + lost == 0 ? null : (double) won / (won + lost);
        }

        public ValueCount plus(ValueCount other) {
            return new ValueCount(value, leads + other.leads, won + other.won, lost + other.lost);
        }

        /**
         * The values as a rule compares them ({@link FieldKey#foldValue}: {@code Organic Search} and
         * {@code organic_search} are one), placeholders ({@code N/A}, {@code [not provided]}) together as
         * {@link #UNKNOWN}, most frequent first.
         */
        public static List<ValueCount> folded(List<ValueCount> counts) {
            Map<String, ValueCount> merged = new LinkedHashMap<>();
            for (ValueCount c : counts) {
                String key =
                        Placeholders.is(c.value()) || c.value().isBlank() ? UNKNOWN : FieldKey.foldValue(c.value());
                merged.merge(key, new ValueCount(key, c.leads(), c.won(), c.lost()), ValueCount::plus);
            }
            return merged.values().stream()
                    .sorted(Comparator.comparingLong(ValueCount::leads)
                            .reversed()
                            .thenComparing(c -> c.value().equals(UNKNOWN))
                            .thenComparing(ValueCount::value))
                    .toList();
        }

        /** Where placeholder values are counted. */
        public static final String UNKNOWN = "(placeholder: unknown)";
    }

    /** The likelihood order's keyset value: the probability in millionths, -1 for none (as the SQL orders it). */
    static long likelihoodKey(Double likelihood) {
        return likelihood == null ? -1 : Math.round(likelihood * 1_000_000);
    }

    static After after(LeadSearch search, Row row) {
        return new After(
                switch (search.order()) {
                    case SCORE -> row.score();
                    case LIKELIHOOD -> likelihoodKey(row.likelihood());
                    case NEWEST -> row.id();
                },
                row.id());
    }
}
