package io.leadline.persistence.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scratch files of instances that died are removed; those of running ones, and other programs' files, are left. */
class ImportScratchTest {

    @TempDir
    Path tmp;

    @Test
    void removes_the_folders_of_processes_no_longer_running() throws Exception {
        ImportScratch scratch = new ImportScratch(tmp);
        Path mine = scratch.newFile();
        Path dead = Files.createDirectories(tmp.resolve("leadline-scratch-" + deadPid()));
        Files.writeString(dead.resolve("leadline-import-1.copy"), "rows");
        Path oldLoose = Files.writeString(tmp.resolve("leadline-import-2.copy"), "rows");
        Files.setLastModifiedTime(oldLoose, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path newLoose = Files.writeString(tmp.resolve("leadline-import-3.copy"), "rows");
        Path other = Files.writeString(tmp.resolve("leadline-notes.txt"), "not ours");

        assertThat(scratch.removeLeftovers()).isEqualTo(2);

        assertThat(mine).exists();
        assertThat(dead).doesNotExist();
        assertThat(oldLoose).doesNotExist();
        assertThat(newLoose)
                .as("may be an older instance's import still running")
                .exists();
        assertThat(other).exists();
    }

    /** A process id no process has: one past the highest running. */
    private static long deadPid() {
        return ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1_000;
    }
}
