package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The code shown in docs/schema-diff.md, compiled and run, so the guide cannot rot. */
class GuideExamplesTest {

    @Test
    void snapshotDiffAndRender(@TempDir Path dir) throws Exception {
        PostgresServer server = TestServers.embedded();
        Database freshInstall = TestSchemas.copyOf(server, """
                CREATE TABLE booking (booking_id bigint PRIMARY KEY, starts_at timestamptz NOT NULL);
                CREATE TABLE schema_migrations (version text PRIMARY KEY);
                """);
        Database migrated = TestSchemas.copyOf(server, """
                CREATE TABLE booking (booking_id bigint PRIMARY KEY, starts_at timestamp NOT NULL);
                """);
        try {
            // --- guide: snapshot ---
            SchemaSnapshot expected = SchemaInspector.create().inspect(freshInstall);
            SchemaSnapshot actual = SchemaInspector.create(SchemaFilter.all().schemas("public")).inspect(migrated);

            Column startsAt = expected.table("booking").orElseThrow().column("starts_at").orElseThrow();
            assertThat(startsAt.type()).isEqualTo("timestamp with time zone");
            // --- guide: diff ---
            SchemaDiff diff = SchemaDiff.between(expected, actual,
                    DiffOptions.defaults().ignoringTables(DiffOptions.HISTORY_TABLES));
            // --- guide: text ---
            assertThat(diff.toText()).isEqualTo("""
                    1 difference (1 structure)
                    table booking: column starts_at: type timestamp with time zone → timestamp without time zone
                    """);
            // --- guide: report ---
            Files.writeString(dir.resolve("schema-diff.html"), new HtmlDiffRenderer().render(diff));
            Files.writeString(dir.resolve("schema-diff.md"), new MarkdownDiffRenderer().render(diff));
            // --- guide: golden ---
            Path golden = dir.resolve("src/test/resources/schema.json");
            expected.writeTo(golden);
            assertThat(SchemaSnapshot.readFrom(golden)).isEqualTo(expected);
            // --- guide: categories ---
            SchemaDiff mattering = diff.without(ChangeCategory.COLUMN_ORDER, ChangeCategory.COMMENT);
            assertThat(mattering.changes()).hasSize(1);
        } finally {
            server.drop(freshInstall);
            server.drop(migrated);
        }
    }
}
