package io.leadline.core.importing;

/**
 * What an import did with every row it read: a new lead (imported), an existing lead changed (updated), a row
 * folded into an existing lead or an earlier row with nothing new to write (merged), or refused (rejected).
 * They always add up to the rows read.
 */
public record ImportCounts(long rowsRead, long imported, long updated, long merged, long rejected) {

    public ImportCounts {
        if (imported + updated + merged + rejected != rowsRead) {
            throw new IllegalStateException("rows unaccounted for: " + rowsRead + " read, but " + imported
                    + " imported + " + updated + " updated + " + merged + " merged + " + rejected + " rejected");
        }
    }
}
