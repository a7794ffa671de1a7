package io.leadline.web.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The one runner of background jobs: for every {@link BackgroundJob} kind a poll every
 * {@code leadline.import.poll-millis}, each on its own scheduler thread (an import and a training run side by side),
 * one job of a kind at a time per instance. A claimed job runs under a lease that {@link JobHeartbeat} renews; a job
 * whose instance died is claimed again by another. Whatever a job throws fails it with one message, the same way for
 * every kind.
 */
@Component
class JobRunner implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final List<BackgroundJob<?>> kinds;
    private final JobHeartbeat heartbeat;
    private final Clock clock;
    private final Duration poll;

    JobRunner(
            List<BackgroundJob<?>> kinds,
            JobHeartbeat heartbeat,
            Clock clock,
            @Value("${leadline.import.poll-millis:1000}") long pollMillis) {
        this.kinds = kinds;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.poll = Duration.ofMillis(pollMillis);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        kinds.forEach(kind -> registrar.addFixedDelayTask(() -> runNext(kind), poll));
    }

    /** Claims and runs the next job of this kind, if any; answers whether there was one. */
    <J> boolean runNext(BackgroundJob<J> kind) {
        var claimed = kind.claim(heartbeat.worker(), Instant.now(clock), heartbeat.staleBefore());
        claimed.ifPresent(job -> heartbeat.whileRunning(kind.table(), kind.id(job), () -> run(kind, job)));
        return claimed.isPresent();
    }

    private <J> void run(BackgroundJob<J> kind, J job) {
        try {
            kind.run(job);
        } catch (BackgroundJob.ExpectedFailure e) {
            kind.fail(kind.id(job), e.getMessage(), Instant.now(clock));
        } catch (RuntimeException e) {
            log.error("{} {} failed", kind.table(), kind.id(job), e);
            kind.fail(kind.id(job), kind.failurePrefix() + e.getMessage(), Instant.now(clock));
        }
    }
}
