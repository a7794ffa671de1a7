package io.leadline.persistence.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Model changes queue into one pass, and a pass knows which model the stored scores came from. */
@SpringBootTest
class RescoreJobsTest {

    @Autowired
    RescoreJobs jobs;

    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("delete from rescore_job").update();
    }

    @Test
    void consecutive_activations_are_one_pass_and_any_other_reason_makes_it_read_everyone() {
        long first = jobs.queueModelChange("ada", "model version 2 activated", now);
        assertThat(jobs.queueModelChange("ada", "model version 3 activated", now))
                .isEqualTo(first);
        assertThat(jobs.find(first).orElseThrow().modelChange()).isTrue();

        assertThat(jobs.queue("ada", "source a merged into b", now)).isEqualTo(first);
        assertThat(jobs.find(first).orElseThrow().modelChange())
                .as("a merge moves leads no model diff bounds")
                .isFalse();
        assertThat(jobs.queueModelChange("ada", "model version 4 activated", now))
                .isEqualTo(first);
        assertThat(jobs.find(first).orElseThrow().modelChange()).isFalse();
    }

    @Test
    void the_base_is_the_model_of_the_last_pass_only_when_it_finished_and_nothing_ran_or_failed_since() {
        long done = finished("DONE", 7, 60);
        long next = jobs.queueModelChange("ada", "model version 8 activated", now);
        assertThat(jobs.baseVersion(next)).contains(7);

        long failed = finished("FAILED", 8, 30);
        assertThat(jobs.baseVersion(next))
                .as("a failed pass leaves scores of two models")
                .isEmpty();
        jdbc.sql("delete from rescore_job where id = ?").param(failed).update();

        jdbc.sql(
                        "insert into rescore_job (requested_by, requested_at, status, started_at) values ('x', now(), 'RUNNING', now())")
                .update();
        assertThat(jobs.baseVersion(next)).as("a pass still running").isEmpty();
        assertThat(done).isPositive();
    }

    @Test
    void with_no_pass_ever_the_base_is_the_one_version_every_stored_score_has_if_they_share_one() {
        long next = jobs.queueModelChange("ada", "model version 2 activated", now);
        var versions = jdbc.sql("select distinct model_version from lead_score")
                .query(Integer.class)
                .list();
        if (versions.size() == 1) {
            assertThat(jobs.baseVersion(next)).contains(versions.getFirst());
        } else {
            assertThat(jobs.baseVersion(next)).isEmpty();
        }
    }

    /** A job that ended {@code minutesAgo} with this status, having scored with {@code version}. */
    private long finished(String status, int version, int minutesAgo) {
        return jdbc.sql("""
                        insert into rescore_job (requested_by, requested_at, status, model_version, started_at, finished_at)
                        values ('x', now(), ?, ?, now(), now() - make_interval(mins => ?)) returning id""")
                .params(status, version, minutesAgo)
                .query(Long.class)
                .single();
    }
}
