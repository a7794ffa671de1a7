package io.leadline.persistence.lead;

import io.leadline.core.lead.NurtureHistory;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link NurtureHistory} from {@code stage_change}: one query for a whole event's leads. */
@Repository
class JdbcNurtureHistory implements NurtureHistory {

    private final JdbcClient jdbc;

    JdbcNurtureHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Returned> returnedFromNurture(Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select l.id, " + LeadSql.DISPLAY_NAME + """
                         as name, recycled.actor
                        from lead l
                        join lateral (select c.from_stage from stage_change c where c.lead_id = l.id
                                      order by c.changed_at desc, c.id desc limit 1) last on last.from_stage = 'RECYCLED'
                        join lateral (select c.actor from stage_change c where c.lead_id = l.id and c.to_stage = 'RECYCLED'
                                      order by c.changed_at desc, c.id desc limit 1) recycled on true
                        where l.id = any (?) and l.stage = 'MQL'""")
                .param(leadIds.toArray(Long[]::new))
                .query((rs, n) -> new Returned(rs.getLong("id"), rs.getString("name"), rs.getString("actor")))
                .list();
    }
}
