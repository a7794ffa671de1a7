package io.leadline.persistence.prediction;

import io.leadline.core.prediction.LikelihoodTrainer;
import io.leadline.core.prediction.PredictiveModel;
import io.leadline.core.prediction.RankingQuality;
import io.leadline.persistence.PostgresArrays;
import io.leadline.persistence.jobs.JobLeases;
import io.leadline.persistence.jobs.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Likelihood-to-close models: every training is a job, leased like imports and rescoring, and once done a version
 * with who asked, when, on how many leads, its AUC and Brier score on the held-out leads (beside the points model's
 * AUC on the same leads), its weights, calibration and leakage check. The admin picks which finished version is
 * live; a new one goes live when it finishes unless a field the leak guard flagged was included knowingly (then it
 * waits for a confirmation).
 */
@Repository
public class LikelihoodModels {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JobLeases leases;

    LikelihoodModels(JdbcClient jdbc, JdbcTemplate batch, JobLeases leases) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.leases = leases;
    }

    public record Version(
            long id,
            String requestedBy,
            Instant requestedAt,
            List<String> includeFields,
            List<String> excludeFields,
            JobStatus status,
            String phase,
            String error,
            Integer trainingLeads,
            Integer heldOutLeads,
            Integer wonLeads,
            Double auc,
            Double brier,
            Double pointsAuc,
            Instant finishedAt,
            Instant liveSince,
            boolean flaggedIncluded) {

        public boolean running() {
            return status.running();
        }

        public boolean done() {
            return status == JobStatus.DONE;
        }
    }

    /** The live model: a finished version the admin (or a training) made live. */
    public record InUse(Version version, PredictiveModel model) {}

    @Transactional
    public long queue(String requestedBy, Set<String> includeFields, Instant at) {
        return queue(requestedBy, includeFields, Set.of(), at);
    }

    /** Queues a training with the flagged fields included knowingly and the fields left out by the admin. */
    @Transactional
    public long queue(String requestedBy, Set<String> includeFields, Set<String> excludeFields, Instant at) {
        return jdbc.sql("""
                        insert into likelihood_model (requested_by, requested_at, include_fields, exclude_fields, status)
                        values (?, ?, ?::text[], ?::text[], 'QUEUED') returning id""")
                .params(
                        requestedBy,
                        Timestamp.from(at),
                        includeFields.toArray(String[]::new),
                        excludeFields.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** Queues a scheduled training once per {@code key}, with the fields the newest version included knowingly. */
    @Transactional
    public boolean queueScheduled(String key, Instant at) {
        return jdbc.sql("""
                        insert into likelihood_model (requested_by, requested_at, include_fields, exclude_fields, status, schedule_key)
                        select 'system', ?, coalesce((select include_fields from likelihood_model where live_since is not null
                                                      order by live_since desc, id desc limit 1), '{}'),
                               coalesce((select exclude_fields from likelihood_model where live_since is not null
                                         order by live_since desc, id desc limit 1), '{}'), 'QUEUED', ?
                        on conflict do nothing""").params(Timestamp.from(at), key).update() == 1;
    }

    @Transactional
    public Optional<Version> claimNext(String worker, Instant at, Instant staleBefore) {
        return leases.claim(
                        JobLeases.JobTable.TRAINING,
                        worker,
                        at,
                        staleBefore,
                        "The application stopped during training, " + JobLeases.MAX_ATTEMPTS + " times.")
                .flatMap(this::find);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void phase(long id, String phase) {
        jdbc.sql("update likelihood_model set phase = ? where id = ?")
                .params(phase, id)
                .update();
    }

    /**
     * Stores a finished training; answers whether it went live (it does unless a flagged field was included knowingly:
     * such a model waits for {@link #makeLive} with a confirmation).
     */
    @Transactional
    public boolean finish(long id, LikelihoodTrainer.Trained trained, Double pointsAuc, Instant at) {
        List<PredictiveModel.Column> columns = trained.model().columns();
        batch.batchUpdate(
                """
                        insert into likelihood_column (model_id, position, field, kind, value, weight, low, high, mean, sd)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                IntStream.range(0, columns.size())
                        .mapToObj(i -> {
                            var c = columns.get(i);
                            return new Object[] {
                                id,
                                i,
                                c.field(),
                                c.kind().name(),
                                c.value(),
                                c.weight(),
                                c.low(),
                                c.high(),
                                c.mean(),
                                c.sd()
                            };
                        })
                        .toList());
        batch.batchUpdate(
                "insert into likelihood_decile (model_id, decile, leads, predicted, observed) values (?, ?, ?, ?, ?)",
                trained.calibration().stream()
                        .map(d -> new Object[] {id, d.decile(), d.leads(), d.predicted(), d.observed()})
                        .toList());
        batch.batchUpdate(
                """
                        insert into likelihood_field (model_id, field, alone_auc, filled_won, filled_other, filled_open, leaking, why, used)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                trained.fields().stream()
                        .map(f -> new Object[] {
                            id,
                            f.field(),
                            f.aloneAuc(),
                            f.filledWhenWon(),
                            f.filledOtherwise(),
                            f.filledWhenOpen(),
                            f.leaking(),
                            f.why(),
                            f.used()
                        })
                        .toList());
        boolean flaggedIncluded = trained.fields().stream().anyMatch(f -> f.leaking() && f.used());
        // A model that goes live scores every lead next: its phase says so until the caller is done.
        jdbc.sql("""
                        update likelihood_model set status = 'DONE', phase = ?, finished_at = ?, training_leads = ?,
                               held_out_leads = ?, won_leads = ?, auc = ?, brier = ?, points_auc = ?, intercept = ? where id = ?""")
                .params(
                        flaggedIncluded ? "done" : "scoring every lead",
                        Timestamp.from(at),
                        trained.trainingLeads(),
                        trained.heldOutLeads(),
                        trained.won(),
                        trained.auc(),
                        trained.brier(),
                        pointsAuc,
                        trained.model().intercept(),
                        id)
                .update();
        if (!flaggedIncluded) {
            makeLive(id, at);
        }
        return !flaggedIncluded;
    }

    /** Makes a finished version the live one (a rollback is making an older version live again). */
    @Transactional
    public boolean makeLive(long id, Instant at) {
        return jdbc.sql("update likelihood_model set live_since = ? where id = ? and status = 'DONE'")
                        .params(Timestamp.from(at), id)
                        .update()
                == 1;
    }

    public void fail(long id, String error, Instant at) {
        leases.fail(JobLeases.JobTable.TRAINING, id, error, at);
    }

    public Optional<Version> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(LikelihoodModels::version)
                .optional();
    }

    public List<Version> latest(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit ?")
                .param(limit)
                .query(LikelihoodModels::version)
                .list();
    }

    /** The live version's id: a cheap check for callers that keep the model. */
    public Optional<Long> live() {
        return jdbc.sql("select " + LiveLikelihoodSql.LIVE_MODEL_ID)
                .query(Long.class)
                .optional();
    }

    /** A finished version with its model. */
    public Optional<InUse> inUse(long id) {
        return jdbc.sql(SELECT.replace("as flagged_included", "as flagged_included, intercept")
                        + " where id = ? and status = 'DONE'")
                .param(id)
                .query((rs, n) -> Map.entry(version(rs, n), rs.getDouble("intercept")))
                .optional()
                .map(found -> new InUse(found.getKey(), new PredictiveModel(found.getValue(), columns(id))));
    }

    public List<PredictiveModel.Column> columns(long id) {
        return jdbc.sql(
                        "select field, kind, value, weight, low, high, mean, sd from likelihood_column where model_id = ? order by position")
                .param(id)
                .query((rs, n) -> new PredictiveModel.Column(
                        rs.getString(1),
                        PredictiveModel.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        rs.getDouble(7),
                        rs.getDouble(8)))
                .list();
    }

    public List<RankingQuality.Decile> calibration(long id) {
        return jdbc.sql(
                        "select decile, leads, predicted, observed from likelihood_decile where model_id = ? order by decile")
                .param(id)
                .query((rs, n) ->
                        new RankingQuality.Decile(rs.getInt(1), rs.getInt(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    public List<LikelihoodTrainer.FieldCheck> fields(long id) {
        return jdbc.sql("""
                        select field, alone_auc, filled_won, filled_other, filled_open, leaking, why, used from likelihood_field
                        where model_id = ? order by leaking desc, alone_auc desc, field""")
                .param(id)
                .query((rs, n) -> new LikelihoodTrainer.FieldCheck(
                        rs.getString(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        (Double) rs.getObject(5),
                        rs.getBoolean(6),
                        rs.getString(7),
                        rs.getBoolean(8)))
                .list();
    }

    private static final String SELECT = """
            select id, requested_by, requested_at, include_fields, exclude_fields, status, phase, error, training_leads, held_out_leads,
                   won_leads, auc, brier, points_auc, finished_at, live_since,
                   exists (select 1 from likelihood_field f where f.model_id = likelihood_model.id and f.leaking and f.used)
                       as flagged_included
            from likelihood_model""";

    private static Version version(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Version(
                rs.getLong("id"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                List.of(PostgresArrays.strings(rs.getArray("include_fields"))),
                List.of(PostgresArrays.strings(rs.getArray("exclude_fields"))),
                JobStatus.valueOf(rs.getString("status")),
                rs.getString("phase"),
                rs.getString("error"),
                (Integer) rs.getObject("training_leads"),
                (Integer) rs.getObject("held_out_leads"),
                (Integer) rs.getObject("won_leads"),
                (Double) rs.getObject("auc"),
                (Double) rs.getObject("brier"),
                (Double) rs.getObject("points_auc"),
                finished == null ? null : finished.toInstant(),
                rs.getTimestamp("live_since") == null
                        ? null
                        : rs.getTimestamp("live_since").toInstant(),
                rs.getBoolean("flagged_included"));
    }
}
