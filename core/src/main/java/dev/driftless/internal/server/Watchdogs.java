package dev.driftless.internal.server;

import dev.driftless.DriftlessException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Starts {@link Watchdog} processes. The watchdog runs from a copy of its class file in the cache folder, so that it
 * starts the same way whether Driftless runs from a folder of classes, a jar, or a jar nested in another.
 */
final class Watchdogs {

    private static final String CLASS_FILE = Watchdog.class.getName().replace('.', '/') + ".class";

    private Watchdogs() {
    }

    /**
     * Starts the watchdog of a server folder that belongs to this JVM alone. The returned process's standard input is
     * this JVM's lifeline: close it (or die) and the watchdog stops the server and deletes the folder.
     */
    static Process startPrivate(Path cacheDir, Path folder, List<String> pgCtl) {
        return start(cacheDir, "private", folder, pgCtl, ProcessBuilder.Redirect.PIPE);
    }

    /** Starts the watchdog of a reused server, which stops it once no JVM holds its users lock. */
    static Process startShared(Path cacheDir, Path folder, List<String> pgCtl) {
        Process process = start(cacheDir, "shared", folder, pgCtl, ProcessBuilder.Redirect.PIPE);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // It reads nothing from its input in this mode.
        }
        return process;
    }

    /** Closes a private watchdog's lifeline, telling it that the JVM is done (it then finds nothing left to do). */
    static void release(Process watchdog) {
        try {
            OutputStream lifeline = watchdog.getOutputStream();
            lifeline.close();
        } catch (IOException e) {
            // The watchdog is gone already.
        }
    }

    private static Process start(Path cacheDir, String mode, Path folder, List<String> pgCtl,
                                 ProcessBuilder.Redirect input) {
        // In a session of its own: a signal to the JVM's process group (Ctrl-C, a build tool stopping the run) must
        // not take the watchdog with it, since cleaning up after that is its job.
        List<String> command = new ArrayList<>(PostgresCommands.ownSession());
        command.addAll(List.of(javaExecutable(), "-Xmx16m", "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", classFolder(cacheDir).toString(),
                Watchdog.class.getName(), mode, folder.toString()));
        command.addAll(pgCtl);
        try {
            // Its output (nothing, unless it fails) goes to a log in the server folder, for a person to read.
            return new ProcessBuilder(command).redirectInput(input)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("watchdog.log").toFile()))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DriftlessException("Cannot start the process that stops the embedded PostgreSQL server when this"
                    + " JVM ends (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .filter(c -> Paths.get(c).getFileName().toString().startsWith("java"))
                .orElseGet(() -> Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Copies the watchdog's class file into the cache folder, once per version of it. */
    private static synchronized Path classFolder(Path cacheDir) {
        byte[] bytes;
        try (InputStream in = Watchdog.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
            if (in == null) {
                throw new IOException("the class file " + CLASS_FILE + " is not on the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DriftlessException("Cannot read Driftless' own " + CLASS_FILE + ": " + e.getMessage(), e);
        }
        Path folder = cacheDir.resolve("watchdog").resolve(sha256(bytes).substring(0, 16));
        Path file = folder.resolve(CLASS_FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
                Files.createDirectories(file.getParent());
                Path partial = Files.createTempFile(file.getParent(), "Watchdog", ".part");
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new DriftlessException("Cannot write " + file + ": " + e.getMessage() + ". Set "
                    + dev.driftless.config.DriftlessConfig.CACHE_DIR + " to a writable folder.", e);
        }
        return folder;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
