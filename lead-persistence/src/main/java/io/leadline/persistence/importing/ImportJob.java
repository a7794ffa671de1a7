package io.leadline.persistence.importing;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DuplicatePolicy;
import java.time.Instant;

/** An import as stored: what was asked for, and how far it got. */
public record ImportJob(
        long id,
        Kind kind,
        String fileName,
        String storedFile,
        String requestedBy,
        Instant requestedAt,
        boolean dryRun,
        DuplicatePolicy duplicatePolicy,
        ColumnMapping mapping,
        Status status,
        String phase,
        long rowsRead,
        long imported,
        long updated,
        long merged,
        long rejected,
        long fileBytes,
        long bytesRead,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public enum Kind { LEADS, OUTCOMES }

    public enum Status { DRAFT, QUEUED, RUNNING, DONE, FAILED, UNDONE }

    /** 0–100, from the bytes read so far. */
    public int percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return fileBytes == 0 ? 0 : (int) Math.min(100, bytesRead * 100 / fileBytes);
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED || status == Status.UNDONE;
    }
}
