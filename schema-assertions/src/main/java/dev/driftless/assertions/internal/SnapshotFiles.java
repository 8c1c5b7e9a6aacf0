package dev.driftless.assertions.internal;

import dev.driftless.config.DriftlessConfig;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code SnapshotFiles} compares a snapshot with a golden file, or writes the file when asked to
 * ({@value DriftlessConfig#UPDATE_SNAPSHOTS}).
 */
public final class SnapshotFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFiles.class);

    /**
     * {@code Outcome} is the result of a comparison.
     *
     * @param diff the differences from the file to the actual schema, or {@code null} when they match (or the file was
     *     written)
     * @param expectedJson the file's text, or {@code null}
     * @param missing whether the file does not exist (and was not written)
     */
    public record Outcome(SchemaDiff diff, String expectedJson, boolean missing) {
    }

    private SnapshotFiles() {
    }

    /**
     * Compares a snapshot with a file, or (re)writes the file.
     *
     * @param actual the current schema
     * @param file the golden file
     * @param options the diff options
     * @return the outcome
     */
    public static Outcome compare(SchemaSnapshot actual, Path file, DiffOptions options) {
        boolean update = DriftlessConfig.load().getBoolean(DriftlessConfig.UPDATE_SNAPSHOTS, false);
        if (update) {
            actual.writeTo(file);
            LOG.warn("Wrote the schema snapshot {}; review and commit it", file.toAbsolutePath());
            return new Outcome(null, null, false);
        }
        if (!Files.exists(file)) {
            return new Outcome(null, null, true);
        }
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            SchemaDiff diff = SchemaDiff.between(SchemaSnapshot.fromJson(json), actual, options);
            return new Outcome(diff.isEmpty() ? null : diff, json, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema snapshot " + file + ": " + e.getMessage(), e);
        }
    }
}
