package io.leadline.persistence.prediction;

import io.leadline.core.prediction.StoredLikelihoods;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link StoredLikelihoods} in the {@code lead_likelihood} table. */
@Repository
class JdbcStoredLikelihoods implements StoredLikelihoods {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    JdbcStoredLikelihoods(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public void store(long modelId, Map<Long, Double> probabilities, Instant at) {
        if (probabilities.isEmpty()) {
            return;
        }
        Timestamp when = Timestamp.from(at);
        batch.batchUpdate(
                """
                        insert into lead_likelihood (lead_id, model_id, probability, computed_at)
                        select ?, ?, ?, ? where exists (select 1 from lead where id = ?)
                        on conflict (lead_id) do update set model_id = excluded.model_id, probability = excluded.probability,
                            computed_at = excluded.computed_at""",
                // In lead id order: two writers storing overlapping leads at once (a rescoring's refresh beside an
                // activity batch's) then lock the rows in the same order and wait for each other instead of
                // deadlocking.
                probabilities.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new Object[] {e.getKey(), modelId, e.getValue(), when, e.getKey()})
                        .toList());
    }

    @Override
    public Optional<Stored> of(long leadId, long liveModelId) {
        return jdbc.sql("""
                        select k.probability, k.model_id, k.computed_at,
                               k.model_id = ? and k.computed_at >= coalesce(s.scored_at, k.computed_at) as current
                        from lead_likelihood k left join lead_score s on s.lead_id = k.lead_id where k.lead_id = ?""")
                .params(liveModelId, leadId)
                .query((rs, n) -> new Stored(
                        rs.getDouble(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
                .optional();
    }

    @Override
    public List<Long> leadIdsAfter(long afterId, int limit) {
        return jdbc.sql("select id from lead where id > ? order by id limit ?")
                .params(afterId, limit)
                .query(Long.class)
                .list();
    }
}
