package io.leadline.persistence.importing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The folder uploads wait in ({@code leadline.import.dir}), and how long they stay. Uploaded files hold personal data
 * and are kept no longer than needed: deleted when their import is done for real, fails or is undone, and otherwise
 * after {@code leadline.import.retention} (default 24 h: time for a dry run and the import after it). At start-up, and every {@code leadline.import.sweep-millis}, the folder is swept: files of imports
 * due, stray files no import knows (an upload cut off before its import was opened), and the scratch files of instances
 * that died.
 */
@Component
public class UploadRetention {

    private static final Logger log = LoggerFactory.getLogger(UploadRetention.class);

    private final JdbcClient jdbc;
    private final ImportScratch scratch;
    private final Clock clock;
    private final Duration retention;
    private final Path directory;

    UploadRetention(
            JdbcClient jdbc,
            ImportScratch scratch,
            Clock clock,
            @Value("${leadline.import.retention:24h}") Duration retention,
            @Value("${leadline.import.dir:#{systemProperties['java.io.tmpdir'] + '/leadline-imports'}}")
                    String directory) {
        this.jdbc = jdbc;
        this.scratch = scratch;
        this.clock = clock;
        this.retention = retention;
        this.directory = Path.of(directory);
    }

    /** Where a new upload is to be stored: a fresh name in the import folder (created if need be). */
    public Path newUpload() throws IOException {
        Files.createDirectories(directory);
        return directory.resolve(UUID.randomUUID() + ".csv");
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        int leftovers = scratch.removeLeftovers();
        if (leftovers > 0) {
            log.info("removed {} temporary files of imports whose instance stopped", leftovers);
        }
        sweep();
    }

    /** After an import ended, failed or was undone: its file goes now (a failure here is left to the next sweep). */
    public void importEnded() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("could not delete the uploads of ended imports now (the next sweep will): {}", e.getMessage());
        }
    }

    /** Deletes every upload that is due; how many files went. */
    @Scheduled(
            fixedDelayString = "${leadline.import.sweep-millis:600000}",
            initialDelayString = "${leadline.import.sweep-millis:600000}")
    public int sweep() {
        Instant now = Instant.now(clock);
        int deleted = 0;
        for (var due : uploadsToDelete(now.minus(retention)).entrySet()) {
            deleted += delete(Path.of(due.getValue())) ? 1 : 0;
            uploadDeleted(due.getKey(), now);
        }
        return deleted + strays(now);
    }

    private int strays(Instant now) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        Set<String> kept = keptUploads();
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                if (!kept.contains(file.toString())
                        && Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(retention))) {
                    deleted += delete(file) ? 1 : 0;
                }
            }
        } catch (NoSuchFileException e) {
            return deleted;
        } catch (IOException e) {
            log.warn("could not sweep the import folder {}: {}", directory, e.getMessage());
        }
        return deleted;
    }

    /**
     * The uploads to delete now: of imports that ended (done for real, failed, undone), and of any import older than
     * {@code keptSince} (a draft or dry run left waiting), with the path each was stored at.
     */
    private Map<Long, String> uploadsToDelete(Instant keptSince) {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("""
                        select id, stored_file from import_job where file_deleted_at is null
                          and (status in ('FAILED', 'UNDONE') or status = 'DONE' and not dry_run or requested_at < ?)""").param(Timestamp.from(keptSince)).query(rs -> {
            out.put(rs.getLong(1), rs.getString(2));
        });
        return out;
    }

    /** The paths of every upload still kept, to tell a stray file in the import folder from a job's. */
    private Set<String> keptUploads() {
        return new HashSet<>(jdbc.sql("select stored_file from import_job where file_deleted_at is null")
                .query(String.class)
                .list());
    }

    /**
     * Notes that an import's upload is deleted. A draft or a queued job whose file is gone cannot run: it fails saying
     * so (the user uploads the file again).
     */
    private void uploadDeleted(long id, Instant at) {
        jdbc.sql("update import_job set file_deleted_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
        jdbc.sql("""
                        update import_job set status = 'FAILED', phase = 'failed', finished_at = ?,
                               error = 'The uploaded file was deleted: uploads are kept for at most a day until they are imported. Upload it again.'
                        where id = ? and status in ('DRAFT', 'QUEUED')""").params(Timestamp.from(at), id).update();
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the uploaded file {}: {}", file, e.getMessage());
            return false;
        }
    }
}
