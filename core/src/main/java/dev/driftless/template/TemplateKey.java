package dev.driftless.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code TemplateKey} identifies a template database by the content of everything that went into it: scripts,
 * fixtures, options. Two keys with the same inputs are equal, so a template is built once and reused; change one byte
 * of a script and the key, and so the template, changes.
 *
 * <pre>{@code
 * TemplateKey key = TemplateKey.builder()
 *     .add("schema", Path.of("sql/init_schema.sql"))
 *     .add("option", "target=latest")
 *     .build();
 * }</pre>
 *
 * <p>The server's major version is added by {@link Templates}, so one key serves every server.
 */
public final class TemplateKey {

    private final String hash;
    private final List<String> labels;
    private final String setup;

    private TemplateKey(String hash, List<String> labels, String setup) {
        this.hash = hash;
        this.labels = labels;
        this.setup = setup;
    }

    /** @return a builder that hashes inputs in the order they are added */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A key for a single string, convenient for tests and generated schemas.
     *
     * @param content the content
     * @return the key
     */
    public static TemplateKey of(String content) {
        return builder().add("content", content).build();
    }

    /** @return the SHA-256 of all inputs, as 64 lower-case hex digits */
    public String hash() {
        return hash;
    }

    /** @return the labels of the inputs, in order, for messages */
    public List<String> labels() {
        return labels;
    }

    /**
     * @return the identity of what the template is for, apart from its content (as 16 hex digits), when the key names
     *     one; see {@link Builder#setup(String)}
     */
    public Optional<String> setup() {
        return Optional.ofNullable(setup);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateKey && ((TemplateKey) o).hash.equals(hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "TemplateKey[" + hash.substring(0, 16) + " of " + String.join(", ", labels) + "]";
    }

    /** Collects the inputs of a key. Not thread-safe. */
    public static final class Builder {

        private final MessageDigest digest;
        private final List<String> labels = new ArrayList<>();
        private String setup;

        private Builder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }

        /**
         * Adds a string input.
         *
         * @param label what it is, e.g. {@code "option target"}
         * @param content its value
         * @return this builder
         */
        public Builder add(String label, String content) {
            return add(label, content.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Adds a binary input.
         *
         * @param label what it is, e.g. a file name
         * @param content its bytes
         * @return this builder
         */
        public Builder add(String label, byte[] content) {
            byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
            // Length prefixes keep ("ab","c") and ("a","bc") apart.
            digest.update(lengthOf(labelBytes.length));
            digest.update(labelBytes);
            digest.update(lengthOf(content.length));
            digest.update(content);
            labels.add(label);
            return this;
        }

        /**
         * Adds a file's content, labelled with its path.
         *
         * @param label what it is
         * @param file the file
         * @return this builder
         * @throws UncheckedIOException when the file cannot be read
         */
        public Builder add(String label, Path file) {
            try {
                return add(label + " " + file, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + " for a template key", e);
            }
        }

        /**
         * Names what the template is for, apart from its content: e.g. one {@code @MigratedDatabase} configuration.
         * When a template is built for a key with a setup, the templates of the same setup built from other content
         * (an earlier version of a migration) are stale, and are dropped once no run uses them. The setup is not part
         * of the hash.
         *
         * @param identity any text that identifies the setup
         * @return this builder
         */
        public Builder setup(String identity) {
            try {
                byte[] hashed = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
                this.setup = HexFormat.of().formatHex(hashed).substring(0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
            return this;
        }

        /** @return the key */
        public TemplateKey build() {
            return new TemplateKey(HexFormat.of().formatHex(digest.digest()), Collections.unmodifiableList(labels),
                    setup);
        }

        private static byte[] lengthOf(int length) {
            return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
        }
    }
}
