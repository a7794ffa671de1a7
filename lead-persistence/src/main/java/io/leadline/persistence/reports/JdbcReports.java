package io.leadline.persistence.reports;

import io.leadline.core.reports.FunnelRow;
import io.leadline.core.reports.Reports;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reports, computed from the leads and their stage history when asked. A lead reached MQL (or SQL) when its
 * history has a move into that stage or a later one; it is won when its outcome or stage says so.
 */
@Repository
class JdbcReports implements Reports {

    private static final String REACHED = """
            with scoped as (
                select l.id, l.source, l.created_at, l.stage, l.outcome
                from lead l where true %s),
            reached as (
                select s.id, s.source, s.created_at,
                       exists (select 1 from stage_change c where c.lead_id = s.id
                               and c.to_stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON'))
                           or s.stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON') as mql,
                       exists (select 1 from stage_change c where c.lead_id = s.id and c.to_stage in ('SQL', 'OPPORTUNITY'))
                           or s.stage in ('SQL', 'OPPORTUNITY') as sql,
                       s.outcome = 'WON' or s.stage = 'WON' as won
                from scoped s)
            """;

    private final JdbcClient jdbc;

    JdbcReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FunnelRow> funnelBySource(Scope scope) {
        return funnel(scope, "coalesce(source, '(none)')", "leads desc, grp");
    }

    @Override
    public List<FunnelRow> funnelByMonth(Scope scope) {
        return funnel(scope, "to_char(created_at at time zone 'UTC', 'YYYY-MM')", "grp");
    }

    private List<FunnelRow> funnel(Scope scope, String group, String order) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = REACHED.formatted(where(scope, params)) + """
                select %s as grp, count(*) as leads, count(*) filter (where mql) as mqls, count(*) filter (where sql) as sqls,
                       count(*) filter (where won) as won
                from reached group by 1 order by %s""".formatted(group, order);
        return jdbc.sql(sql).params(params).query((rs, n) -> new FunnelRow(rs.getString("grp"), rs.getLong("leads"),
                rs.getLong("mqls"), rs.getLong("sqls"), rs.getLong("won"))).list();
    }

    @Override
    public List<Band> scoreDistribution(Scope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select floor(s.score / 10.0)::int * 10 as band, count(*) as leads from lead l join lead_score s on s.lead_id = l.id"
                        + " where true" + where(scope, params) + " group by 1 order by 1")
                .params(params).query((rs, n) -> new Band(rs.getInt("band"), rs.getLong("leads"))).list();
    }

    @Override
    public Sla slaCompliance(Scope scope, int slaHours) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sla", slaHours);
        return jdbc.sql("""
                        with mqls as (
                            select l.id,
                                   (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'MQL') as mql_at,
                                   (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'ACCEPTED') as claimed_at
                            from lead l where true""" + where(scope, params) + """
                        )
                        select count(*) filter (where claimed_at is not null and claimed_at <= mql_at + make_interval(hours => :sla)) as claimed_in_time,
                               count(*) filter (where claimed_at is not null and claimed_at > mql_at + make_interval(hours => :sla)) as claimed_late,
                               count(*) filter (where claimed_at is null and now() <= mql_at + make_interval(hours => :sla)) as waiting_in_time,
                               count(*) filter (where claimed_at is null and now() > mql_at + make_interval(hours => :sla)) as waiting_late
                        from mqls where mql_at is not null""")
                .params(params)
                .query((rs, n) -> new Sla(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    private static String where(Scope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (scope.from() != null) {
            where.append(" and l.created_at >= :from");
            params.put("from", Timestamp.from(scope.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (scope.to() != null) {
            where.append(" and l.created_at < :to");
            params.put("to", Timestamp.from(scope.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (scope.source() != null && !scope.source().isBlank()) {
            where.append(" and l.source = :source");
            params.put("source", scope.source());
        }
        return where.toString();
    }
}
