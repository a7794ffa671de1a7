package io.leadline.persistence.scoring;

import io.leadline.core.activity.Activity;
import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.persistence.PostgresArrays;
import io.leadline.persistence.queue.QueueStages;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores every lead with a model, in chunks of {@value #CHUNK} leads in id order, one transaction each:
 * leads and their activities are read, scored in Java by lead-core, and the new scores go by {@code COPY}
 * into a temporary table; one {@code UPDATE} then writes only the scores that changed. A lead whose new score
 * crosses the MQL threshold moves stage (through {@link Lead#qualifyBy}) with its history recorded.
 */
@Component
public class Rescoring {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Rescoring.class);

    static final int CHUNK = 50_000;
    /** From this many leads on, scoring runs on all cores. */
    static final int PARALLEL_FROM = 2_000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    Rescoring(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** How the run went: leads scored, scores changed, leads that moved stage. */
    public record Result(long leads, long changed, long moved) {
    }

    public long countLeads() {
        return jdbc.queryForObject("select count(*) from lead", Long.class);
    }

    public Result rescoreAll(ScoringModel model, Instant now, LongConsumer progress) {
        long started = System.nanoTime();
        java.util.Arrays.fill(nanos, 0);
        Result result = rescore(model, now, progress);
        log.info("rescored {} leads in {} ms ({} ms reading, {} ms scoring, {} ms writing): {} scores changed, {} stage changes",
                result.leads(), (System.nanoTime() - started) / 1_000_000, nanos[0] / 1_000_000, nanos[1] / 1_000_000,
                nanos[2] / 1_000_000, result.changed(), result.moved());
        return result;
    }

    private Result rescore(ScoringModel model, Instant now, LongConsumer progress) {
        long after = 0;
        long leads = 0;
        long changed = 0;
        long moved = 0;
        while (true) {
            long from = after;
            Chunk chunk = transaction.execute(status -> rescoreChunk(model, from, now));
            if (chunk.leads == 0) {
                break;
            }
            leads += chunk.leads;
            changed += chunk.changed;
            moved += chunk.moved;
            after = chunk.lastId;
            progress.accept(leads);
        }
        return new Result(leads, changed, moved);
    }

    private record Chunk(int leads, long lastId, long changed, long moved) {
    }

    /** Where rescoring's time goes, logged at the end of a run: reading, scoring in Java, writing. */
    private final long[] nanos = new long[3];

    private Chunk rescoreChunk(ScoringModel model, long afterId, Instant now) {
        long t0 = System.nanoTime();
        List<Lead> leads = read(model, "id > ? order by id limit ?", (con, ps, p) -> {
            ps.setLong(p, afterId);
            ps.setInt(p + 1, CHUNK);
        });
        if (leads.isEmpty()) {
            return new Chunk(0, afterId, 0, 0);
        }
        Map<Long, List<Activity>> activities = new HashMap<>();
        jdbc.query("select lead_id, type, occurred_at from activity where lead_id between ? and ?", collect(activities),
                leads.getFirst().id(), leads.getLast().id());
        nanos[0] += System.nanoTime() - t0;
        return write(model, leads, activities, now);
    }

    /**
     * Rescores the given leads now, in the caller's transaction (activity ingestion: the leads whose activities just
     * arrived). The caller holds the leads' row locks, so no concurrent batch scores them from an older view.
     */
    public Result rescore(ScoringModel model, long[] leadIds, Instant now) {
        if (leadIds.length == 0) {
            return new Result(0, 0, 0);
        }
        List<Lead> leads = read(model, "id = any(?) order by id", (con, ps, p) -> ps.setArray(p, ids(con, leadIds)));
        Map<Long, List<Activity>> activities = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select lead_id, type, occurred_at from activity where lead_id = any(?)");
            ps.setArray(1, ids(con, leadIds));
            return ps;
        }, collect(activities));
        Chunk chunk = write(model, leads, activities, now);
        return new Result(chunk.leads, chunk.changed, chunk.moved);
    }

    /** Collects rows of (lead_id, type, occurred_at) into each lead's activities. */
    static org.springframework.jdbc.core.RowCallbackHandler collect(Map<Long, List<Activity>> activities) {
        return rs -> activities.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(Activity.of(new ActivityType(rs.getString(2)), rs.getTimestamp(3).toInstant()));
    }

    private static java.sql.Array ids(java.sql.Connection con, long[] ids) throws SQLException {
        return con.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray(Long[]::new));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(java.sql.Connection con, java.sql.PreparedStatement ps, int firstParameter) throws SQLException;
    }

    /** The leads the condition selects, with only the custom attributes the model reads. */
    private List<Lead> read(ScoringModel model, String condition, Binder binder) {
        // Only the custom attributes the model reads: unpacking every lead's jsonb would cost more than scoring it.
        String[] keys = model.customAttributes().toArray(String[]::new);
        String attributes = keys.length == 0 ? "'{}'::text[] as attr_keys, '{}'::text[] as attr_values"
                : "?::text[] as attr_keys, array(select attributes ->> k from unnest(?::text[]) as k) as attr_values";
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select id, version, external_id, full_name, email, company, job_title, company_size, "
                    + "country, source, " + attributes + ", stage, owner, revisit_on, created_at from lead where " + condition);
            int p = 1;
            if (keys.length > 0) {
                ps.setArray(p++, con.createArrayOf("text", keys));
                ps.setArray(p++, con.createArrayOf("text", keys));
            }
            binder.bind(con, ps, p);
            return ps;
        }, Rescoring::lead);
    }

    /** Scores the leads in Java and writes the scores that changed and the stage moves they cause. */
    private Chunk write(ScoringModel model, List<Lead> leads, Map<Long, List<Activity>> activities, Instant now) {
        long t1 = System.nanoTime();
        // Scoring is a pure function of lead-core: a large chunk is scored on every core, while Postgres waits anyway.
        Score[] scores = new Score[leads.size()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, leads.size());
        (leads.size() >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> scores[i] =
                model.score(leads.get(i).profile(), activities.getOrDefault(leads.get(i).id(), List.of()), now));
        List<Score> scored = java.util.Arrays.asList(scores);
        List<Object[]> moves = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            lead.qualifyBy(scores[i], now).ifPresent(t -> moves.add(new Object[] {lead.id(), t.change().from().name(),
                    t.change().to().name(), t.change().actor(), t.change().reason(), Timestamp.from(t.change().at()),
                    t.change().reasonCode()}));
        }
        long t2 = System.nanoTime();
        nanos[1] += t2 - t1;
        NewScores source = leads.size() >= COPY_FROM ? copied(leads, scored) : unnested(leads, scored);
        int changed = jdbc.update(con -> source.bind(con, con.prepareStatement("""
                update lead_score s set model_version = r.model_version, score = r.score, fit_points = r.fit_points,
                       engagement_points = r.engagement_points, grade = r.grade, priority = r.priority, scored_at = ?
                from %s
                where s.lead_id = r.lead_id
                  and (s.model_version, s.score, s.fit_points, s.engagement_points, s.grade, s.priority)
                      is distinct from (r.model_version, r.score, r.fit_points, r.engagement_points, r.grade, r.priority)"""
                .formatted(source.relation())), Timestamp.from(now)));
        if (changed < leads.size()) {
            // Leads with no score row yet (created outside the application, or just now by activity ingestion): give
            // them one. Only looked for when the update did not reach every lead.
            jdbc.update(con -> source.bind(con, con.prepareStatement("""
                    insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at)
                    select r.lead_id, r.model_version, r.score, r.fit_points, r.engagement_points, r.grade, r.priority, l.stage, ?
                    from %s join lead l on l.id = r.lead_id
                    where not exists (select 1 from lead_score s where s.lead_id = r.lead_id)""".formatted(source.relation())),
                    Timestamp.from(now)));
        }
        if (!moves.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at, reason_code)
                    values (?, ?, ?, ?, ?, ?, ?)""", moves);
            // As Lead.moveTo: a revisit date belongs to a recycled lead only.
            jdbc.batchUpdate("update lead set stage = ?, revisit_on = case when ? = 'RECYCLED' then revisit_on end, "
                            + "version = version + 1, updated_at = ? where id = ?",
                    moves.stream().map(m -> new Object[] {m[2], m[2], Timestamp.from(now), m[0]}).toList());
            jdbc.batchUpdate("update lead_score set stage = ?, queued_at = case when ? in " + QueueStages.SQL_LIST
                            + " then ? else queued_at end where lead_id = ?",
                    moves.stream().map(m -> new Object[] {m[2], m[2], Timestamp.from(now), m[0]}).toList());
        }
        nanos[2] += System.nanoTime() - t2;
        return new Chunk(leads.size(), leads.getLast().id(), changed, moves.size());
    }

    /** From this many leads on, new scores go by COPY into a temporary table; fewer are sent as arrays (no DDL, no ANALYZE). */
    static final int COPY_FROM = 5_000;

    /** Where the update reads the new scores from: a relation named r for the SQL, and the parameters it needs. */
    private interface NewScores {
        String relation();

        /** Binds {@code then} (the statement's parameters before the relation), then the relation's own; answers the statement. */
        java.sql.PreparedStatement bind(java.sql.Connection con, java.sql.PreparedStatement ps, Object... then) throws SQLException;
    }

    private NewScores copied(List<Lead> leads, List<Score> scores) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            for (int i = 0; i < leads.size(); i++) {
                Score score = scores.get(i);
                out.printRecord(leads.get(i).id(), score.modelVersion(), score.total(), score.fitPoints(), score.engagementPoints(),
                        score.grade().name(), score.priority());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.execute("drop table if exists rescored");
        jdbc.execute("""
                create temporary table rescored (lead_id bigint primary key, model_version integer, score integer,
                    fit_points integer, engagement_points integer, grade text, priority integer) on commit drop""");
        copy("copy rescored from stdin (format csv)", csv.toString());
        jdbc.execute("analyze rescored");
        return new NewScores() {
            public String relation() {
                return "rescored r";
            }

            public java.sql.PreparedStatement bind(java.sql.Connection con, java.sql.PreparedStatement ps, Object... then) throws SQLException {
                for (int i = 0; i < then.length; i++) {
                    ps.setObject(i + 1, then[i]);
                }
                return ps;
            }
        };
    }

    private static NewScores unnested(List<Lead> leads, List<Score> scores) {
        int n = leads.size();
        Long[] ids = new Long[n];
        Integer[] versions = new Integer[n];
        Integer[] totals = new Integer[n];
        Integer[] fit = new Integer[n];
        Integer[] engagement = new Integer[n];
        String[] grades = new String[n];
        Integer[] priorities = new Integer[n];
        for (int i = 0; i < n; i++) {
            Score score = scores.get(i);
            ids[i] = leads.get(i).id();
            versions[i] = score.modelVersion();
            totals[i] = score.total();
            fit[i] = score.fitPoints();
            engagement[i] = score.engagementPoints();
            grades[i] = score.grade().name();
            priorities[i] = score.priority();
        }
        return new NewScores() {
            public String relation() {
                return "unnest(?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[], ?::int[]) "
                        + "as r(lead_id, model_version, score, fit_points, engagement_points, grade, priority)";
            }

            public java.sql.PreparedStatement bind(java.sql.Connection con, java.sql.PreparedStatement ps, Object... then) throws SQLException {
                // The relation comes after the statement's first parameter (scored_at) in both statements.
                int p = 1;
                for (Object value : then) {
                    ps.setObject(p++, value);
                }
                ps.setArray(p++, con.createArrayOf("bigint", ids));
                ps.setArray(p++, con.createArrayOf("integer", versions));
                ps.setArray(p++, con.createArrayOf("integer", totals));
                ps.setArray(p++, con.createArrayOf("integer", fit));
                ps.setArray(p++, con.createArrayOf("integer", engagement));
                ps.setArray(p++, con.createArrayOf("text", grades));
                ps.setArray(p, con.createArrayOf("integer", priorities));
                return ps;
            }
        };
    }

    private void copy(String sql, String csv) {
        try {
            DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of new scores failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lead lead(ResultSet rs, int n) throws SQLException {
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] keys = PostgresArrays.strings(rs.getArray("attr_keys"));
        String[] values = PostgresArrays.strings(rs.getArray("attr_values"));
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                attributes.put(keys[i], values[i]);
            }
        }
        String email = rs.getString("email");
        var profile = new LeadProfile(rs.getString("full_name"), email == null ? null : new EmailAddress(email),
                rs.getString("company"), rs.getString("job_title"), (Integer) rs.getObject("company_size"),
                rs.getString("country"), rs.getString("source"), attributes);
        var revisit = rs.getDate("revisit_on");
        return new Lead(rs.getLong("id"), rs.getLong("version"), rs.getString("external_id"), profile,
                LifecycleStage.valueOf(rs.getString("stage")), rs.getString("owner"),
                revisit == null ? null : revisit.toLocalDate(), rs.getTimestamp("created_at").toInstant());
    }
}
