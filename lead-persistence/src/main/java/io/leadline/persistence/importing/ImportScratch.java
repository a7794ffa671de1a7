package io.leadline.persistence.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where an import keeps its temporary files (rows waiting for {@code COPY}): a folder of this process's own under the
 * system's temporary folder, so that the folders of instances that died (killed, crashed) can be told from those of
 * instances still running on the same machine, and removed when an instance starts.
 */
@Component
public class ImportScratch {

    private static final Logger log = LoggerFactory.getLogger(ImportScratch.class);
    private static final String PREFIX = "leadline-scratch-";
    /** Before scratch folders, temporary files lay in the temporary folder itself; such a file this old is no one's. */
    private static final Duration LOOSE_FILE_AGE = Duration.ofHours(1);

    private final Path base;
    private final Path directory;

    ImportScratch() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    ImportScratch(Path base) {
        this.base = base;
        this.directory = base.resolve(PREFIX + ProcessHandle.current().pid());
    }

    Path newFile() throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "leadline-import-", ".copy");
    }

    /** Removes the scratch folders of processes no longer running, and loose files of older versions; how many. */
    public int removeLeftovers() {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, "leadline-*")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(PREFIX) && Files.isDirectory(entry) && !running(name.substring(PREFIX.length()))) {
                    removed += deleteTree(entry);
                } else if (name.startsWith("leadline-import-")
                        && name.endsWith(".copy")
                        && Files.isRegularFile(entry)
                        && Files.getLastModifiedTime(entry)
                                .toInstant()
                                .isBefore(Instant.now().minus(LOOSE_FILE_AGE))) {
                    removed += Files.deleteIfExists(entry) ? 1 : 0;
                }
            }
        } catch (IOException e) {
            log.warn("could not look for leftover import files in {}: {}", base, e.getMessage());
        }
        return removed;
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it
        }
    }

    private static int deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            int files = 0;
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                files += Files.isRegularFile(path) ? 1 : 0;
                Files.deleteIfExists(path);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
