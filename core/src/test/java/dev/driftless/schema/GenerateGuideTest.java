package dev.driftless.schema;

import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.GuideSnippets;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The code shown in docs/generate.md, compiled and run, so the guide cannot rot. */
class GenerateGuideTest {

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/generate.md")
                .assertShowsOnlyCodeFrom("core/src/test/java/dev/driftless/schema/GenerateGuideTest.java");
    }

    @Test
    void generateAVerifiedMigration() {
        PostgresServer server = TestServers.embedded();
        SchemaSource v1 = SchemaSource.of(SqlScript.of("schema_v1.sql", """
                CREATE TABLE invoice (id bigint PRIMARY KEY, fax text);
                """));
        SchemaSource v2 = SchemaSource.of(SqlScript.of("schema.sql", """
                CREATE TABLE invoice (id bigint PRIMARY KEY, due_date date);
                """));

        GeneratedMigration migration = MigrationGenerator.on(server)
                .usingDiffOptions(DiffOptions.defaults())       // the options the proof compares with
                .generate(v1, v2);                               // builds both, generates, proves
        if (!migration.verified()) {
            throw new AssertionError(migration.verification().message());   // what still differs, exactly
        }
        String up = migration.up();                              // A → B
        String down = migration.down();                          // B → A
        migration.lossy();                                       // the statements of up that lose data

        assertThat(up).isEqualTo("""
                ALTER TABLE "public"."invoice" ADD COLUMN "due_date" date;

                -- driftless: loses data: column public.invoice.fax is dropped with its values
                ALTER TABLE "public"."invoice" DROP COLUMN "fax";
                """);
        assertThat(down).isEqualTo("""
                -- driftless: loses data: column public.invoice.due_date is dropped with its values
                ALTER TABLE "public"."invoice" DROP COLUMN "due_date";

                ALTER TABLE "public"."invoice" ADD COLUMN "fax" text;
                """);
    }
}
