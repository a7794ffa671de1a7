package io.leadline.persistence.queue;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.queue.QueuePosition;
import io.leadline.core.queue.SalesQueue;
import io.leadline.core.scoring.FitGrade;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sales queue straight from the partial index {@code lead_score_queue_idx}: keyset pagination on
 * (priority, lead id), so page 10,000 costs what page 1 does.
 */
@Repository
class JdbcSalesQueue implements SalesQueue {

    private static final String SELECT = """
            select s.lead_id, l.full_name, l.email, l.company, l.job_title, l.source, s.score, s.grade, s.priority,
                   s.stage, l.owner,
                   coalesce((select max(c.changed_at) from stage_change c
                             where c.lead_id = s.lead_id and c.to_stage = 'MQL'), l.created_at) as in_queue_since
            from lead_score s
            join lead l on l.id = s.lead_id
            where s.stage in ('MQL', 'ACCEPTED', 'SQL')
            """;

    private final JdbcClient jdbc;

    JdbcSalesQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<QueueEntry> page(QueuePosition after, int size) {
        if (after == null) {
            return jdbc.sql(SELECT + " order by s.priority desc, s.lead_id desc limit ?")
                    .param(size)
                    .query(JdbcSalesQueue::entry)
                    .list();
        }
        return jdbc.sql(SELECT + " and (s.priority, s.lead_id) < (?, ?) order by s.priority desc, s.lead_id desc limit ?")
                .params(after.priority(), after.leadId(), size)
                .query(JdbcSalesQueue::entry)
                .list();
    }

    private static QueueEntry entry(ResultSet rs, int rowNum) throws SQLException {
        return new QueueEntry(rs.getLong("lead_id"), rs.getString("full_name"), rs.getString("email"),
                rs.getString("company"), rs.getString("job_title"), rs.getString("source"), rs.getInt("score"),
                FitGrade.valueOf(rs.getString("grade")), rs.getInt("priority"),
                LifecycleStage.valueOf(rs.getString("stage")), rs.getString("owner"),
                rs.getTimestamp("in_queue_since").toInstant());
    }
}
