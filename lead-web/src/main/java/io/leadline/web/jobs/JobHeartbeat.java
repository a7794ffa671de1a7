package io.leadline.web.jobs;

import io.leadline.persistence.jobs.JobLeases;
import io.leadline.persistence.jobs.JobLeases.JobTable;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the leases of the jobs this instance runs: renews their heartbeat every {@code leadline.jobs.heartbeat-millis}
 * (on the scheduler's own thread, beside the job's), so that another instance takes a job over only when this one
 * stopped, {@code leadline.jobs.lease-seconds} after its last heartbeat.
 */
@Component
public class JobHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(JobHeartbeat.class);

    private final JobLeases leases;
    private final Clock clock;
    private final Duration lease;
    /** This instance, as the job tables' worker column names it: process id and host. */
    private final String worker = ManagementFactory.getRuntimeMXBean().getName();

    private final Map<JobTable, Long> running = new ConcurrentHashMap<>();

    JobHeartbeat(JobLeases leases, Clock clock, @Value("${leadline.jobs.lease-seconds:30}") long leaseSeconds) {
        this.leases = leases;
        this.clock = clock;
        this.lease = Duration.ofSeconds(leaseSeconds);
    }

    public String worker() {
        return worker;
    }

    /** Running jobs whose heartbeat is older than this have lost their instance. */
    public Instant staleBefore() {
        return Instant.now(clock).minus(lease);
    }

    /** Runs a claimed job, renewing its lease meanwhile. Each runner runs one job of its table at a time. */
    public void whileRunning(JobTable table, long id, Runnable job) {
        running.put(table, id);
        try {
            job.run();
        } finally {
            running.remove(table);
        }
    }

    @Scheduled(fixedDelayString = "${leadline.jobs.heartbeat-millis:5000}")
    void renew() {
        running.forEach((table, id) -> {
            if (!leases.renew(table, id, worker, Instant.now(clock))) {
                log.warn(
                        "{} {} is no longer leased to this instance (another took it over after a missed heartbeat)",
                        table,
                        id);
            }
        });
    }
}
