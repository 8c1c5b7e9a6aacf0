package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.GuideSnippets;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The code shown in docs/schema-diff.md, compiled and run, so the guide cannot rot. */
class GuideExamplesTest {

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/schema-diff.md")
                .assertShowsOnlyCodeFrom("core/src/test/java/dev/driftless/schema/GuideExamplesTest.java");
    }

    @Test
    void snapshotDiffAndRender(@TempDir Path dir) throws Exception {
        PostgresServer server = TestServers.embedded();
        Database freshInstall = TestSchemas.copyOf(server, """
                CREATE TABLE booking (booking_id bigint PRIMARY KEY, starts_at timestamptz NOT NULL);
                CREATE TABLE schema_migrations (version character varying(128) PRIMARY KEY);  -- dbmate's
                """);
        Database migrated = TestSchemas.copyOf(server, """
                CREATE TABLE booking (booking_id bigint PRIMARY KEY, starts_at timestamp NOT NULL);
                """);
        try {
            SchemaSnapshot expected = SchemaInspector.create().inspect(freshInstall);          // a Database
            SchemaSnapshot actual = SchemaInspector.create().inspect(migrated);

            Column startsAt = expected.table("booking").orElseThrow().column("starts_at").orElseThrow();
            startsAt.type();   // "timestamp with time zone"
            assertThat(startsAt.type()).isEqualTo("timestamp with time zone");

            SchemaFilter filter = SchemaFilter.all()
                .schemas("public", "billing")                                  // default: every non-system schema
                .kinds(ObjectKind.TABLE, ObjectKind.COLUMN, ObjectKind.INDEX)  // default: every kind
                .excluding("public.flyway_schema_history", "audit_log");       // schema.name, or a name in any schema
            assertThat(SchemaInspector.create(filter).inspect(freshInstall).tables())
                    .extracting(Table::name).containsExactly("booking", "schema_migrations");

            SchemaDiff diff = SchemaDiff.between(expected, actual,
                    DiffOptions.defaults().ignoringTables("audit_log"));
            diff.isEmpty();
            diff.changes();        // List<Change>, sorted
            assertThat(diff.isEmpty()).isFalse();
            assertThat(diff.toText()).isEqualTo("""
                    1 difference (1 structure)
                    table booking: column starts_at: type timestamp with time zone → timestamp without time zone
                    """);

            Files.writeString(dir.resolve("schema-diff.html"), new HtmlDiffRenderer().render(diff));
            Files.writeString(dir.resolve("schema-diff.md"), new MarkdownDiffRenderer().render(diff));
            assertThat(dir.resolve("schema-diff.html")).content().contains("starts_at");
            assertThat(dir.resolve("schema-diff.md")).content().contains("## table booking");

            Path file = dir.resolve("schema.json");
            expected.writeTo(file);                                  // e.g. Path.of("src/test/resources/schema.json")
            SchemaSnapshot golden = SchemaSnapshot.readFrom(file);
            assertThat(golden).isEqualTo(expected);

            SchemaDiff mattering = diff.without(ChangeCategory.COLUMN_ORDER, ChangeCategory.COMMENT);
            assertThat(mattering.changes()).hasSize(1);
        } finally {
            server.drop(freshInstall);
            server.drop(migrated);
        }
    }
}
