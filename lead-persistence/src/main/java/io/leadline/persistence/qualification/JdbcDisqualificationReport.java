package io.leadline.persistence.qualification;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.qualification.DisqualificationReport;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link DisqualificationReport} from the stage history: a disqualification is final, so one row per lead. */
@Repository
class JdbcDisqualificationReport implements DisqualificationReport {

    private final JdbcClient jdbc;

    JdbcDisqualificationReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ReasonCount> counts() {
        return jdbc.sql("""
                        select reason_code,
                               count(*) filter (where actor <> :system) as by_reps,
                               count(*) filter (where actor = :system) as by_rules
                        from stage_change
                        where to_stage = :disqualified and reason_code is not null
                        group by reason_code
                        order by count(*) desc, reason_code""")
                .param("system", Lead.SYSTEM)
                .param("disqualified", LifecycleStage.DISQUALIFIED.name())
                .query((rs, n) ->
                        new ReasonCount(rs.getString("reason_code"), rs.getLong("by_reps"), rs.getLong("by_rules")))
                .list();
    }

    @Override
    public List<LostReason> lostReasons(int limit) {
        return jdbc.sql("""
                        select min(btrim(reason)) as reason, count(distinct lead_id) as deals
                        from stage_change
                        where to_stage = :lost and reason is not null and btrim(reason) <> ''
                        group by lower(btrim(reason))
                        order by count(distinct lead_id) desc, min(btrim(reason))
                        limit :limit""")
                .param("lost", LifecycleStage.LOST.name())
                .param("limit", limit)
                .query((rs, n) -> new LostReason(rs.getString("reason"), rs.getLong("deals")))
                .list();
    }
}
