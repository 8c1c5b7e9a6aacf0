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
                try {
                    Files.writeString(file, Secrets.newPassword(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // Another JVM wrote it first; use theirs.
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new DriftlessException("Cannot read or create " + file + ", which a reusable PostgreSQL container"
                    + " needs: " + e.getMessage() + ". Set driftless.cache.dir to a writable folder.", e);
        }
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
