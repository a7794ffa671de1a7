package io.leadline.persistence.importing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how long each phase took, so a slow import says where its time went. */
final class ImportPhases {

    private static final Logger log = LoggerFactory.getLogger(ImportPhases.class);

    private final long job;
    private long start = System.nanoTime();

    ImportPhases(long job) {
        this.job = job;
    }

    void done(String phase) {
        long now = System.nanoTime();
        log.info("import {}: {} took {} ms", job, phase, (now - start) / 1_000_000);
        start = now;
    }
}
