package io.leadline.core.lead;

import io.leadline.core.scoring.FitGrade;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The leads a search finds, a page at a time or all for an export. Implemented by lead-persistence. */
public interface LeadList {

    /**
     * One row of the list. {@code likelihood}: the stored probability of closing, from the live predictive model;
     * {@code null} while none is trained or the lead is not yet scored by it.
     */
    record Row(long id, String name, String email, String company, String jobTitle, String source, LifecycleStage stage,
               int score, FitGrade grade, String owner, Instant createdAt, Double likelihood) {

        /** The likelihood in whole percent, or {@code null}. */
        public Integer likelihoodPercent() {
            return likelihood == null ? null : (int) Math.round(likelihood * 100);
        }
    }

    /**
     * Where the next page starts: the last row's sort value and id (for the likelihood order, the probability in
     * millionths; a lead without one counts as -1).
     */
    record After(long sortValue, long id) {
    }

    List<Row> page(LeadSearch search, After after, int size);

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
    void each(LeadSearch search, List<String> customFields, java.util.function.BiConsumer<Row, List<String>> row);

    /** The custom field keys leads have (looked for in up to 100,000 of them), sorted. */
    List<String> customFields();

    static After after(LeadSearch search, Row row) {
        return new After(switch (search.order()) {
            case SCORE -> row.score();
            case LIKELIHOOD -> row.likelihood() == null ? -1 : Math.round(row.likelihood() * 1_000_000);
            case NEWEST -> row.id();
        }, row.id());
    }
}
