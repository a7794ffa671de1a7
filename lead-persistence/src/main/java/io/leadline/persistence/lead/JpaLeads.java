package io.leadline.persistence.lead;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.StageChange;
import io.leadline.persistence.account.Accounts;
import io.leadline.persistence.queue.QueueStages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link Leads} on Postgres: JPA for the lead row, JDBC for the append-only stage history. */
@Repository
@Transactional
class JpaLeads implements Leads {

    private final LeadEntityRepository rows;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final StageHistory history;
    private final Clock clock;

    JpaLeads(LeadEntityRepository rows, JdbcClient jdbc, Accounts accounts, StageHistory history, Clock clock) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public Lead save(Lead lead) {
        LeadEntity row =
                lead.id() == null ? new LeadEntity() : rows.findById(lead.id()).orElseThrow();
        if (lead.id() != null && !row.version.equals(lead.version())) {
            throw new ObjectOptimisticLockingFailureException(LeadEntity.class, lead.id());
        }
        LeadProfile p = lead.profile();
        if (row.id == null || !Objects.equals(row.company, p.company())) {
            row.accountId = accounts.idFor(p.company()).orElse(null);
        }
        row.fullName = p.fullName();
        row.email = p.email() == null ? null : p.email().value();
        row.company = p.company();
        row.jobTitle = p.jobTitle();
        row.companySize = p.companySize();
        row.country = p.country();
        row.source = p.source();
        row.externalId = lead.externalId();
        row.attributes = new HashMap<>(p.attributes());
        row.stage = lead.stage();
        row.owner = lead.owner();
        row.revisitOn = lead.revisitOn();
        row.createdAt = lead.createdAt();
        row.updatedAt = Instant.now(clock);
        LeadEntity saved = rows.saveAndFlush(row);
        // The queue reads the stage from the narrow score table: keep the copy in step.
        // Entering the queue starts the response-time clock.
        jdbc.sql("update lead_score set stage = :stage, queued_at = case when stage not in " + QueueStages.SQL_LIST
                        + " and :stage in " + QueueStages.SQL_LIST + " then :now else queued_at end"
                        + " where lead_id = :id and stage <> :stage")
                .param("stage", saved.stage.name())
                .param("now", Timestamp.from(saved.updatedAt))
                .param("id", saved.id)
                .update();
        // The stage's origin is the lead's own (its move is recorded after this save, by apply).
        return toLead(saved, lead.stageByScore());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Lead> byId(long id) {
        return rows.findById(id).map(this::toLead);
    }

    @Override
    public Map<Long, Owned> owned(Collection<Long> ids) {
        Map<Long, Owned> owned = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(
                            "select id, owner, full_name, email, external_id from lead where id = any(?) and owner is not null")
                    .param(ids.toArray(Long[]::new))
                    .query(rs -> {
                        long id = rs.getLong("id");
                        owned.put(
                                id,
                                new Owned(
                                        id,
                                        rs.getString("owner"),
                                        Lead.displayName(
                                                rs.getString("full_name"),
                                                rs.getString("email"),
                                                rs.getString("external_id"),
                                                id)));
                    });
        }
        return owned;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> idWithEmail(EmailAddress email) {
        // The address of a lead merged into another is the survivor's: a form or the API naming it reaches that lead.
        return rows.findIdByEmail(email.value())
                .or(() -> jdbc.sql(
                                "select survivor_id from merged_lead where merged_email = ? order by merged_at desc limit 1")
                        .param(email.value())
                        .query(Long.class)
                        .optional());
    }

    @Override
    public Lead apply(Lead.Transition transition) {
        Lead saved = save(transition.lead());
        recordStageChange(saved.id(), transition.change());
        return saved;
    }

    @Override
    public void recordStageChange(long leadId, StageChange change) {
        history.record(leadId, change);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StageChange> history(long leadId) {
        return jdbc.sql("""
                        select from_stage, to_stage, actor, reason, changed_at, reason_code from stage_change
                        where lead_id = ? order by changed_at, id""")
                .param(leadId)
                .query((rs, n) -> new StageChange(
                        LifecycleStage.valueOf(rs.getString("from_stage")),
                        LifecycleStage.valueOf(rs.getString("to_stage")),
                        rs.getString("actor"),
                        rs.getString("reason"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("reason_code")))
                .list();
    }

    private Lead toLead(LeadEntity row) {
        // Only an MQL's origin matters (a score undoes only its own MQL): one look at its history.
        return toLead(
                row,
                row.stage != LifecycleStage.MQL
                        || jdbc.sql("select " + StageHistory.STAGE_BY_SCORE + " from lead where id = ?")
                                .param(row.id)
                                .query(Boolean.class)
                                .single());
    }

    private static Lead toLead(LeadEntity row, boolean byScore) {
        var profile = new LeadProfile(
                row.fullName,
                row.email == null ? null : new EmailAddress(row.email),
                row.company,
                row.jobTitle,
                row.companySize,
                row.country,
                row.source,
                row.attributes);
        return new Lead(
                row.id,
                row.version,
                row.externalId,
                profile,
                row.stage,
                row.owner,
                row.revisitOn,
                row.createdAt,
                byScore);
    }
}
