package io.leadline.persistence.scoring;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.StageChange;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoresCrossed;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.persistence.BackgroundWork;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores every lead with a model, in chunks of {@value #CHUNK} leads in id order, one transaction each:
 * leads and their activities are read and scored in Java by lead-core (the next chunk while this one is written),
 * and one {@code UPDATE} from arrays of the new scores writes only the scores that changed. A lead whose
 * new score crosses the MQL threshold moves stage (through {@link Lead#qualifyBy}) with its history recorded.
 */
@Component
public class Rescoring {

    private static final Logger log = LoggerFactory.getLogger(Rescoring.class);

    static final int CHUNK = 25_000;
    /** From this many leads on, scoring runs on all cores. */
    static final int PARALLEL_FROM = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ScoreMoves stageMoves;
    private final ApplicationEventPublisher events;

    Rescoring(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ScoreMoves stageMoves,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.stageMoves = stageMoves;
        this.events = events;
    }

    /** How the run went: leads read and scored, scores changed, leads that moved stage, scores that crossed the MQL threshold up and down. */
    public record Result(long leads, long changed, long moved, long mqlsIn, long mqlsOut) {

        public Result(long leads, long changed, long moved) {
            this(leads, changed, moved, 0, 0);
        }

        public static final Result NOTHING = new Result(0, 0, 0);

        Result plus(Chunk chunk) {
            return new Result(
                    leads + chunk.leads(),
                    changed + chunk.changed(),
                    moved + chunk.moved(),
                    mqlsIn + chunk.mqlsIn(),
                    mqlsOut + chunk.mqlsOut());
        }
    }

    public long countLeads() {
        return jdbc.queryForObject("select count(*) from lead", Long.class);
    }

    public Result rescoreAll(ScoringModel model, Instant now, LongConsumer progress) {
        long started = System.nanoTime();
        Timings timings = new Timings();
        Result result = rescore(model, now, progress, timings);
        log.info(
                "rescored {} leads in {} ms ({} ms reading, {} ms scoring, {} ms writing): {} scores changed, {} stage changes",
                result.leads(),
                (System.nanoTime() - started) / 1_000_000,
                timings.reading / 1_000_000,
                timings.scoring / 1_000_000,
                timings.writing / 1_000_000,
                result.changed(),
                result.moved());
        return result;
    }

    /**
     * Where one run's time goes, logged at its end: reading and scoring (added up on the reader thread), writing (on
     * this one). The reader's sums are seen here after each chunk's result is taken from it.
     */
    private static final class Timings {
        long reading;
        long scoring;
        long writing;
    }

    /** Every lead, chunk after chunk in id order, each chunk's read starting after the last lead of the one before. */
    private Result rescore(ScoringModel model, Instant now, LongConsumer progress, Timings timings) {
        return pipelined(
                previous -> previous == null
                        ? () -> readAndScore(model, 0, now, timings)
                        : previous.leads().isEmpty()
                                ? null
                                : () -> readAndScore(
                                        model, previous.leads().getLast().id(), now, timings),
                now,
                progress,
                timings);
    }

    /**
     * Rescores only these leads (the ones a model change can move, see {@link LeadsInScope}), {@value #CHUNK} at a
     * time in a transaction each, reporting how many are done after each.
     */
    public Result rescoreOnly(ScoringModel model, long[] leadIds, Instant now, LongConsumer progress) {
        if (leadIds.length == 0) {
            return Result.NOTHING;
        }
        long started = System.nanoTime();
        Timings timings = new Timings();
        int[] from = {-CHUNK}; // where the chunk last asked for starts
        Result result = pipelined(
                previous -> {
                    int start = from[0] += CHUNK;
                    return start >= leadIds.length
                            ? null
                            : () -> {
                                long read = System.nanoTime();
                                Scored scored = readAndScore(model, chunk(leadIds, start), now);
                                timings.reading += System.nanoTime() - read;
                                return scored;
                            };
                },
                now,
                progress,
                timings);
        log.info(
                "rescored {} leads of {} asked in {} ms ({} ms reading and scoring, {} ms writing): {} scores changed, {} stage changes",
                result.leads(),
                leadIds.length,
                (System.nanoTime() - started) / 1_000_000,
                timings.reading / 1_000_000,
                timings.writing / 1_000_000,
                result.changed(),
                result.moved());
        return result;
    }

    /**
     * Chunk after chunk, each written in a transaction of its own while the next one's leads and activities are read
     * on another connection and scored, so that reading and scoring (about half of the time at a million leads) hide
     * behind the writing instead of adding to it. {@code readAfter} gives the read of the chunk after the one it is
     * handed ({@code null}: the first chunk), or {@code null} when there is none.
     */
    private Result pipelined(
            Function<Scored, Callable<Scored>> readAfter, Instant now, LongConsumer progress, Timings timings) {
        Result result = Result.NOTHING;
        ExecutorService reader = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("rescoring-reader").factory());
        try {
            Future<Scored> next = reader.submit(readAfter.apply(null));
            while (next != null) {
                Scored scored = finished(next);
                Callable<Scored> following = readAfter.apply(scored);
                next = following == null ? null : reader.submit(following);
                if (scored.leads().isEmpty()) {
                    continue;
                }
                long writing = System.nanoTime();
                result = result.plus(transaction.execute(status -> write(scored, now)));
                timings.writing += System.nanoTime() - writing;
                progress.accept(result.leads());
            }
        } finally {
            reader.shutdownNow();
        }
        return result;
    }

    private static long[] chunk(long[] ids, int from) {
        return Arrays.copyOfRange(ids, from, Math.min(ids.length, from + CHUNK));
    }

    /** What writing a chunk did: leads in it, scores changed, leads moved, scores that crossed the threshold up and down. */
    record Chunk(int leads, long changed, long moved, long mqlsIn, long mqlsOut) {}

    private Scored readAndScore(ScoringModel model, long afterId, Instant now, Timings timings) {
        long t0 = System.nanoTime();
        // The score rows from the same place on, so that a merge join starts there and not at the first lead.
        ReadLeads read = read(model, "s.lead_id > ?", "lead.id > ? order by lead.id limit ?", (con, ps, p) -> {
            ps.setLong(p, afterId);
            ps.setLong(p + 1, afterId);
            ps.setInt(p + 2, CHUNK);
        });
        List<Lead> leads = read.leads();
        Map<Long, List<Activity>> activities = new HashMap<>();
        if (!leads.isEmpty()) {
            jdbc.query(
                    "select " + ACTIVITY_COLUMNS + " from activity where lead_id between ? and ?",
                    collect(activities),
                    pageTypes(model),
                    leads.getFirst().id(),
                    leads.getLast().id());
        }
        long t1 = System.nanoTime();
        Scored scored = score(model, read, activities, now, false);
        timings.reading += t1 - t0;
        timings.scoring += System.nanoTime() - t1;
        return scored;
    }

    private static Scored finished(Future<Scored> work) {
        return BackgroundWork.result(work, "reading leads to rescore");
    }

    /**
     * Rescores the given leads now, in the caller's transaction, {@value #CHUNK} at a time (activity ingestion: the
     * leads whose activities just arrived, which the caller holds the row locks of, so no concurrent batch scores them
     * from an older view; an import: the leads it updated).
     */
    public Result rescore(ScoringModel model, long[] leadIds, Instant now) {
        Result result = Result.NOTHING;
        for (int from = 0; from < leadIds.length; from += CHUNK) {
            result = result.plus(write(readAndScore(model, chunk(leadIds, from), now), now));
        }
        return result;
    }

    /** Reads the given leads with their activities and scores them (the first half of {@link #rescore(ScoringModel, long[], Instant)}). */
    Scored readAndScore(ScoringModel model, long[] leadIds, Instant now) {
        // The score rows of these leads only: without it the join reads every score row for a few leads.
        ReadLeads read = read(model, "s.lead_id = any(?)", "lead.id = any(?) order by lead.id", (con, ps, p) -> {
            var ids = ids(con, leadIds);
            ps.setArray(p, ids);
            ps.setArray(p + 1, ids);
        });
        Map<Long, List<Activity>> activities = new HashMap<>();
        if (!read.leads().isEmpty()) {
            jdbc.query(
                    con -> {
                        var ps = con.prepareStatement(
                                "select " + ACTIVITY_COLUMNS + " from activity where lead_id = any(?)");
                        ps.setArray(1, con.createArrayOf("text", pageTypes(model)));
                        ps.setArray(2, ids(con, leadIds));
                        return ps;
                    },
                    collect(activities));
        }
        return score(model, read, activities, now, read.leads().size() >= PARALLEL_FROM);
    }

    /**
     * What scoring reads of an activity: lead, type, time, and the detail (the page) only for the types a rule reads
     * pages of (the first parameter, {@link #pageTypes}): the detail is most of an activity row's width.
     */
    static final String ACTIVITY_COLUMNS =
            "lead_id, type, occurred_at, case when type = any(?::text[]) then detail end";

    static String[] pageTypes(ScoringModel model) {
        return model.typesReadByPage().toArray(String[]::new);
    }

    /** Collects rows of (lead_id, type, occurred_at, detail) into each lead's activities. */
    static RowCallbackHandler collect(Map<Long, List<Activity>> activities) {
        return rs -> activities
                .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(new Activity(
                        new ActivityType(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getString(4)));
    }

    private static Array ids(Connection con, long[] ids) throws SQLException {
        return con.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray(Long[]::new));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(Connection con, PreparedStatement ps, int firstParameter) throws SQLException;
    }

    /**
     * Leads as read, in id order, each with the version of its stored score row (its {@code xmin}, the transaction that
     * wrote it; {@link #NO_SCORE} when it has none): the score is rewritten only if still that version; and the
     * stored score's points, to tell which new scores cross the MQL threshold.
     */
    private record ReadLeads(List<Lead> leads, long[] scoreVersions, int[] storedScores) {}

    /** The version of a lead that had no score row when read. */
    private static final long NO_SCORE = -1;

    /**
     * The leads the condition selects, with only the custom attributes the model reads, and the version of each one's
     * score row ({@code scoreCondition} narrows the score rows the join reads; its parameters come first).
     */
    private ReadLeads read(ScoringModel model, String scoreCondition, String condition, Binder binder) {
        // Only the custom attributes the model reads: unpacking every lead's jsonb would cost more than scoring it.
        String[] keys = model.customAttributes().toArray(String[]::new);
        List<Long> versions = new ArrayList<>();
        List<Integer> stored = new ArrayList<>();
        List<Lead> leads = jdbc.query(
                con -> {
                    var ps = con.prepareStatement(
                            "select " + LeadRows.leadColumns(keys) + ", coalesce(s.xmin::text::bigint, " + NO_SCORE
                                    + ") as score_version, coalesce(s.score, 0) as stored_score from lead left join lead_score s on s.lead_id = lead.id and "
                                    + scoreCondition
                                    + " where " + condition);
                    // Binary results: ids, numbers and timestamps arrive as bytes instead of text to parse, a good part
                    // of reading a chunk (a negative threshold makes pgjdbc prepare on the server and ask for binary at
                    // once).
                    ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    binder.bind(con, ps, LeadRows.bindAttributeKeys(ps, keys));
                    return ps;
                },
                (rs, n) -> {
                    versions.add(rs.getLong("score_version"));
                    stored.add(rs.getInt("stored_score"));
                    return LeadRows.lead(rs, keys);
                });
        return new ReadLeads(
                leads,
                versions.stream().mapToLong(Long::longValue).toArray(),
                stored.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A chunk scored in Java: its leads in id order, their new scores, and the stage moves the scores cause. */
    record Scored(List<Lead> leads, long[] scoreVersions, int[] storedScores, List<Score> scores, List<Move> moves) {}

    /** A stage move a new score causes, for the lead as it was read (its version is checked when it is written). */
    record Move(Lead lead, StageChange change) {}

    /**
     * Scores the leads in Java. Scoring is a pure function of lead-core, so a large set is scored on every core when
     * nothing else needs them ({@code parallel}); rescoring everything scores on its reader thread instead, while the
     * other core runs the writing.
     */
    private Scored score(
            ScoringModel model, ReadLeads read, Map<Long, List<Activity>> activities, Instant now, boolean parallel) {
        List<Lead> leads = read.leads();
        Score[] scores = new Score[leads.size()];
        IntStream range = IntStream.range(0, leads.size());
        (parallel ? range.parallel() : range)
                .forEach(i -> scores[i] = model.score(
                        leads.get(i).profile(),
                        activities.getOrDefault(leads.get(i).id(), List.of()),
                        now));
        List<Score> scored = Arrays.asList(scores);
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            lead.qualifyBy(scores[i], now).ifPresent(t -> moves.add(new Move(lead, t.change())));
        }
        return new Scored(leads, read.scoreVersions(), read.storedScores(), scored, moves);
    }

    /**
     * Writes the scores that changed and the stage moves, in the caller's transaction; answers what it wrote. A score
     * whose points, grade and priority are as stored is left alone, its model version too: the stored version is the
     * one that last changed the score (a model change that moves nobody rewrites nothing). Both are
     * optimistic: a score row rewritten since the chunk was read (activity ingestion rescored the lead), or a lead
     * whose version moved (a rep claimed, qualified or disqualified it), is left as the other writer left it.
     */
    Chunk write(Scored chunk, Instant now) {
        if (chunk.leads().isEmpty()) {
            return new Chunk(0, 0, 0, 0, 0);
        }
        List<Lead> leads = chunk.leads();
        List<Move> moves = chunk.moves();
        NewScores source = new NewScores(leads, chunk.scoreVersions(), chunk.scores());
        List<Long> rewritten = jdbc.query(
                con -> source.bind(
                        con,
                        con.prepareStatement("""
                update lead_score s set model_version = r.model_version, score = r.score, fit_points = r.fit_points,
                       engagement_points = r.engagement_points, grade = r.grade, priority = r.priority, scored_at = ?
                from %s
                where s.lead_id = r.lead_id and s.lead_id between %d and %d
                  and s.xmin::text::bigint = r.read_version
                  and (s.score, s.fit_points, s.engagement_points, s.grade, s.priority)
                      is distinct from (r.score, r.fit_points, r.engagement_points, r.grade, r.priority)
                returning s.lead_id""".formatted(
                                        source.relation(),
                                        leads.getFirst().id(),
                                        leads.getLast().id())),
                        Timestamp.from(now)),
                (rs, n) -> rs.getLong(1));
        int changed = rewritten.size();
        List<ScoresCrossed.Crossing> crossings = announceCrossings(chunk, rewritten, now);
        if (changed < leads.size()) {
            // Leads with no score row yet (created outside the application, or just now by activity ingestion): give
            // them one. Only looked for when the update did not reach every lead.
            jdbc.update(con ->
                    source.bind(con, con.prepareStatement("""
                    insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at)
                    select r.lead_id, r.model_version, r.score, r.fit_points, r.engagement_points, r.grade, r.priority, l.stage, ?
                    from %s join lead l on l.id = r.lead_id
                    where not exists (select 1 from lead_score s where s.lead_id = r.lead_id)""".formatted(source.relation())), Timestamp.from(now)));
        }
        moves = stageMoves.write(moves, now);
        long up = crossings.stream()
                .filter(c -> c.direction() == ScoresCrossed.Direction.UP)
                .count();
        return new Chunk(leads.size(), changed, moves.size(), up, crossings.size() - up);
    }

    /** Announces the rewritten scores that crossed the MQL threshold from the stored ones (a first score crosses nothing). */
    private List<ScoresCrossed.Crossing> announceCrossings(Scored chunk, List<Long> rewritten, Instant now) {
        if (rewritten.isEmpty()) {
            return List.of();
        }
        long[] written = rewritten.stream().mapToLong(Long::longValue).sorted().toArray();
        List<ScoresCrossed.Crossing> crossings = new ArrayList<>();
        for (int i = 0; i < chunk.leads().size(); i++) {
            long id = chunk.leads().get(i).id();
            Score score = chunk.scores().get(i);
            if (chunk.scoreVersions()[i] != NO_SCORE && Arrays.binarySearch(written, id) >= 0) {
                ScoresCrossed.Crossing.of(id, chunk.storedScores()[i], score.total(), score.mqlThreshold())
                        .ifPresent(crossings::add);
            }
        }
        ScoresCrossed.of(crossings, now).forEach(events::publishEvent);
        return crossings;
    }
}
