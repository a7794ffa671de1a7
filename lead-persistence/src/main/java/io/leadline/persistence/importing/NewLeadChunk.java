package io.leadline.persistence.importing;

import io.leadline.persistence.CopyBinary;
import java.io.IOException;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** New leads read since the last chunk, as binary COPY rows for {@code lead}, {@code lead_score} and {@code stage_change}. */
final class NewLeadChunk {
    final CopyBinary leads = new CopyBinary(LeadFileImport.CHUNK * 240);
    final CopyBinary scores = new CopyBinary(LeadFileImport.CHUNK * 96);
    final CopyBinary changes = new CopyBinary(LeadFileImport.CHUNK * 32);
    int rows;

    /** Copies the leads first: their scores' and stage changes' foreign keys are checked when each COPY ends. */
    void copyTo(PGConnection connection) throws SQLException, IOException {
        copy(connection, "lead (id, " + LeadFileImport.LEAD_COLUMNS + ", account_id)", leads);
        copy(connection, "lead_score (" + LeadFileImport.SCORE_COLUMNS + ")", scores);
        copy(connection, "stage_change (" + LeadFileImport.CHANGE_COLUMNS + ")", changes);
    }

    void clear() {
        leads.clear();
        scores.clear();
        changes.clear();
        rows = 0;
    }

    private static void copy(PGConnection connection, String table, CopyBinary rows) throws SQLException, IOException {
        if (rows.size() > 0) {
            try (PGCopyOutputStream copy =
                    new PGCopyOutputStream(connection, "copy " + table + " from stdin (format binary)", 1 << 16)) {
                copy.write(CopyBinary.HEADER);
                copy.write(rows.bytes(), 0, rows.size());
                copy.write(CopyBinary.TRAILER);
            }
        }
    }
}
