package io.leadline.web.importing;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.persistence.importing.CsvFile;
import io.leadline.persistence.importing.ImportJob;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.importing.ImportTemplates;
import io.leadline.persistence.importing.UploadRetention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Keeps an uploaded file on disk and opens a draft import for it with a guessed mapping. */
@Service
class ImportUploads {

    private final ImportJobs jobs;
    private final ImportTemplates templates;
    private final UploadRetention folder;
    private final Clock clock;

    ImportUploads(ImportJobs jobs, ImportTemplates templates, Clock clock, UploadRetention folder) {
        this.jobs = jobs;
        this.templates = templates;
        this.clock = clock;
        this.folder = folder;
    }

    /** The widest file an import takes (the mapping form's fields are sized for it: server.tomcat.max-parameter-count). */
    static final int MAX_COLUMNS = 5_000;

    /** Rows the guess reads to tell how a date column writes its dates. */
    static final int GUESS_ROWS = 500;

    /**
     * Reads a draft's file again with the encoding and separator the user chose (null: detected), and guesses its
     * mapping anew: other separators make other columns.
     *
     * @throws CsvFile.UnreadableFileException when the file cannot be read that way
     */
    void reread(ImportJob job, CsvFile.Reading reading) {
        ColumnMapping mapping = guess(CsvFile.open(Path.of(job.storedFile()), reading));
        jobs.reread(job.id(), reading, mapping);
    }

    /** A template saved for files with these very headers, else the guess from the header and the first rows. */
    private ColumnMapping guess(CsvFile file) {
        List<List<String>> preview = file.preview(GUESS_ROWS);
        boolean noHeader = preview.isEmpty() || preview.getFirst().stream().allMatch(String::isBlank);
        if (noHeader || preview.size() == 1) {
            throw new CsvFile.UnreadableFileException(
                    noHeader
                            ? "The file has no header row."
                            : "The file has a header row and no rows under it: nothing to import.");
        }
        if (preview.getFirst().size() > MAX_COLUMNS) {
            throw new CsvFile.UnreadableFileException(
                    "The file has " + preview.getFirst().size() + " columns; Leadline " + "imports at most "
                            + MAX_COLUMNS + ": remove the columns you do not need and upload it again.");
        }
        List<String> headers = ColumnMapping.uniqueHeaders(preview.getFirst());
        return templates
                .forHeaders(headers)
                .map(ImportTemplates.Named::mapping)
                .orElseGet(() -> ColumnMapping.guess(headers, preview.subList(1, preview.size())));
    }

    /** @throws CsvFile.UnreadableFileException when the file is empty, binary or has no header */
    long draft(ImportJob.Kind kind, String fileName, InputStream content, String user) {
        try {
            Path stored = folder.newUpload();
            Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
            try {
                CsvFile file = CsvFile.open(stored);
                ColumnMapping mapping = guess(file);
                String name = fileName == null || fileName.isBlank()
                        ? "upload.csv"
                        : Path.of(fileName).getFileName().toString();
                return jobs.create(
                        kind,
                        name,
                        stored.toString(),
                        Files.size(stored),
                        file.lineCount(),
                        user,
                        mapping,
                        Instant.now(clock));
            } catch (RuntimeException e) {
                Files.deleteIfExists(stored);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
