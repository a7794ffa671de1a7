package io.leadline.persistence.lead;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadsBecameMql;
import io.leadline.core.lead.LeadsBecameMql.RecordedMove;
import io.leadline.core.lead.LeadsMoved;
import io.leadline.core.lead.StageChange;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of {@code stage_change}, the append-only history of every lead's moves, and the one place that
 * announces what the moves mean ({@link LeadsBecameMql}, {@link LeadsMoved}): single leads and batches (rescoring, bulk inserts) record
 * their moves here; the import, which writes its rows by {@code COPY}, announces its new MQLs through
 * {@link #announceMqls}. The events go out in the caller's transaction, so they are stored with the moves (the
 * event publication registry) and delivered only once it commits.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class StageHistory {

    /**
     * Whether the score put the lead in its stage ({@link Lead#stageByScore}): the last move into its stage was made by
     * {@link Lead#SYSTEM}. Asked only of MQLs, the one stage a score undoes; a lead with no recorded move is the score's.
     * Reads {@code lead}, aliased {@code stage_by_score}.
     */
    public static final String STAGE_BY_SCORE = "(lead.stage <> 'MQL' or coalesce((select c.actor = '" + Lead.SYSTEM
            + "' from stage_change c where c.lead_id = lead.id and c.to_stage = lead.stage"
            + " order by c.changed_at desc, c.id desc limit 1), true)) as stage_by_score";

    private static final String INSERT = """
            insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at, reason_code)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StageHistory(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Appends one move of a stored lead, and announces it. */
    public void record(long leadId, StageChange change) {
        recordAll(List.of(new RecordedMove(leadId, change)));
    }

    /** Appends the moves in one batch, and announces them. */
    public void recordAll(List<RecordedMove> moves) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                INSERT,
                moves.stream()
                        .map(m -> new Object[] {
                            m.leadId(),
                            m.change().from().name(),
                            m.change().to().name(),
                            m.change().actor(),
                            m.change().reason(),
                            Timestamp.from(m.change().at()),
                            m.change().reasonCode()
                        })
                        .toList());
        LeadsBecameMql.among(moves, clock.instant()).forEach(events::publishEvent);
        LeadsMoved.among(moves, clock.instant()).forEach(events::publishEvent);
    }

    /** Announces leads whose move into MQL the caller wrote itself (the import's {@code COPY}). */
    public void announceMqls(List<Long> leadIds) {
        LeadsBecameMql.of(leadIds, clock.instant()).forEach(events::publishEvent);
    }
}
