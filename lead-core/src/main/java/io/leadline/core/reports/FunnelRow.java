package io.leadline.core.reports;

/**
 * One row of the funnel: how many leads of a group (a source, a month) ever reached each stage. A lead counts for
 * every stage it passed; a won outcome imported from a CRM skips the stages in between, so a won lead may have no SQL
 * on record (the Olist history has none).
 */
public record FunnelRow(String group, long leads, long mqls, long sqls, long won) {

    public Double mqlRate() {
        return rate(mqls, leads);
    }

    public Double sqlRate() {
        return rate(sqls, mqls);
    }

    public Double winRate() {
        return rate(won, leads);
    }

    /** Won of the SQLs: how well sales closes what it qualified. */
    public Double closeRate() {
        return rate(won, sqls);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
