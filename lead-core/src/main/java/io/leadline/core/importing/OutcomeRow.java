package io.leadline.core.importing;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LifecycleStage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One row of an outcomes file (e.g. a CRM's closed deals): which lead, won or lost, and when. A file without
 * an outcome column lists won deals. Imported outcomes are history: they set the lead's stage to WON or LOST
 * wherever it stands in the funnel.
 */
public sealed interface OutcomeRow {

    Set<String> WON = Set.of("won", "win", "closed won", "closedwon", "yes", "1", "true");
    Set<String> LOST = Set.of("lost", "loss", "closed lost", "closedlost", "no", "0", "false");

    record Accepted(EmailAddress email, String externalId, LifecycleStage outcome, Instant at) implements OutcomeRow {}

    record Rejected(String reason) implements OutcomeRow {}

    /** WON or LOST as an outcome cell says it ({@link #WON}, {@link #LOST}, any case), empty for anything else. */
    static Optional<LifecycleStage> wonOrLost(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        return WON.contains(word)
                ? Optional.of(LifecycleStage.WON)
                : LOST.contains(word) ? Optional.of(LifecycleStage.LOST) : Optional.empty();
    }

    static OutcomeRow read(List<String> rowCells, ColumnMapping mapping, Instant importedAt) {
        RowShape shape = RowShape.of(rowCells, mapping.columns().size());
        if (shape.refusal() != null) {
            return new Rejected(shape.refusal());
        }
        List<String> cells = shape.cells();
        EmailAddress email = null;
        String emailText = cell(cells, mapping, ImportField.EMAIL);
        if (!emailText.isEmpty()) {
            Optional<EmailAddress> parsed = EmailAddress.parse(emailText);
            if (parsed.isEmpty()) {
                return new Rejected("\"" + emailText + "\" is not a valid email address");
            }
            email = parsed.get();
        }
        String externalId = cell(cells, mapping, ImportField.EXTERNAL_ID);
        if (email == null && externalId.isEmpty()) {
            return new Rejected("the row has neither an email nor an external id");
        }
        LifecycleStage outcome = LifecycleStage.WON;
        String outcomeText = cell(cells, mapping, ImportField.OUTCOME).toLowerCase(Locale.ROOT);
        if (mapping.maps(ImportField.OUTCOME)) {
            Optional<LifecycleStage> said = wonOrLost(outcomeText);
            if (said.isEmpty()) {
                return new Rejected("outcome \"" + outcomeText + "\" is neither won nor lost");
            }
            outcome = said.get();
        }
        Instant at = importedAt;
        String date = cell(cells, mapping, ImportField.OUTCOME_AT);
        if (!date.isEmpty()) {
            ColumnMapping.Column column = mapping.column(ImportField.OUTCOME_AT).orElseThrow();
            Optional<Instant> parsed = column.date(date);
            if (parsed.isEmpty()) {
                return new Rejected(column.dateRefusal(date));
            }
            at = parsed.get();
        }
        return new Accepted(email, externalId.isEmpty() ? null : externalId, outcome, at);
    }

    private static String cell(List<String> cells, ColumnMapping mapping, ImportField field) {
        int i = mapping.indexOf(field);
        return i < 0 ? "" : CellText.clean(cells.get(i));
    }
}
