package dev.driftless.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Makes the files an attacker or an accident leaves where scripts are expected: pipes, links, unreadable things. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /**
     * Makes a named pipe with {@code mkfifo}; skips the test where there is no {@code mkfifo}.
     *
     * @param path where
     * @return {@code path}
     */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            throw e;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        return path;
    }

    /**
     * Makes a symbolic link.
     *
     * @param link the link
     * @param target what it points to (need not exist)
     * @return {@code link}
     */
    public static Path link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, target);
    }

    /**
     * A folder this process cannot list: a {@code chmod 000} folder, or, when the tests run as root (who may list
     * anything), {@code /proc/1/map_files}, which the kernel keeps even from root outside pid 1's namespace. Skips the
     * test when neither is unreadable here.
     *
     * @param scratch a folder for the {@code chmod 000} attempt
     * @return the unreadable folder
     */
    public static Path unlistableFolder(Path scratch) throws IOException {
        Path locked = Files.createDirectories(scratch.resolve("locked"));
        Files.writeString(locked.resolve("001_init.sql"), "SELECT 1;\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!listable(locked)) {
            return locked;
        }
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        Path proc = Path.of("/proc/1/map_files");
        assumeTrue(Files.isDirectory(proc) && !listable(proc), "this process can list every folder (root without"
                + " a folder kept from it); the unreadable-folder case cannot be provoked here");
        return proc;
    }

    /**
     * A regular file whose reading fails: {@code /proc/self/mem}, which is a regular file to {@code stat} but fails
     * with an I/O error when read from its start. Skips the test where that is not so.
     *
     * @return the file
     */
    public static Path unreadableRegularFile() {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(mem) && readFails(mem), "/proc/self/mem is no unreadable regular file here");
        return mem;
    }

    private static boolean listable(Path dir) {
        try (var entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> { });
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean readFails(Path file) {
        try (var in = Files.newInputStream(file)) {
            in.read();
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
