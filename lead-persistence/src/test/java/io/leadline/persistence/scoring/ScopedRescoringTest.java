package io.leadline.persistence.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.scoring.FitRule;
import io.leadline.core.scoring.LeadCondition;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.StarterModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A model-change pass reads the leads its change can move, and everyone when that is most of them. */
@SpringBootTest
class ScopedRescoringTest {

    @Autowired
    ScopedRescoring rescoring;

    @Autowired
    RescoreJobs jobs;

    @Autowired
    JdbcScoringModels models;

    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @BeforeEach
    void lastPassScoredWithTheStarterModel() {
        models.active(); // stores the starter model as version 1 on an empty database
        jdbc.sql("delete from rescore_job").update();
        jdbc.sql("insert into rescore_job (requested_by, requested_at, status, model_version, started_at, finished_at) "
                        + "values ('x', now(), 'DONE', 1, now(), now())")
                .update();
    }

    private static ScoringModel starterWith(FitRule rule) {
        ScoringModel v1 = StarterModel.version1();
        List<FitRule> fit = new ArrayList<>(v1.fitRules());
        fit.add(rule);
        return new ScoringModel(
                99,
                fit,
                v1.engagementRules(),
                v1.disqualifyingRules(),
                v1.caps(),
                v1.decay(),
                v1.gradeBands(),
                v1.mqlThreshold());
    }

    private long lead(String title) {
        long id = jdbc.sql("""
                        insert into lead (id, version, full_name, email, job_title, stage, created_at, updated_at)
                        values (nextval('lead_seq'), 0, 'Scoped', ?, ?, 'NEW', now(), now()) returning id""")
                .params("scoped-" + UUID.randomUUID() + "@acme.com", title)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at) "
                                + "values (?, 1, 5, 5, 0, 'D', 0, 'NEW', now())")
                .param(id)
                .update();
        return id;
    }

    @Test
    void a_new_rule_on_a_rare_title_reads_only_the_leads_with_it() {
        String title = "Chief Unicorn " + UUID.randomUUID().toString().substring(0, 6);
        long rare = lead(title);
        long job = jobs.queueModelChange("ada", "test", now);

        var outcome = rescoring.run(
                jobs.find(job).orElseThrow(),
                starterWith(new FitRule(
                        "Unicorns",
                        new LeadCondition.Contains("job_title", List.of(title.substring("Chief Unicorn ".length()))),
                        7)),
                now);

        assertThat(outcome.readEveryone()).isFalse();
        assertThat(outcome.leadIds()).containsExactly(rare);
        assertThat(outcome.result().changed()).isEqualTo(1);
        assertThat(jobs.find(job).orElseThrow().scope()).isEqualTo("leads meeting 1 changed fit condition");
        assertThat(jdbc.sql("select model_version from lead_score where lead_id = ?")
                        .param(rare)
                        .query(Integer.class)
                        .single())
                .isEqualTo(99);
    }

    @Test
    void a_change_that_lifts_a_lead_over_the_threshold_counts_it_as_an_mql_in() {
        String title = "Chief Crossing " + UUID.randomUUID().toString().substring(0, 6);
        long rare = lead(title); // stored: 5 points
        long job = jobs.queueModelChange("ada", "test", now);

        var outcome = rescoring.run(
                jobs.find(job).orElseThrow(),
                starterWith(new FitRule(
                        "Crossers",
                        new LeadCondition.Contains("job_title", List.of(title.substring("Chief Crossing ".length()))),
                        60)),
                now);

        assertThat(outcome.leadIds()).containsExactly(rare);
        assertThat(outcome.result().mqlsIn()).isEqualTo(1);
        assertThat(outcome.result().moved()).isEqualTo(1);
    }

    @Test
    void a_change_most_leads_meet_reads_everyone_in_one_pass() {
        lead("Analyst");
        long job = jobs.queueModelChange("ada", "test", now);

        var outcome = rescoring.run(
                jobs.find(job).orElseThrow(),
                starterWith(new FitRule("Everyone", new LeadCondition.Missing("never_an_attribute"), 1)),
                now);

        assertThat(outcome.readEveryone()).isTrue();
        assertThat(jobs.find(job).orElseThrow().scope())
                .isEqualTo("leads meeting 1 changed fit condition: most leads, so every lead");
        assertThat(outcome.result().leads())
                .isEqualTo(
                        jdbc.sql("select count(*) from lead").query(Long.class).single());
    }

    @Test
    void a_job_queued_for_another_reason_reads_everyone() {
        lead("Analyst");
        long job = jobs.queue("ada", "source merged", now);
        var outcome = rescoring.run(jobs.find(job).orElseThrow(), StarterModel.version1(), now);
        assertThat(outcome.readEveryone()).isTrue();
        assertThat(jobs.find(job).orElseThrow().scope()).isEqualTo("every lead");
    }
}
