package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.Failures.assertFailure;
import static dev.driftless.assertions.Failures.messageOf;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.config.DriftlessConfig;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class SnapshotAndSoftAssertionsTest {

    private static final String BASE = "CREATE TABLE party (party_id int PRIMARY KEY, display_name text NOT NULL);";

    private final SchemaSnapshot base = Schemas.of(BASE);
    private final SchemaSnapshot changed = Schemas.of(BASE + " ALTER TABLE party ADD COLUMN email text;"
            + " COMMENT ON TABLE party IS 'People';");

    @Test
    void isSameSchemaAs() {
        assertThat(base).isSameSchemaAs(Schemas.of(BASE));
        assertThat(Schemas.of(BASE + " COMMENT ON TABLE party IS 'People';"))
                .usingDiffOptions(DiffOptions.defaults().ignoringComments()).isSameSchemaAs(base);
        assertFailure("isSameSchemaAs", """

                Expecting actual:
                  the schema
                to be the same schema as the expected one, but found (expected → actual):
                  2 differences (1 structure, 1 comment)
                  table party: column email: added (text)
                  table party: comment (none) → People [comment]""", () -> assertThat(changed).isSameSchemaAs(base));
        assertThatThrownBy(() -> assertThat(changed).isSameSchemaAs(base))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    Assertions.assertThat(e.getExpected().getValue()).isEqualTo(base.toJson());
                    Assertions.assertThat(e.getActual().getValue()).isEqualTo(changed.toJson());
                });
    }

    @Test
    void matchesSnapshot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.json");
        base.writeTo(file);
        assertThat(base).matchesSnapshot(file);
        assertThat(base).matchesSnapshot(file.toString());
        String message = messageOf(() -> assertThat(changed).matchesSnapshot(file));
        Assertions.assertThat(message).isEqualTo("""

                Expecting actual:
                  the schema
                to match the snapshot:
                  %s
                but found (snapshot → actual):
                  2 differences (1 structure, 1 comment)
                  table party: column email: added (text)
                  table party: comment (none) → People [comment]
                If the change is intended, run once with -Ddriftless.updateSnapshots=true and review the file's diff."""
                .formatted(file));
    }

    @Test
    void updateSnapshotsRewritesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.json");
        base.writeTo(file);
        System.setProperty(DriftlessConfig.UPDATE_SNAPSHOTS, "true");
        try {
            assertThat(changed).matchesSnapshot(file);
        } finally {
            System.clearProperty(DriftlessConfig.UPDATE_SNAPSHOTS);
        }
        Assertions.assertThat(Files.readString(file)).isEqualTo(changed.toJson());
        assertThat(changed).matchesSnapshot(file);
    }

    @Test
    void aMissingSnapshotFailsAndSaysHowToWriteIt(@TempDir Path dir) {
        Path file = dir.resolve("schema.json");
        Assertions.assertThat(messageOf(() -> assertThat(base).matchesSnapshot(file))).isEqualTo("""

                Expecting actual:
                  the schema
                to match the snapshot:
                  %s
                but the file does not exist (working directory %s).
                Run once with -Ddriftless.updateSnapshots=true to write it, then commit it."""
                .formatted(file, Path.of("").toAbsolutePath()));
        Assertions.assertThat(file).doesNotExist();
    }

    @Test
    void softAssertionsCollectEveryFailureAndSkipChecksOnMissingObjects() {
        SoftDriftlessAssertions softly = new SoftDriftlessAssertions();
        softly.assertThat(base).hasTable("party").hasTable("booking").hasExtension("pgcrypto");
        softly.assertThat(base).table("booking").hasColumn("starts_at").isNotNull();
        softly.assertThat(base).table("party").hasColumn("email").ofType("text")
                .hasColumn("display_name").isNullable();
        // Soft assertions end each message with the line of the test that failed ("at Test.method(Test.java:93)").
        Assertions.assertThat(softly.errorsCollected()).allSatisfy(e -> Assertions.assertThat(e.getMessage())
                .contains("at SnapshotAndSoftAssertionsTest.softAssertionsCollectEveryFailure"));
        Assertions.assertThat(softly.errorsCollected()).extracting(e -> e.getMessage().replaceAll("\nat .*$", ""))
                .containsExactly("""

                Expecting actual:
                  the schema
                to have table:
                  "booking"
                but found tables:
                  "party\"""", """

                Expecting actual:
                  the schema
                to have extension:
                  "pgcrypto"
                but found extensions:
                  "plpgsql\"""", """

                Expecting actual:
                  the schema
                to have table:
                  "booking"
                but found tables:
                  "party\"""", """

                Expecting actual:
                  table public.party
                to have column:
                  "email"
                but found columns:
                  "party_id", "display_name\"""", """

                Expecting actual:
                  column public.party.display_name
                to be nullable
                but found:
                  NOT NULL""");
        Assertions.assertThatThrownBy(softly::assertAll).hasMessageStartingWith("\nMultiple Failures (5 failures)")
                .hasMessageContaining("SnapshotAndSoftAssertionsTest.java");
    }

    @Test
    void softAssertionsPassWhenEverythingHolds() {
        SoftDriftlessAssertions softly = new SoftDriftlessAssertions();
        softly.assertThat(base).hasTable("party").table("party").hasColumn("display_name").isNotNull();
        softly.assertAll();
    }
}
