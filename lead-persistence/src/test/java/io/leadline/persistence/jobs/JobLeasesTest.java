package io.leadline.persistence.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.persistence.scoring.Rescoring;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rescoring jobs through their leases: claimed once, renewed by their worker only, taken over when stale, given up after three tries. */
@SpringBootTest
class JobLeasesTest {

    @Autowired
    RescoreJobs jobs;

    @Autowired
    JobLeases leases;

    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("delete from rescore_job").update();
    }

    @Test
    void a_queued_job_is_claimed_by_exactly_one_of_many_workers() throws Exception {
        long id = jobs.queue("ada", "test", now);
        var pool = Executors.newFixedThreadPool(6);
        var start = new CountDownLatch(1);
        try {
            List<Future<Optional<RescoreJobs.RescoreJob>>> claims = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String worker = "worker-" + i;
                claims.add(pool.submit((Callable<Optional<RescoreJobs.RescoreJob>>) () -> {
                    start.await();
                    return jobs.claimNext(worker, now, now.minusSeconds(30));
                }));
            }
            start.countDown();
            long claimed = 0;
            for (var claim : claims) {
                claimed += claim.get()
                        .map(job -> {
                            assertThat(job.id()).isEqualTo(id);
                            return 1;
                        })
                        .orElse(0);
            }
            assertThat(claimed).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(leases.attempts(JobLeases.JobTable.RESCORE, id)).isEqualTo(1);
    }

    @Test
    void a_live_lease_is_kept_and_a_stale_one_is_taken_over_by_another_worker() {
        long id = jobs.queue("ada", "test", now);
        assertThat(jobs.claimNext("node-a", now, now.minusSeconds(30))).isPresent();

        Instant later = now.plusSeconds(20);
        assertThat(leases.renew(JobLeases.JobTable.RESCORE, id, "node-a", later))
                .isTrue();
        assertThat(jobs.claimNext("node-b", later, later.minusSeconds(30)))
                .as("node-a is alive")
                .isEmpty();

        Instant afterDeath = later.plusSeconds(31);
        var taken = jobs.claimNext("node-b", afterDeath, afterDeath.minusSeconds(30));
        assertThat(taken).map(RescoreJobs.RescoreJob::id).contains(id);
        assertThat(leases.renew(JobLeases.JobTable.RESCORE, id, "node-a", afterDeath))
                .as("node-a lost the job: its heartbeat no longer renews it")
                .isFalse();
        assertThat(leases.attempts(JobLeases.JobTable.RESCORE, id)).isEqualTo(2);
    }

    @Test
    void a_job_that_killed_its_instance_three_times_is_failed_not_retried_forever() {
        long id = jobs.queue("ada", "test", now);
        Instant t = now;
        for (int attempt = 1; attempt <= JobLeases.MAX_ATTEMPTS; attempt++) {
            assertThat(jobs.claimNext("node-" + attempt, t, t.minusSeconds(30))).isPresent();
            t = t.plusSeconds(60);
        }
        Instant end = t;
        assertThat(jobs.claimNext("node-4", end, end.minusSeconds(30))).isEmpty();
        var job = jobs.find(id).orElseThrow();
        assertThat(job.failed()).isTrue();
        assertThat(job.error()).contains("3 times");
    }

    @Test
    void a_job_that_just_finished_is_no_takeover_for_its_heartbeat() {
        long id = jobs.queue("ada", "test", now);
        assertThat(jobs.claimNext("node-a", now, now.minusSeconds(30))).isPresent();
        jobs.finish(id, new Rescoring.Result(10, 10, 0), now.plusSeconds(1));

        assertThat(leases.renew(JobLeases.JobTable.RESCORE, id, "node-a", now.plusSeconds(5)))
                .as("the runner is still winding up: nothing was taken from it")
                .isTrue();
    }
}
