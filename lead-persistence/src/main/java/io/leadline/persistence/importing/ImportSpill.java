package io.leadline.persistence.importing;

import io.leadline.persistence.CopyBinary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rows for a table, kept in a temporary file until the import's connection is free to {@code COPY} them in. */
final class ImportSpill {

    private static final Logger log = LoggerFactory.getLogger(ImportSpill.class);

    private final String table;
    private final Path file;
    private final OutputStream out;

    ImportSpill(String table, Path file) throws IOException {
        this.table = table;
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write(CopyBinary.HEADER);
    }

    void write(CopyBinary rows) throws IOException {
        out.write(rows.bytes(), 0, rows.size());
        rows.clear();
    }

    void copyIn(PGConnection connection) throws IOException, SQLException {
        out.write(CopyBinary.TRAILER);
        out.close();
        try (InputStream in = Files.newInputStream(file)) {
            connection.getCopyAPI().copyIn("copy " + table + " from stdin (format binary)", in, 1 << 16);
        }
    }

    void delete() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the import's temporary file {}: {}", file, e.getMessage());
        }
    }
}
