package dev.driftless.internal.server;

import dev.driftless.DriftlessException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The secret from which a reusable container's passwords derive, kept in Driftless' cache folder, readable by its
 * owner only, so that the next run can log in to the container the previous run left running.
 */
final class ReuseSecret {

    private static final String FILE_NAME = "docker-reuse.secret";

    private ReuseSecret() {
    }

    static String load(Path cacheDir) {
        Path file = cacheDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(cacheDir);
            if (!Files.exists(file)) {
                publish(file, Secrets.newPassword());
            }
            return read(file);
        } catch (IOException e) {
            throw new DriftlessException("Cannot read or create " + file + ", which a reusable PostgreSQL server"
                    + " needs: " + e.getMessage() + ". Set driftless.cache.dir to a writable folder.", e);
        }
    }

    /**
     * Writes the secret under a temporary name and links it into place, which fails when the file exists: no JVM ever
     * reads a secret half written (it would derive other passwords than the JVM that wrote it), and one that loses the
     * race uses the winner's.
     */
    private static void publish(Path file, String secret) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), FILE_NAME, ".part");
        try {
            restrictToOwner(partial);
            Files.writeString(partial, secret, StandardCharsets.UTF_8);
            try {
                Files.createLink(file, partial);
            } catch (FileAlreadyExistsException raced) {
                // Another JVM published first; use theirs.
            } catch (UnsupportedOperationException noHardLinks) {
                try {
                    Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException raced) {
                    // Another JVM wrote it first; read() waits until its content is there.
                }
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Reads the secret, waiting a moment for a file another JVM is still writing (file systems without links). */
    private static String read(Path file) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        while (secret.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        if (secret.isEmpty()) {
            throw new DriftlessException(file + " is empty, so no password can be derived from it. Delete it and the"
                    + " embedded-pg* folders beside it, whose servers were set up with passwords derived from it (and"
                    + " remove reusable Driftless containers: docker rm -f).");
        }
        return secret;
    }

    static String derive(String secret, String purpose) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((purpose + ":" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already.
        }
    }
}
