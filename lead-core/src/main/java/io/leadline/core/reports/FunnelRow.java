package io.leadline.core.reports;

import io.leadline.core.scoring.OutcomeRule;
import java.util.List;

/**
 * One row of the funnel: how many leads of a group (a source, a month) ever reached each stage, and how they ended. A
 * lead counts for every stage it passed; a won outcome imported from a CRM skips the stages in between, so a won lead
 * may have no SQL on record (the Olist history has none). {@code lost}: resolved without a win (lost or disqualified);
 * the rest are open.
 */
public record FunnelRow(String group, long leads, long mqls, long sqls, long won, long lost) {

    public Double mqlRate() {
        return rate(mqls, leads);
    }

    public Double sqlRate() {
        return rate(sqls, mqls);
    }

    /** Leads not resolved yet: neither won nor lost nor disqualified. */
    public long open() {
        return leads - won - lost;
    }

    /** Won of the resolved leads (won, lost, disqualified): open leads are not counted as lost. */
    public Double winRateOfResolved() {
        return rate(won, won + lost);
    }

    /** Won of all leads, for a CRM that records only its wins (where every resolved lead is a win). */
    public Double winRateOfAll() {
        return rate(won, leads);
    }

    /** The win rate a report shows: of the resolved leads when losses are recorded, else of all leads. */
    public Double winRate(boolean overResolved) {
        return overResolved ? winRateOfResolved() : winRateOfAll();
    }

    /** Won of the SQLs: how well sales closes what it qualified. */
    public Double closeRate() {
        return rate(won, sqls);
    }

    /**
     * Whether a report's win rates are over resolved leads: when its rows record losses (as the scoring's outcome rule
     * judges it). Otherwise a win rate over resolved leads would be 100 % everywhere.
     */
    public static boolean overResolved(List<FunnelRow> rows) {
        return OutcomeRule.lossesRecorded(
                rows.stream().mapToLong(FunnelRow::won).sum(),
                rows.stream().mapToLong(FunnelRow::lost).sum());
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
