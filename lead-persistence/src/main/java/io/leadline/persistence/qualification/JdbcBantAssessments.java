package io.leadline.persistence.qualification;

import io.leadline.core.qualification.BantAnswer;
import io.leadline.core.qualification.BantAssessment;
import io.leadline.core.qualification.BantAssessments;
import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.BantStatus;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link BantAssessments} on the {@code bant_answer} table: one row per lead and criterion. */
@Repository
class JdbcBantAssessments implements BantAssessments {

    private final JdbcClient jdbc;

    JdbcBantAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BantAssessment of(long leadId) {
        var answers = jdbc.sql("""
                        select criterion, status, evidence, months_to_decision, answered_by, answered_at
                        from bant_answer where lead_id = ?""")
                .param(leadId)
                .query((rs, n) -> new BantAnswer(
                        BantCriterion.valueOf(rs.getString("criterion")),
                        BantStatus.valueOf(rs.getString("status")),
                        rs.getString("evidence"),
                        (Integer) rs.getObject("months_to_decision"),
                        rs.getString("answered_by"),
                        rs.getTimestamp("answered_at").toInstant()))
                .list();
        return BantAssessment.of(answers.toArray(BantAnswer[]::new));
    }

    @Override
    public void save(long leadId, BantAnswer answer) {
        jdbc.sql("""
                        insert into bant_answer (lead_id, criterion, status, evidence, months_to_decision, answered_by, answered_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (lead_id, criterion) do update set status = excluded.status,
                            evidence = excluded.evidence, months_to_decision = excluded.months_to_decision,
                            answered_by = excluded.answered_by, answered_at = excluded.answered_at""")
                .params(
                        leadId,
                        answer.criterion().name(),
                        answer.status().name(),
                        answer.evidence(),
                        answer.monthsToDecision(),
                        answer.by(),
                        Timestamp.from(answer.at()))
                .update();
    }
}
