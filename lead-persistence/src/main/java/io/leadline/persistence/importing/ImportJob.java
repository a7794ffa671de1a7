package io.leadline.persistence.importing;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DuplicatePolicy;
import io.leadline.persistence.jobs.JobStatus;
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
        JobStatus status,
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
        String error,
        CsvFile.Reading reading,
        Instant fileDeletedAt,
        Long fileLines,
        boolean slaClock) {

    public enum Kind {
        LEADS,
        OUTCOMES
    }

    /** 0–100, from the bytes read so far. */
    public int percent() {
        if (status == JobStatus.DONE) {
            return 100;
        }
        return fileBytes == 0 ? 0 : (int) Math.min(100, bytesRead * 100 / fileBytes);
    }

    /** The uploaded file is gone (its import ended, or it was kept as long as uploads are): it cannot be run again. */
    public boolean fileDeleted() {
        return fileDeletedAt != null;
    }

    /** The data rows the file holds at most: its lines but the header (a quoted cell with line breaks spans several). */
    public Long rowsAtMost() {
        return fileLines == null ? null : Math.max(0, fileLines - 1);
    }

    /** A finished real import can be undone: its new leads removed, or (outcomes) the leads it closed put back. */
    public boolean undoable() {
        return status == JobStatus.DONE && !dryRun;
    }

    /** A finished dry run can go back to its mapping and run for real while its file is kept. */
    public boolean runnableForReal() {
        return status == JobStatus.DONE && dryRun && fileDeletedAt == null;
    }

    public boolean finished() {
        return status.finished();
    }
}
