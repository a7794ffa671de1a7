package io.leadline.persistence.jobs;

/**
 * Where a background job stands, the same for imports, rescorings and trainings (stored by name in each job table's
 * {@code status}). Only an import has a draft (its mapping still being chosen) and can be undone.
 */
public enum JobStatus {
    DRAFT,
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    UNDONE;

    /** Waiting for a worker or being worked on. */
    public boolean running() {
        return this == QUEUED || this == RUNNING;
    }

    /** It will not change by itself any more. */
    public boolean finished() {
        return this == DONE || this == FAILED || this == UNDONE;
    }
}
