package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.DriftlessAssertions.matching;
import static dev.driftless.assertions.DriftlessAssertions.notNullValue;
import static dev.driftless.assertions.DriftlessAssertions.row;
import static dev.driftless.assertions.DriftlessAssertions.table;

import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.LiquibaseSettings;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.ObjectKind;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.Seeder;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.GuideSnippets;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/assertions.md, compiled and run; the page shows these lines. */
class GuideExamplesTest {

    private final SchemaSnapshot schema = Schemas.rich();
    private final PostgresServer server = Schemas.server();

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/assertions.md").assertShowsOnlyCodeFrom(
                "schema-assertions/src/test/java/dev/driftless/assertions/GuideExamplesTest.java");
    }

    @Test
    void schemaObjects() {
        // --- schema objects
        assertThat(schema)
                .hasTable("booking").hasTable("billing.invoice").doesNotHaveTable("bookings")
                .hasView("active_booking").hasMaterializedView("daily_totals")
                .hasSequence("invoice_number_seq")
                .hasFunction("touch()").hasProcedure("archive_bookings")
                .hasEnum("booking_status", "Pending", "Confirmed", "Cancelled")
                .hasDomain("email", "text").hasCompositeType("money_amount")
                .hasSchema("billing").hasExtension("pgcrypto");
        // ---
    }

    @Test
    void tablesAndTheirParts() {
        // --- table
        assertThat(schema).table("booking")
                .hasColumn("starts_at").ofType("timestamptz").isNotNull().hasNoDefault()
                .hasColumn("status").ofType("booking_status").hasDefault("'Pending'::public.booking_status")
                .hasColumn("booking_id").isIdentity()
                .hasColumn("total_cents").isGenerated("price_cents + COALESCE(fee_cents, 0::bigint)")
                .hasPrimaryKey("booking_id").named("booking_pkey")
                .hasForeignKey("party_id").referencing("party", "party_id").onDelete(ReferentialAction.CASCADE)
                .hasForeignKey("resource_id").isDeferrable().isInitiallyDeferred()
                .hasCheckConstraint("booking_period_check").hasDefinitionContaining("ends_at > starts_at")
                .hasIndexOn("party_id", "starts_at").isUnique().hasPredicate("cancelled_at IS NULL")
                .hasIndexOn("resource_id", "starts_at").includes("status")
                .hasIndexNamed("booking_no_overlap").usingMethod("gist")
                .and().hasExclusionConstraint("booking_no_overlap")
                .and().hasPolicy("booking_owner").hasRowLevelSecurityEnabled()
                .doesNotHaveColumn("price_decimal").doesNotHaveIndexOn("status");

        assertThat(schema).table("party").hasComment("A person or company")
                .hasTrigger("party_touch").hasUniqueConstraint("email");
        // ---
    }

    @Test
    void exhaustiveChecks() {
        // --- exhaustive
        assertThat(schema).tablesAre("party", "resource", "booking", "audit_log", "billing.invoice");
        assertThat(schema).indexesOn("party").are("party_pkey", "party_email_key");
        assertThat(schema).extensionsAre("plpgsql", "pgcrypto");
        assertThat(schema).table("party").columnsAre("party_id", "display_name", "email", "created_at");
        // ---
    }

    @Test
    void rules() {
        // --- rules
        assertThat(schema)
                .ignoringTables("audit_log", "billing.invoice")
                .everyTableHasPrimaryKey()
                .everyForeignKeyHasIndex();
        assertThat(schema).ignoringTables("billing.invoice")
                .columnsNamed(".*_cents").allHaveType("bigint");
        assertThat(schema).namesOf(ObjectKind.TABLE, ObjectKind.COLUMN).allMatch("[a-z][a-z0-9_]*");
        // ---
        assertThat(Schemas.of("CREATE TABLE t (id int PRIMARY KEY, a int); CREATE INDEX t_a_idx ON t (a);"))
                .hasNoRedundantIndexes();
    }

    @Test
    void softAssertions() {
        // --- soft
        SoftDriftlessAssertions softly = new SoftDriftlessAssertions();
        softly.assertThat(schema).table("booking").hasColumn("starts_at").isNotNull();
        softly.assertThat(schema).hasExtension("pgcrypto");
        softly.assertAll();
        // ---
    }

    @Test
    void goldenSnapshot(@TempDir Path dir) {
        Path file = dir.resolve("schema.json");
        schema.writeTo(file);
        // --- snapshot
        assertThat(schema).matchesSnapshot(file);                 // e.g. "src/test/resources/schema.json"
        assertThat(schema).usingDiffOptions(DiffOptions.defaults().ignoringComments()).matchesSnapshot(file);
        // ---
    }

    @Test
    void migrations() {
        MigrationChain chain = MigrationChain.at("classpath:chains/reversible-fixed");
        SqlScript masterSchema = SqlScript.at("classpath:master/complete.sql");
        // --- migrations
        assertThatMigrations(chain).on(server)
                .produceSameSchemaAs(masterSchema)
                .areReversible();

        assertThatMigrations(MigrationChain.ofMasterSchema(SqlScript.at("classpath:master/idempotent.sql")))
                .on(server).areIdempotent();
        // ---
        // --- migration options
        assertThatMigrations(chain).on(server)
                .ignoringTables("audit_log")            // besides the history tables, always ignored
                .ignoringColumnOrder()
                .ignoringComments()
                .toVersion("3")
                .produceSameSchemaAs(SqlScript.at("classpath:master/missing-column.sql"));
        assertThatMigrations(MigrationChain.at("classpath:chains/column-order")).on(server)
                .acceptingColumnOrderChanges()
                .areReversible();
        // ---
    }

    @Test
    void migrationEngines() {
        // --- migration engines
        MigrationEngine flyway = FlywaySettings.defaults().withLocations("classpath:flyway/shop")
                .withPlaceholder("booking_status", "requested").engine();
        assertThatMigrations(flyway).on(server)
                .produceSameSchemaAs(SqlScript.at("classpath:flyway/shop-schema.sql"));
        assertThatMigrations(flyway).on(server)
                .fromVersion("1")
                .preserveData(Fixture.parse("party.yml", "party: [{display_name: Alice}]"));
        // ---
    }

    @Test
    void liquibaseEngine() {
        // --- liquibase engine
        MigrationEngine liquibase = LiquibaseSettings.defaults()
                .withChangelog("classpath:liquibase/studio/db.changelog-master.xml")
                .withContexts("test").withParameter("currency", "EUR").engine();
        assertThatMigrations(liquibase).on(server)
                .produceSameSchemaAs(SqlScript.at("classpath:liquibase/studio/master-schema.sql"));
        // ---
    }

    @Test
    void preserveData() {
        MigrationChain chain = MigrationChain.at("classpath:chains/preserve");
        // --- preserve data
        Fixture parties = Fixture.parse("parties.yml", """
                party:
                  - {display_name: Alice, status: Active}
                  - {display_name: Bob, status: Active}
                """);
        assertThatMigrations(chain).on(server)
                .fromVersion("1")
                .preserveData(parties, Map.of("party", "SELECT count(*) FROM person"));   // 002 renames party
        // ---
    }

    @Test
    void tableData() {
        Database db = server.createDatabase();
        try {
            Migrator.run(db);
            DataSource dataSource = db.dataSource();
            Seeder.on(dataSource).load(Fixture.parse("seed.yml", """
                    party:
                      - {display_name: Alice, status: Active, joined_at: "2025-01-19T10:00:00Z"}
                      - {display_name: Bob, status: Active}
                    """));
            // --- table data
            assertThat(table(dataSource, "party"))
                    .hasRowCount(2)
                    .containsRows(row("display_name", "Alice", "joined_at", "2025-01-19T10:00:00Z"))
                    .containsExactlyRows(
                            row("display_name", "Alice", "party_id", notNullValue()),
                            row("display_name", "Bob", "party_id", matching("[0-9]+")))
                    .doesNotContainRows(row("status", "Deleted"))
                    .ignoringColumns("joined_at")
                    .matchesFixture("expected/parties.yml");

            assertThat(table(dataSource, "party")).column("display_name").containsExactly("Alice", "Bob");
            // ---
        } finally {
            server.drop(db);
        }
    }

    /** Builds the party table of the data examples. */
    private static final class Migrator {
        static void run(Database db) {
            dev.driftless.migration.Migrator.of(MigrationChain.of("party", java.util.List.of(
                    dev.driftless.migration.Migration.of(dev.driftless.migration.MigrationVersion.parse("1"), "party",
                            SqlScript.of("party.sql", """
                                    CREATE TABLE party (
                                        party_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                                        display_name text NOT NULL,
                                        status text NOT NULL,
                                        joined_at timestamptz
                                    );
                                    CREATE TABLE booking (booking_id serial PRIMARY KEY, note text);
                                    """), null)), java.util.List.of()), db).migrateToLatest();
        }
    }
}
