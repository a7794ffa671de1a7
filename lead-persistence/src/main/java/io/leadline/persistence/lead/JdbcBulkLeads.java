package io.leadline.persistence.lead;

import io.leadline.core.lead.BulkLeads;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LeadsBecameMql.RecordedMove;
import io.leadline.core.scoring.Score;
import io.leadline.persistence.account.Accounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link BulkLeads} with JDBC batches: one round trip per statement kind and batch, not per lead. Ids come
 * from {@code lead_seq} like Hibernate's, one sequence value each, so they never collide with the blocks
 * Hibernate's pooled optimiser hands out.
 */
@Repository
class JdbcBulkLeads implements BulkLeads {

    private static final String INSERT_LEAD = """
            insert into lead (id, version, full_name, email, company, job_title, company_size, country, source,
                              external_id, attributes, stage, owner, created_at, updated_at, account_id)
            values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, jsonb_object(?::text[], ?::text[]), ?, ?, ?, ?, ?)""";
    private static final String INSERT_SCORE = """
            insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority,
                                    stage, scored_at, queued_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final StageHistory history;
    private final Clock clock;

    JdbcBulkLeads(JdbcTemplate jdbc, Accounts accounts, StageHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int insertAll(List<ScoredLead> leads) {
        if (leads.isEmpty()) {
            return 0;
        }
        List<Long> ids =
                jdbc.queryForList("select nextval('lead_seq') from generate_series(1, ?)", Long.class, leads.size());
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Long> accountIds = accounts.idsFor(leads.stream()
                .map(l -> l.lead().profile().company())
                .filter(Objects::nonNull)
                .toList());
        batch(
                INSERT_LEAD,
                leads.size(),
                (ps, i) -> bindLead(ps, ids.get(i), leads.get(i).lead(), now, accountIds));
        batch(INSERT_SCORE, leads.size(), (ps, i) -> bindScore(ps, ids.get(i), leads.get(i), now));
        history.recordAll(IntStream.range(0, leads.size())
                .filter(i -> leads.get(i).change() != null)
                .mapToObj(i -> new RecordedMove(ids.get(i), leads.get(i).change()))
                .toList());
        return leads.size();
    }

    private void batch(String sql, int size, RowBinder binder) {
        if (size == 0) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                binder.bind(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        });
    }

    @FunctionalInterface
    private interface RowBinder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    private static void bindLead(PreparedStatement ps, long id, Lead lead, Timestamp now, Map<String, Long> accountIds)
            throws SQLException {
        LeadProfile p = lead.profile();
        Connection connection = ps.getConnection();
        ps.setLong(1, id);
        ps.setString(2, p.fullName());
        ps.setString(3, p.email() == null ? null : p.email().value());
        ps.setString(4, p.company());
        ps.setString(5, p.jobTitle());
        if (p.companySize() == null) {
            ps.setNull(6, Types.INTEGER);
        } else {
            ps.setInt(6, p.companySize());
        }
        ps.setString(7, p.country());
        ps.setString(8, p.source());
        ps.setString(9, lead.externalId());
        ps.setArray(10, connection.createArrayOf("text", p.attributes().keySet().toArray()));
        ps.setArray(11, connection.createArrayOf("text", p.attributes().values().toArray()));
        ps.setString(12, lead.stage().name());
        ps.setString(13, lead.owner());
        ps.setTimestamp(14, Timestamp.from(lead.createdAt()));
        ps.setTimestamp(15, now);
        Long account = p.company() == null ? null : accountIds.get(p.company());
        if (account == null) {
            ps.setNull(16, Types.BIGINT);
        } else {
            ps.setLong(16, account);
        }
    }

    private static void bindScore(PreparedStatement ps, long id, ScoredLead scored, Timestamp now) throws SQLException {
        Score s = scored.score();
        ps.setLong(1, id);
        ps.setInt(2, s.modelVersion());
        ps.setInt(3, s.total());
        ps.setInt(4, s.fitPoints());
        ps.setInt(5, s.engagementPoints());
        ps.setString(6, s.grade().name());
        ps.setInt(7, s.priority());
        ps.setString(8, scored.lead().stage().name());
        ps.setTimestamp(9, now);
        // History: its response-time clock does not run (the queue shows it in the queue since it was scored).
        ps.setTimestamp(10, null);
    }
}
