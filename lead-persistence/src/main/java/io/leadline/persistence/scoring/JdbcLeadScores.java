package io.leadline.persistence.scoring;

import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.FitGrade;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoresCrossed;
import io.leadline.persistence.queue.QueueStages;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link LeadScores} on the narrow {@code lead_score} table. */
@Repository
class JdbcLeadScores implements LeadScores {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcLeadScores(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Stores the score and, when it crossed the MQL threshold from the stored one, announces that. */
    @Override
    public void save(long leadId, Score score, LifecycleStage stage, Instant scoredAt) {
        Integer previous = jdbc.sql("""
                        with previous as (select score from lead_score where lead_id = :lead)
                        insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade,
                                                priority, stage, scored_at, queued_at)
                        values (:lead, :model, :score, :fit, :engagement, :grade, :priority, :stage, :at, :queuedAt)
                        on conflict (lead_id) do update set
                            model_version = excluded.model_version, score = excluded.score,
                            fit_points = excluded.fit_points, engagement_points = excluded.engagement_points,
                            grade = excluded.grade, priority = excluded.priority, stage = excluded.stage,
                            scored_at = excluded.scored_at,
                            queued_at = case when lead_score.stage in""" + " " + QueueStages.SQL_LIST + """
                             then lead_score.queued_at else excluded.queued_at end
                        returning (select score from previous)""")
                .param("lead", leadId)
                .param("model", score.modelVersion())
                .param("score", score.total())
                .param("fit", score.fitPoints())
                .param("engagement", score.engagementPoints())
                .param("grade", score.grade().name())
                .param("priority", score.priority())
                .param("stage", stage.name())
                .param("at", Timestamp.from(scoredAt))
                // Entering the queue starts the response-time clock; a lead already queued keeps its time.
                .param("queuedAt", stage.inSalesQueue() ? Timestamp.from(scoredAt) : null, Types.TIMESTAMP)
                .query((rs, n) -> (Integer) rs.getObject(1))
                .optional()
                .orElse(null);
        if (previous != null) {
            ScoresCrossed.Crossing.of(leadId, previous, score.total(), score.mqlThreshold())
                    .ifPresent(crossing -> events.publishEvent(new ScoresCrossed(List.of(crossing), scoredAt)));
        }
    }

    @Override
    public Optional<StoredScore> of(long leadId) {
        return jdbc.sql("""
                        select lead_id, model_version, score, grade, priority, stage, scored_at
                        from lead_score where lead_id = ?""")
                .param(leadId)
                .query((rs, n) -> new StoredScore(
                        rs.getLong("lead_id"),
                        rs.getInt("model_version"),
                        rs.getInt("score"),
                        FitGrade.valueOf(rs.getString("grade")),
                        rs.getInt("priority"),
                        LifecycleStage.valueOf(rs.getString("stage")),
                        rs.getTimestamp("scored_at").toInstant()))
                .optional();
    }
}
