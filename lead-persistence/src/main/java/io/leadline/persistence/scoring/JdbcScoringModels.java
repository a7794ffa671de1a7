package io.leadline.persistence.scoring;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.scoring.Decay;
import io.leadline.core.scoring.DisqualifyingRule;
import io.leadline.core.scoring.EngagementRule;
import io.leadline.core.scoring.FitGrade;
import io.leadline.core.scoring.FitRule;
import io.leadline.core.scoring.GradeBands;
import io.leadline.core.scoring.LeadCondition;
import io.leadline.core.scoring.MqlThreshold;
import io.leadline.core.scoring.ScoreCaps;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.core.scoring.StarterModel;
import io.leadline.persistence.PostgresArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scoring model versions in {@code scoring_model} and {@code scoring_rule}. The first call on an empty
 * database stores the starter model as version 1, active. The active model is cached until another version is
 * activated.
 */
@Repository
public class JdbcScoringModels implements ScoringModels {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private volatile ScoringModel cached;

    JdbcScoringModels(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One stored version: the model and who saved it, when, why, and whether it is live. */
    public record Version(ScoringModel model, boolean active, String createdBy, Instant createdAt, String note) {}

    @Override
    public ScoringModel active() {
        Optional<Integer> live = jdbc.sql("select version from scoring_model where active")
                .query(Integer.class)
                .optional();
        if (live.isEmpty()) {
            seedStarter();
            live = jdbc.sql("select version from scoring_model where active")
                    .query(Integer.class)
                    .optional();
        }
        ScoringModel model = cached;
        if (model == null || model.version() != live.orElseThrow()) {
            model = find(live.orElseThrow()).orElseThrow().model();
            cached = model;
        }
        return model;
    }

    public int nextVersion() {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from scoring_model")
                .query(Integer.class)
                .single();
    }

    public List<Version> versions() {
        active();
        return jdbc.sql("select version from scoring_model order by version desc").query(Integer.class).list().stream()
                .map(v -> find(v).orElseThrow())
                .toList();
    }

    /** Stores a new version, not yet active. */
    @Transactional
    public void save(ScoringModel model, String by, String note, Instant at) {
        jdbc.sql("""
                        insert into scoring_model (version, active, created_by, created_at, note, fit_cap, engagement_cap, total_cap,
                                                   half_life_days, decay_steps, grade_a, grade_b, grade_c, mql_threshold, mql_minimum_grade)
                        values (?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        model.version(),
                        by,
                        Timestamp.from(at),
                        note == null ? "" : note,
                        model.caps().fit(),
                        model.caps().engagement(),
                        model.caps().total(),
                        model.decay() instanceof Decay.HalfLife(int days) ? days : null,
                        model.decay() instanceof Decay.Stepped stepped ? stepped.text() : null,
                        model.gradeBands().minimumForA(),
                        model.gradeBands().minimumForB(),
                        model.gradeBands().minimumForC(),
                        model.mqlThreshold().points(),
                        model.mqlThreshold().minimumGrade().name())
                .update();
        List<Object[]> rules = new ArrayList<>();
        int position = 0;
        for (FitRule r : model.fitRules()) {
            rules.add(row(
                    model.version(), position++, "FIT", r.name(), r.when(), r.points(), null, null, null, null, null));
        }
        for (EngagementRule r : model.engagementRules()) {
            rules.add(row(
                    model.version(),
                    position++,
                    "ENGAGEMENT",
                    r.name(),
                    null,
                    r.pointsEach(),
                    r.type().key(),
                    r.cap(),
                    r.withinDays(),
                    null,
                    r.pages()));
        }
        for (DisqualifyingRule r : model.disqualifyingRules()) {
            rules.add(row(
                    model.version(),
                    position++,
                    "DISQUALIFY",
                    r.name(),
                    r.when(),
                    null,
                    null,
                    null,
                    null,
                    r.reason().code(),
                    null));
        }
        batch.batchUpdate("""
                insert into scoring_rule (version, position, kind, name, condition_type, field, term_list, range_min, range_max,
                                          points, activity_type, cap, within_days, reason_code, page_pattern)
                values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?)""", rules);
    }

    /** Makes the version live (rolling back is activating an older one). */
    @Transactional
    public void activate(int version) {
        if (jdbc.sql("select count(*) from scoring_model where version = ?")
                        .param(version)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new IllegalArgumentException("There is no model version " + version + ".");
        }
        jdbc.sql("update scoring_model set active = false where active").update();
        jdbc.sql("update scoring_model set active = true where version = ?")
                .param(version)
                .update();
        cached = null;
    }

    public Optional<Version> find(int version) {
        return jdbc.sql("select * from scoring_model where version = ?")
                .param(version)
                .query((rs, n) -> {
                    List<FitRule> fit = new ArrayList<>();
                    List<EngagementRule> engagement = new ArrayList<>();
                    List<DisqualifyingRule> disqualifying = new ArrayList<>();
                    jdbc.sql("select * from scoring_rule where version = ? order by position")
                            .param(version)
                            .query(r -> {
                                switch (r.getString("kind")) {
                                    case "FIT" ->
                                        fit.add(new FitRule(r.getString("name"), condition(r), r.getInt("points")));
                                    case "ENGAGEMENT" ->
                                        engagement.add(new EngagementRule(
                                                r.getString("name"),
                                                new ActivityType(r.getString("activity_type")),
                                                r.getInt("points"),
                                                (Integer) r.getObject("cap"),
                                                (Integer) r.getObject("within_days"),
                                                r.getString("page_pattern")));
                                    default ->
                                        disqualifying.add(new DisqualifyingRule(
                                                r.getString("name"), condition(r), reason(r.getString("reason_code"))));
                                }
                            });
                    Integer halfLife = (Integer) rs.getObject("half_life_days");
                    String steps = rs.getString("decay_steps");
                    ScoringModel model = new ScoringModel(
                            version,
                            fit,
                            engagement,
                            disqualifying,
                            new ScoreCaps(
                                    (Integer) rs.getObject("fit_cap"),
                                    (Integer) rs.getObject("engagement_cap"),
                                    (Integer) rs.getObject("total_cap")),
                            steps != null
                                    ? Decay.Stepped.parse(steps)
                                    : halfLife == null ? new Decay.None() : new Decay.HalfLife(halfLife),
                            new GradeBands(rs.getInt("grade_a"), rs.getInt("grade_b"), rs.getInt("grade_c")),
                            new MqlThreshold(
                                    rs.getInt("mql_threshold"),
                                    FitGrade.valueOf(
                                            rs.getString("mql_minimum_grade").strip())));
                    return new Version(
                            model,
                            rs.getBoolean("active"),
                            rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getString("note"));
                })
                .optional();
    }

    private void seedStarter() {
        try {
            save(StarterModel.version1(), "system", "the starter model", Instant.now());
            jdbc.sql("update scoring_model set active = true where version = 1 and not exists "
                            + "(select 1 from scoring_model where active)")
                    .update();
        } catch (DuplicateKeyException alreadySeeded) {
            // another request seeded it first
        }
    }

    private static Object[] row(
            int version,
            int position,
            String kind,
            String name,
            LeadCondition when,
            Integer points,
            String activityType,
            Integer cap,
            Integer withinDays,
            String reasonCode,
            String pages) {
        String type = null;
        String field = null;
        String terms = "{}";
        Long min = null;
        Long max = null;
        if (when != null) {
            field = when.field();
            switch (when) {
                case LeadCondition.OneOf c -> {
                    type = "ONE_OF";
                    terms = PostgresArrays.literal(c.values().stream().sorted().toList());
                }
                case LeadCondition.Contains c -> {
                    type = "CONTAINS";
                    terms = PostgresArrays.literal(c.fragments());
                }
                case LeadCondition.NumericRange c -> {
                    type = "RANGE";
                    min = c.min();
                    max = c.max();
                }
                case LeadCondition.EmailDomain c -> {
                    type = "EMAIL_DOMAIN";
                    terms = PostgresArrays.literal(c.domains().stream().sorted().toList());
                }
                case LeadCondition.Missing c -> type = "MISSING";
                case LeadCondition.Matches c -> {
                    type = "MATCHES";
                    terms = PostgresArrays.literal(List.of(c.regex()));
                }
            }
        }
        return new Object[] {
            version,
            position,
            kind,
            name,
            type,
            field,
            terms,
            min,
            max,
            points,
            activityType,
            cap,
            withinDays,
            reasonCode,
            pages
        };
    }

    private static LeadCondition condition(ResultSet r) throws SQLException {
        String field = r.getString("field");
        List<String> terms = Arrays.asList(PostgresArrays.strings(r.getArray("term_list")));
        return switch (r.getString("condition_type")) {
            case "ONE_OF" -> new LeadCondition.OneOf(field, Set.copyOf(terms));
            case "CONTAINS" -> new LeadCondition.Contains(field, terms);
            case "RANGE" ->
                new LeadCondition.NumericRange(field, (Long) r.getObject("range_min"), (Long) r.getObject("range_max"));
            case "EMAIL_DOMAIN" -> new LeadCondition.EmailDomain(Set.copyOf(terms));
            case "MISSING" -> new LeadCondition.Missing(field);
            default -> new LeadCondition.Matches(field, terms.getFirst());
        };
    }

    private static DisqualificationReason reason(String code) {
        return DisqualificationReason.STANDARD.stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElse(new DisqualificationReason(code, code.replace('_', ' '), false));
    }
}
