package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.server.ServerConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code OwnerKey} is the secret with which Driftless signs the ownership markers of the databases it creates (an
 * HMAC-SHA256), so that it can prove later, on this machine or another that shares the key, that it created a
 * database, and never mistakes a database someone else named or marked like its own for one of its own.
 *
 * <p>It comes from {@code driftless.owner.key} (for several machines that share one server, e.g. CI runners) or else
 * from {@code owner.key} in the cache folder, created on first use and readable by its owner only.
 */
final class OwnerKey {

    private static final String FILE_NAME = "owner.key";

    private final byte[] secret;

    private OwnerKey(byte[] secret) {
        this.secret = secret;
    }

    /**
     * @param config the configuration
     * @return the configured key, or this machine's
     * @throws DriftlessException when the key file can be neither read nor created
     */
    static OwnerKey load(ServerConfig config) {
        return config.ownerKey()
                .map(value -> new OwnerKey(value.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> fromFile(config.cacheDir().resolve(FILE_NAME)));
    }

    /**
     * @param secret a secret, for tests
     * @return a key over it
     */
    static OwnerKey of(String secret) {
        return new OwnerKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static OwnerKey fromFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                try {
                    Files.writeString(file, Secrets.randomToken(48), StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE_NEW);
                    EmbeddedServer.restrictToOwner(file);
                } catch (FileAlreadyExistsException raced) {
                    // Another JVM wrote it first; use theirs.
                }
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.length() < 16) {
                throw new IOException("it holds " + text.length() + " characters, fewer than the 16 a key needs");
            }
            return new OwnerKey(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DriftlessException("Cannot read or create " + file + ", the key with which Driftless marks the"
                    + " databases it creates: " + e.getMessage() + ". Set " + DriftlessConfig.CACHE_DIR
                    + " to a writable folder, or set " + DriftlessConfig.OWNER_KEY + ".", e);
        }
    }

    /**
     * @param text the text to sign
     * @return its HMAC-SHA256, as 64 hex digits
     */
    String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "OwnerKey[***]";
    }
}
