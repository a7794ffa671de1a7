package io.leadline.persistence.user;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.queue.AssignmentRule;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.SalesReps;
import io.leadline.core.queue.SlaWatch;
import io.leadline.core.user.Role;
import io.leadline.persistence.lead.LeadSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link SalesReps}: active SALES users and the leads they own that are still open. */
@Repository
class JdbcSalesReps implements SalesReps {

    /** A rep's open work: leads they own that are not yet won, lost, disqualified or recycled. */
    private static final List<String> OPEN =
            EnumSet.of(LifecycleStage.MQL, LifecycleStage.ACCEPTED, LifecycleStage.SQL, LifecycleStage.OPPORTUNITY)
                    .stream()
                    .map(Enum::name)
                    .toList();

    private final JdbcClient jdbc;

    JdbcSalesReps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RepLoad> loads() {
        return jdbc.sql("""
                        select u.username, u.capacity, u.last_assigned_at, u.in_rotation,
                               (select count(*) from lead l where l.owner = u.username and l.stage in (:open)) as open_leads
                        from app_user u
                        where u.role = :role and u.enabled
                        order by u.username""")
                .param("open", OPEN)
                .param("role", Role.SALES.name())
                .query((rs, n) -> new RepLoad(
                        rs.getString("username"),
                        rs.getInt("capacity"),
                        rs.getInt("open_leads"),
                        rs.getTimestamp("last_assigned_at") == null
                                ? null
                                : rs.getTimestamp("last_assigned_at").toInstant(),
                        rs.getBoolean("in_rotation")))
                .list();
    }

    @Override
    public void setInRotation(String username, boolean inRotation) {
        jdbc.sql("update app_user set in_rotation = ? where username = ?")
                .params(inRotation, username)
                .update();
    }

    /**
     * What the rules read; the account's owner is the rep an admin gave the account to, else the owner of its most
     * recent other lead still in play.
     */
    private static final String NEW_MQL = """
            select l.id, """ + LeadSql.DISPLAY_NAME + """
                   as name, l.source, l.country, coalesce(s.score, 0) as score,
                   coalesce(a.owner, (select o.owner from lead o where o.account_id = l.account_id and o.id <> l.id
                        and o.owner is not null and o.stage not in (:ruledOut) order by o.id desc limit 1)) as account_owner
            from lead l left join lead_score s on s.lead_id = l.id left join account a on a.id = l.account_id
            """;

    @Override
    public List<AssignmentRule.NewMql> newMqls(List<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        Map<Long, AssignmentRule.NewMql> found = jdbc
                .sql(NEW_MQL + " where l.id in (:ids)")
                .param("ruledOut", RULED_OUT)
                .param("ids", leadIds)
                .query(JdbcSalesReps::newMql)
                .list()
                .stream()
                .collect(Collectors.toMap(AssignmentRule.NewMql::leadId, m -> m));
        return leadIds.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public List<AssignmentRule.NewMql> unassignedMqls(int limit) {
        return jdbc.sql(
                        NEW_MQL
                                + " where l.stage = 'MQL' and l.owner is null order by coalesce(s.queued_at, s.scored_at), l.id limit :limit")
                .param("ruledOut", RULED_OUT)
                .param("limit", limit)
                .query(JdbcSalesReps::newMql)
                .list();
    }

    @Override
    public List<SlaWatch.WaitingMql> waitingMqls(Instant queuedAfter, Instant queuedBefore, int limit) {
        return jdbc.sql("select l.id, " + LeadSql.DISPLAY_NAME + """
                         as name, s.queued_at
                        from lead l join lead_score s on s.lead_id = l.id
                        where l.stage = 'MQL' and l.owner is null and s.queued_at > ? and s.queued_at <= ?
                        order by s.queued_at, l.id limit ?""")
                .params(Timestamp.from(queuedAfter), Timestamp.from(queuedBefore), limit)
                .query((rs, n) -> new SlaWatch.WaitingMql(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("queued_at").toInstant()))
                .list();
    }

    private static final List<String> RULED_OUT =
            LifecycleStage.ruledOut().stream().map(Enum::name).toList();

    private static AssignmentRule.NewMql newMql(ResultSet rs, int n) throws SQLException {
        return new AssignmentRule.NewMql(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("source"),
                rs.getString("country"),
                rs.getInt("score"),
                rs.getString("account_owner"));
    }

    @Override
    public void lockRotation() {
        // A transaction-scoped advisory lock, keyed by a constant of our own ('round-robin' as an int8).
        jdbc.sql("select pg_advisory_xact_lock(7234001)").query().singleValue();
    }

    @Override
    public void assigned(String username, Instant at) {
        jdbc.sql("update app_user set last_assigned_at = ? where username = ?")
                .params(Timestamp.from(at), username)
                .update();
    }
}
