package io.leadline.persistence.user;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.queue.RepLoad;
import io.leadline.core.queue.SalesReps;
import io.leadline.core.user.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link SalesReps}: active SALES users and the leads they own that are still open. */
@Repository
class JdbcSalesReps implements SalesReps {

    /** A rep's open work: leads they own that are not yet won, lost, disqualified or recycled. */
    private static final List<String> OPEN = EnumSet.of(LifecycleStage.MQL, LifecycleStage.ACCEPTED, LifecycleStage.SQL,
            LifecycleStage.OPPORTUNITY).stream().map(Enum::name).toList();

    private final JdbcClient jdbc;

    JdbcSalesReps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RepLoad> loads() {
        return jdbc.sql("""
                        select u.username, u.capacity, u.last_assigned_at,
                               (select count(*) from lead l where l.owner = u.username and l.stage in (:open)) as open_leads
                        from app_user u
                        where u.role = :role and u.enabled
                        order by u.username""")
                .param("open", OPEN)
                .param("role", Role.SALES.name())
                .query((rs, n) -> new RepLoad(rs.getString("username"), rs.getInt("capacity"), rs.getInt("open_leads"),
                        rs.getTimestamp("last_assigned_at") == null ? null : rs.getTimestamp("last_assigned_at").toInstant()))
                .list();
    }

    @Override
    public void lockRotation() {
        // A transaction-scoped advisory lock, keyed by a constant of our own ('round-robin' as an int8).
        jdbc.sql("select pg_advisory_xact_lock(7234001)").query().singleValue();
    }

    @Override
    public void assigned(String username, Instant at) {
        jdbc.sql("update app_user set last_assigned_at = ? where username = ?").params(Timestamp.from(at), username).update();
    }
}
