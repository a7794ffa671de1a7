package io.leadline.persistence.importing;

import io.leadline.core.importing.ImportFindings;
import io.leadline.persistence.CopyBinary;
import java.util.List;

/**
 * A slice of the file, read. Its accepted rows as binary {@code COPY} fields, each in three parts that end at
 * {@code ends[3i]}, {@code ends[3i + 1]} and {@code ends[3i + 2]}: the lead's fields (without its account), the
 * score row's, the stage change row's (none when the stage did not move). Beside them what routing needs: each
 * row's number, its keys' fingerprints (0 for a missing key), its account key with the company as spelled, its
 * lead's id if the lead became an MQL (0 otherwise). And its rejections with their reasons, and the warnings of
 * rows it kept with a field left out.
 */
record Slice(
        int rows,
        CopyBinary text,
        int[] ends,
        long[] rowNumbers,
        long[] emails,
        long[] externalIds,
        String[] accountKeys,
        String[] companies,
        long[] mqlIds,
        int accepted,
        List<ImportJobs.Rejection> rejections,
        List<ImportFindings.Warning> warnings) {

    /** Where the {@code i}th accepted row's lead fields begin. */
    int start(int i) {
        return i == 0 ? 0 : ends[3 * i - 1];
    }
}
