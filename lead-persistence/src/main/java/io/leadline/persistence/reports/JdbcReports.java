package io.leadline.persistence.reports;

import io.leadline.core.lead.LeadSources;
import io.leadline.core.queue.ResponseSla;
import io.leadline.core.reports.FunnelRow;
import io.leadline.core.reports.Reports;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reports, from the pre-aggregated snapshots (V16: one row per creation day and source), refreshed by
 * {@link ReportSnapshots}: each report sums a few thousand rows whatever the number of leads.
 */
@Repository
class JdbcReports implements Reports {

    private final JdbcClient jdbc;

    JdbcReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FunnelRow> funnelBySource(Scope scope) {
        return funnel(scope, "source", "leads desc, grp");
    }

    @Override
    public List<String> sourcesInUse() {
        var sources = new TreeSet<>(LeadSources.STANDARD);
        sources.addAll(jdbc.sql("select distinct source from report_funnel_day where source <> '(none)'")
                .query(String.class)
                .list());
        return List.copyOf(sources);
    }

    @Override
    public List<FunnelRow> funnelByMonth(Scope scope) {
        return funnel(scope, "to_char(day, 'YYYY-MM')", "grp");
    }

    private List<FunnelRow> funnel(Scope scope, String group, String order) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = """
                select %s as grp, sum(leads) as leads, sum(mqls) as mqls, sum(sqls) as sqls, sum(won) as won, sum(lost) as lost
                from report_funnel_day where true %s group by 1 order by %s""".formatted(group, where(scope, params), order);
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new FunnelRow(
                        rs.getString("grp"),
                        rs.getLong("leads"),
                        rs.getLong("mqls"),
                        rs.getLong("sqls"),
                        rs.getLong("won"),
                        rs.getLong("lost")))
                .list();
    }

    @Override
    public List<Band> scoreDistribution(Scope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select band, sum(leads) as leads from report_score_day where true" + where(scope, params)
                        + " group by 1 order by 1")
                .params(params)
                .query((rs, n) -> new Band(rs.getInt("band"), rs.getLong("leads")))
                .list();
    }

    /**
     * A lead claimed, or waiting, within the SLA's length of wall-clock time is within it however the SLA counts (working
     * time is never more than wall-clock time): those are summed here. Around the clock, so are the others; in working
     * hours the others (one row per minute of entry and of claim) are judged one by one by {@link ResponseSla#met}.
     */
    @Override
    public Sla slaCompliance(Scope scope, ResponseSla sla) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sla", sla.limit().toSeconds());
        String where = where(scope, params);
        var clear = jdbc.sql("""
                        select coalesce(sum(leads) filter (where claimed_at <> 'infinity' and claimed_at - mql_at <= %1$s), 0),
                               coalesce(sum(leads) filter (where claimed_at <> 'infinity' and claimed_at - mql_at > %1$s), 0),
                               coalesce(sum(leads) filter (where claimed_at = 'infinity' and now() - mql_at <= %1$s), 0),
                               coalesce(sum(leads) filter (where claimed_at = 'infinity' and now() - mql_at > %1$s), 0)
                        from report_sla_day where true""".formatted(LIMIT) + where)
                .params(params)
                .query((rs, n) -> new Sla(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        if (sla.workingHours() == null) {
            return clear;
        }
        Instant now = Instant.now();
        long[] late = new long[4]; // claimed in time, claimed late, waiting in time, waiting late
        jdbc.sql(
                        "select mql_at, claimed_at = 'infinity', claimed_at, leads from report_sla_day where least(claimed_at, now()) - mql_at > %s"
                                        .formatted(LIMIT)
                                + where)
                .params(params)
                .query(rs -> {
                    Instant mql = rs.getTimestamp(1).toInstant();
                    boolean waiting = rs.getBoolean(2);
                    Instant to = waiting ? now : rs.getTimestamp(3).toInstant();
                    late[(waiting ? 2 : 0) + (sla.met(mql, to) ? 0 : 1)] += rs.getLong(4);
                });
        return new Sla(clear.claimedInTime() + late[0], late[1], clear.waitingInTime() + late[2], late[3]);
    }

    /** The SLA's length as an interval, from the {@code sla} parameter in seconds. */
    private static final String LIMIT = "make_interval(secs => :sla)";

    private static String where(Scope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (scope.from() != null) {
            where.append(" and day >= :from");
            params.put("from", scope.from());
        }
        if (scope.to() != null) {
            where.append(" and day <= :to");
            params.put("to", scope.to());
        }
        if (scope.source() != null && !scope.source().isBlank()) {
            where.append(" and source = :source");
            params.put("source", scope.source());
        }
        return where.toString();
    }
}
