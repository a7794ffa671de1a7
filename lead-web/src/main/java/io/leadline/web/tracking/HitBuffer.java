package io.leadline.web.tracking;

import io.leadline.core.activity.Activity;
import io.leadline.core.tracking.HitKind;
import io.leadline.core.tracking.WebsiteHits;
import io.leadline.core.tracking.WebsiteHits.Hit;
import io.leadline.web.api.ActivityIngestion;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepted hits wait here a moment and go to the database in batches ({@code leadline.tracking.flush-millis}, 100 ms
 * by default), so the collect endpoint answers without touching the database. A batch's hits of visitors already
 * attached to a lead are recorded on the lead as activities in the same transaction, and the lead rescored. What
 * waits here when an instance dies uncleanly (at most one interval of hits) is lost; a clean stop writes it first.
 * When the database cannot keep up and {@link #CAPACITY} hits wait, new ones are refused (the endpoint answers 503).
 */
@Component
class HitBuffer implements SmartLifecycle {

    static final int CAPACITY = 100_000;
    private static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(HitBuffer.class);

    private final BlockingQueue<Hit> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final WebsiteHits hits;
    private final ActivityIngestion activities;
    private final TransactionTemplate transactions;
    private final long flushMillis;
    private final Object flushing = new Object();
    private final Clock clock;
    private ScheduledExecutorService writer;

    HitBuffer(
            WebsiteHits hits,
            ActivityIngestion activities,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${leadline.tracking.flush-millis:100}") long flushMillis) {
        this.clock = clock;
        this.hits = hits;
        this.activities = activities;
        this.transactions = new TransactionTemplate(transactions);
        this.flushMillis = flushMillis;
    }

    boolean offer(Hit hit) {
        return waiting.offer(hit);
    }

    /** Writes everything waiting now (before a stitch reads a visitor's history, and on stop). */
    void flush() {
        synchronized (flushing) {
            List<Hit> batch = new ArrayList<>(Math.min(BATCH, waiting.size()));
            while (waiting.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void write(List<Hit> batch) {
        transactions.executeWithoutResult(status -> {
            Map<UUID, Long> leads = hits.store(batch);
            Map<Long, List<Activity>> byLead = new LinkedHashMap<>();
            for (Hit hit : batch) {
                Long lead = leads.get(hit.visitor());
                if (lead != null) {
                    HitKind.activity(hit)
                            .ifPresent(a -> byLead.computeIfAbsent(lead, k -> new ArrayList<>())
                                    .add(a));
                }
            }
            activities.recordFor(byLead);
        });
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Could not store tracking hits (they are dropped): {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        hits.prepareMonths(Instant.now(clock));
        writer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tracking-hits").daemon().factory());
        writer.scheduleWithFixedDelay(this::flushQuietly, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
            flushQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Starts before and stops after the web server, so every hit it accepted is written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
