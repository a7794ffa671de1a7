package io.leadline.persistence.scoring;

import io.leadline.core.lead.LeadsBecameMql.RecordedMove;
import io.leadline.persistence.lead.StageHistory;
import io.leadline.persistence.queue.QueueStages;
import io.leadline.persistence.scoring.Rescoring.Move;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the stage moves that new scores cause (lead-core decided them, {@code Lead.qualifyBy}), set-based: the leads
 * still at the version read are moved in one statement, their history recorded by {@link StageHistory} (which
 * announces them), and their score rows' copy of the stage in one more. A lead whose version moved since it was read (a
 * rep claimed, qualified or disqualified it) is left as that rep left it: a move computed from the older lead would
 * undo the rep's decision, as a lost update.
 */
@Component
class ScoreMoves {

    private final JdbcTemplate jdbc;
    private final StageHistory history;

    ScoreMoves(JdbcTemplate jdbc, StageHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Writes the moves, in the caller's transaction; answers those made. The moves come in lead id order. */
    List<Move> write(List<Move> moves, Instant now) {
        if (moves.isEmpty()) {
            return moves;
        }
        Long[] ids = moves.stream().map(m -> m.lead().id()).toArray(Long[]::new);
        Long[] versions = moves.stream().map(m -> m.lead().version()).toArray(Long[]::new);
        String[] stages = moves.stream().map(m -> m.change().to().name()).toArray(String[]::new);
        Timestamp at = Timestamp.from(now);
        // The rows are locked in id order first, as every writer of several leads does, so that two of them never
        // wait for each other whatever plan the update below gets.
        jdbc.query(
                con -> {
                    var ps =
                            con.prepareStatement("select id from lead where id = any(?) order by id for no key update");
                    ps.setArray(1, con.createArrayOf("bigint", ids));
                    return ps;
                },
                rs -> {});
        // As Lead.moveTo: a revisit date belongs to a recycled lead only.
        Set<Long> moved = new HashSet<>(jdbc.query(
                con -> {
                    var ps = con.prepareStatement("""
                            update lead l set stage = m.stage,
                                   revisit_on = case when m.stage = 'RECYCLED' then l.revisit_on end,
                                   version = l.version + 1, updated_at = ?
                            from unnest(?::bigint[], ?::bigint[], ?::text[]) as m (id, version, stage)
                            where l.id = m.id and l.version = m.version
                            returning l.id""");
                    ps.setTimestamp(1, at);
                    ps.setArray(2, con.createArrayOf("bigint", ids));
                    ps.setArray(3, con.createArrayOf("bigint", versions));
                    ps.setArray(4, con.createArrayOf("text", stages));
                    return ps;
                },
                (rs, n) -> rs.getLong(1)));
        List<Move> made = moved.size() == moves.size()
                ? moves
                : moves.stream().filter(m -> moved.contains(m.lead().id())).toList();
        if (made.isEmpty()) {
            return made;
        }
        history.recordAll(made.stream()
                .map(m -> new RecordedMove(m.lead().id(), m.change()))
                .toList());
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    update lead_score s set stage = m.stage,
                           queued_at = case when m.stage in %s then ? else s.queued_at end
                    from unnest(?::bigint[], ?::text[]) as m (id, stage)
                    where s.lead_id = m.id""".formatted(QueueStages.SQL_LIST));
            ps.setTimestamp(1, at);
            ps.setArray(
                    2,
                    con.createArrayOf(
                            "bigint", made.stream().map(m -> m.lead().id()).toArray(Long[]::new)));
            ps.setArray(
                    3,
                    con.createArrayOf(
                            "text",
                            made.stream().map(m -> m.change().to().name()).toArray(String[]::new)));
            return ps;
        });
        return made;
    }
}
