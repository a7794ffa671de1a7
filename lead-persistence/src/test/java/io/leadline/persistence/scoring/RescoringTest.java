package io.leadline.persistence.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.scoring.Decay;
import io.leadline.core.scoring.EngagementRule;
import io.leadline.core.scoring.FitRule;
import io.leadline.core.scoring.LeadCondition;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.StarterModel;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class RescoringTest {

    @Autowired
    Rescoring rescoring;

    @Autowired
    Leads leads;

    @Autowired
    LeadScores scores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ScoringSamples samples;

    @Test
    void a_lead_with_more_custom_fields_than_postgres_has_columns_for_reads_whole() {
        StringBuilder json = new StringBuilder("{");
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("\"answer_")
                    .append(i)
                    .append("\": \"v")
                    .append(i)
                    .append('"');
            keys.add("answer_" + i);
        }
        long id = jdbc.sql(
                        "insert into lead (id, version, full_name, email, stage, created_at, updated_at, attributes) "
                                + "values (nextval('lead_seq'), 0, 'Wide', ?, 'NEW', now(), now(), ?::jsonb) returning id")
                .params(
                        "wide-" + UUID.randomUUID() + "@acme.com",
                        json.append('}').toString())
                .query(Long.class)
                .single();

        var profile = samples.of(List.of(id), keys).get(id).profile();

        assertThat(profile.attributes()).hasSize(2000).containsEntry("answer_1999", "v1999");
    }

    @Test
    void a_rule_on_pages_counts_the_matching_pages_in_a_rescoring_by_id_and_in_a_full_pass() {
        Lead lead = store("Reader", 10, "organic");
        jdbc.sql(
                        "insert into activity (lead_id, type, occurred_at, detail) values (?, 'web_visit', ?, ?), (?, 'web_visit', ?, ?), (?, 'web_visit', ?, null)")
                .params(
                        lead.id(),
                        Timestamp.from(now.minusSeconds(3600)),
                        "https://www.acme.com/docs/setup",
                        lead.id(),
                        Timestamp.from(now.minusSeconds(7200)),
                        "https://www.acme.com/blog/post",
                        lead.id(),
                        Timestamp.from(now.minusSeconds(9000)))
                .update();
        var base = StarterModel.version1();
        List<EngagementRule> engagement = List.of(
                EngagementRule.of("Docs readers", ActivityType.WEB_VISIT, 7).onPages("/docs/*"));
        ScoringModel docs = new ScoringModel(
                base.version(),
                List.of(),
                engagement,
                List.of(),
                base.caps(),
                new Decay.None(),
                base.gradeBands(),
                base.mqlThreshold());

        rescoring.rescore(docs, new long[] {lead.id()}, now);

        assertThat(jdbc.sql("select engagement_points from lead_score where lead_id = ?")
                        .param(lead.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(7);
    }

    private final Instant then = Instant.parse("2026-11-01T00:00:00Z");
    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    private Lead store(String title, int size, String source) {
        var profile = new LeadProfile(
                "Re " + title,
                new EmailAddress("re-" + UUID.randomUUID() + "@acme.com"),
                "Acme",
                title,
                size,
                "BR",
                source,
                Map.of("segment", "retail"));
        var score = StarterModel.version1().score(profile);
        Lead lead = leads.save(Lead.capture(profile, then));
        var moved = lead.qualifyBy(score, then);
        if (moved.isPresent()) {
            lead = leads.save(moved.get().lead());
            leads.recordStageChange(lead.id(), moved.get().change());
        }
        scores.save(lead.id(), score, lead.stage(), then);
        return lead;
    }

    /** Version 2 of the starter model: managers weigh 40 instead of 10. */
    private static ScoringModel managersWeigh40() {
        List<FitRule> rules = new ArrayList<>(StarterModel.version1().fitRules());
        rules.replaceAll(r -> r.name().equals("Manager title")
                ? new FitRule("Manager title", new LeadCondition.Contains("job_title", List.of("manager", "lead")), 40)
                : r);
        ScoringModel v1 = StarterModel.version1();
        return new ScoringModel(
                2,
                rules,
                v1.engagementRules(),
                v1.disqualifyingRules(),
                v1.caps(),
                v1.decay(),
                v1.gradeBands(),
                v1.mqlThreshold());
    }

    @Test
    void a_recycled_lead_stays_in_nurture_under_rescoring_until_its_revisit_date_then_comes_back_as_an_mql() {
        Lead ceo = store("CEO", 3000, "paid_search");
        assertThat(ceo.stage().name()).isEqualTo("MQL");
        jdbc.sql(
                        "insert into app_user (username, password_hash, role) values ('re-rep', '{noop}x', 'SALES') on conflict do nothing")
                .update();
        Lead recycled = leads.apply(leads.byId(ceo.id())
                .orElseThrow()
                .claim("re-rep", then)
                .lead()
                .recycle("re-rep", LocalDate.of(2026, 12, 20), "budget in January", then));
        var tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(s -> rescoring.rescore(StarterModel.version1(), new long[] {recycled.id()}, now));
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(recycled.id())
                        .query(String.class)
                        .single())
                .as("rescored on " + now + ", revisit on 2026-12-20")
                .isEqualTo("RECYCLED");

        tx.executeWithoutResult(s -> rescoring.rescore(
                StarterModel.version1(), new long[] {recycled.id()}, Instant.parse("2026-12-20T02:30:00Z")));
        var row = jdbc.sql("select stage, revisit_on from lead where id = ?")
                .param(recycled.id())
                .query()
                .singleRow();
        assertThat(row.get("stage"))
                .as("the nightly rescoring on the revisit date")
                .isEqualTo("MQL");
        assertThat(row.get("revisit_on")).isNull();
    }

    @Test
    void a_weight_change_rewrites_only_the_scores_it_changes_and_moves_leads_across_the_threshold() {
        Lead manager = store("Sales Manager", 20, "email"); // 10 + 5 = 15: NEW
        Lead analyst = store("Analyst", 20, "email"); // 5: NEW, no title rule
        ScoringModel v2 = managersWeigh40();
        // Only the scores that differ are rewritten: the analyst's is the same under version 2, so its row, version 1
        // included, stays as it was (the stored version is the one that last changed the score).
        Timestamp analystScored = jdbc.sql("select scored_at from lead_score where lead_id = ?")
                .param(analyst.id())
                .query(Timestamp.class)
                .single();
        var result = rescoring.rescoreAll(v2, now, done -> {});

        assertThat(result.leads()).isEqualTo(rescoring.countLeads());
        assertThat(jdbc.sql("select score from lead_score where lead_id = ?")
                        .param(manager.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(45);
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(manager.id())
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");
        assertThat(jdbc.sql("select stage from lead_score where lead_id = ?")
                        .param(manager.id())
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");
        assertThat(jdbc.sql("select reason from stage_change where lead_id = ? and to_stage = 'MQL'")
                        .param(manager.id())
                        .query(String.class)
                        .single())
                .isEqualTo("score 45 reached the MQL threshold of 40");
        assertThat(jdbc.sql("select score from lead_score where lead_id = ?")
                        .param(analyst.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select model_version from lead_score where lead_id = ?")
                        .param(manager.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        var analystRow = jdbc.sql("select model_version, scored_at from lead_score where lead_id = ?")
                .param(analyst.id())
                .query()
                .singleRow();
        assertThat(analystRow.get("model_version")).isEqualTo(1);
        assertThat(analystRow.get("scored_at")).isEqualTo(analystScored);
        assertThat(result.mqlsIn()).as("the manager crossed the threshold").isGreaterThanOrEqualTo(1);

        // Rescoring again with the same model changes nothing and writes nothing.
        Timestamp before = jdbc.sql("select scored_at from lead_score where lead_id = ?")
                .param(analyst.id())
                .query(Timestamp.class)
                .single();
        var again = rescoring.rescoreAll(v2, now.plusSeconds(60), done -> {});
        assertThat(again.changed()).isZero();
        assertThat(again.moved()).isZero();
        assertThat(jdbc.sql("select scored_at from lead_score where lead_id = ?")
                        .param(analyst.id())
                        .query(Timestamp.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void activities_count_when_rescoring() {
        Lead lead = store("Analyst", 20, "email");
        jdbc.sql(
                        "insert into activity (lead_id, type, occurred_at) values (?, 'demo_request', ?), (?, 'pricing_page_visit', ?)")
                .params(
                        lead.id(),
                        Timestamp.from(now.minusSeconds(3600)),
                        lead.id(),
                        Timestamp.from(now.minusSeconds(7200)))
                .update();

        rescoring.rescoreAll(StarterModel.version1(), now, done -> {});

        var row = jdbc.sql("select score, engagement_points from lead_score where lead_id = ?")
                .param(lead.id())
                .query()
                .singleRow();
        assertThat(row.get("engagement_points")).isEqualTo(40);
        assertThat(row.get("score")).isEqualTo(45);
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(lead.id())
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");
    }

    @Test
    void a_large_chunk_scored_on_every_core_gets_the_scores_one_core_would_give() {
        // More leads than Rescoring.PARALLEL_FROM, seeded in SQL with titles and sizes that the starter model weighs.
        jdbc.sql("""
                insert into lead (id, version, full_name, email, company, job_title, company_size, country, source, stage,
                                  created_at, updated_at)
                select nextval('lead_seq'), 0, 'Parallel ' || g, 'parallel-' || g || '-' || md5(random()::text) || '@acme.com',
                       'Acme', (array['CEO', 'Sales Manager', 'Analyst', 'Student', 'VP Marketing'])[1 + g % 5], 5 + g % 3000,
                       'BR', 'email', 'NEW', now(), now()
                from generate_series(1, ?) g""").param(Rescoring.PARALLEL_FROM + 500).update();

        rescoring.rescoreAll(StarterModel.version1(), now, done -> {});

        var rows = jdbc.sql("""
                select l.job_title, l.company_size, s.score from lead l join lead_score s on s.lead_id = l.id
                where l.full_name like 'Parallel %'""").query().listOfRows();
        assertThat(rows).hasSize(Rescoring.PARALLEL_FROM + 500);
        for (var row : rows) {
            var profile = new LeadProfile(
                    "x",
                    new EmailAddress("x@acme.com"),
                    "Acme",
                    (String) row.get("job_title"),
                    (Integer) row.get("company_size"),
                    "BR",
                    "email",
                    Map.of());
            assertThat(row.get("score"))
                    .isEqualTo(StarterModel.version1().score(profile).total());
        }
    }

    @Test
    void what_another_writer_changed_after_the_leads_were_read_is_left_as_that_writer_left_it() {
        Lead disqualifiedMeanwhile =
                store("Sales Manager", 20, "email"); // NEW at 15; the weight change makes it an MQL
        Lead activeMeanwhile = store("Sales Manager", 20, "email"); // its score is rewritten by an activity meanwhile
        Lead untouched = store("Sales Manager", 20, "email");
        ScoringModel v2 = managersWeigh40();

        var scored = rescoring.readAndScore(
                v2, new long[] {disqualifiedMeanwhile.id(), activeMeanwhile.id(), untouched.id()}, now);
        // Meanwhile, in transactions of their own: a rep disqualifies one lead, an activity rescores another.
        leads.save(leads.byId(disqualifiedMeanwhile.id())
                .orElseThrow()
                .disqualify("re-rep", DisqualificationReason.NO_BUDGET, "", now)
                .lead());
        jdbc.sql("update lead_score set score = 77, scored_at = ? where lead_id = ?")
                .params(Timestamp.from(now), activeMeanwhile.id())
                .update();
        var written = new TransactionTemplate(transactions).execute(status -> rescoring.write(scored, now));

        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(disqualifiedMeanwhile.id())
                        .query(String.class)
                        .single())
                .isEqualTo("DISQUALIFIED");
        assertThat(jdbc.sql("select count(*) from stage_change where lead_id = ? and to_stage = 'MQL'")
                        .param(disqualifiedMeanwhile.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select score from lead_score where lead_id = ?")
                        .param(activeMeanwhile.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(77);
        assertThat(jdbc.sql("select score from lead_score where lead_id = ?")
                        .param(untouched.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(45);
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(untouched.id())
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");
        assertThat(written.moved())
                .as("the untouched lead and the one rescored meanwhile moved; the disqualified did not")
                .isEqualTo(2);
    }
}
