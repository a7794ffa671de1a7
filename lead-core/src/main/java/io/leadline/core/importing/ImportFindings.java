package io.leadline.core.importing;

import java.util.List;

/** What an import found besides its counts: its mapping and the rows it kept with a field left out. Implemented by lead-persistence. */
public interface ImportFindings {

    /** The column mapping the import was drafted or queued with. */
    ColumnMapping mapping(long job);

    /** The first rows kept with a field left out, in file order. */
    List<Warning> firstWarnings(long job, int limit);

    /** How many rows were kept with a field left out. */
    long warned(long job);

    /** A row kept with a field left out: its number in the file (the header is row 1) and what was left out, and why. */
    record Warning(long rowNumber, String reason) {}
}
