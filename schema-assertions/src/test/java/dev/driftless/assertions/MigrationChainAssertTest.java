package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.Failures.assertFailure;
import static dev.driftless.assertions.Failures.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.DiffOptions;
import dev.driftless.seed.Fixture;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class MigrationChainAssertTest {

    private final PostgresServer server = Schemas.server();

    private static MigrationChain chain(String name) {
        return MigrationChain.at("classpath:chains/" + name);
    }

    private static SqlScript master(String name) {
        return SqlScript.at("classpath:master/" + name + ".sql");
    }

    @Test
    void produceSameSchemaAsPassesWhenTheMasterSchemaMatches() {
        assertThatMigrations(chain("reversible-fixed")).on(server).produceSameSchemaAs(master("complete"));
    }

    @Test
    void produceSameSchemaAsFailsOnAColumnTheMasterSchemaLacks() throws Exception {
        Path report = Path.of("target/driftless/produceSameSchemaAs-classpath_chains_reversible-fixed.html");
        Files.deleteIfExists(report);
        assertFailure("produceSameSchemaAsMissingColumn", """

                Expecting actual:
                  migration chain classpath:chains/reversible-fixed migrated to 004
                to produce the same schema as:
                  classpath:master/missing-column.sql
                but found (classpath:master/missing-column.sql → migrated chain):
                  1 difference (1 structure)
                  table party: column email: added (text)
                HTML report: target/driftless/produceSameSchemaAs-classpath_chains_reversible-fixed.html""", () -> assertThatMigrations(chain("reversible-fixed")).on(server)
                .produceSameSchemaAs(master("missing-column")));
        assertThat(report).exists().content().contains("email");
    }

    @Test
    void produceSameSchemaAsFailsOnAForeignKeyWithAnotherOnDelete() {
        assertFailure("produceSameSchemaAsOnDelete", """

                Expecting actual:
                  migration chain classpath:chains/reversible-fixed migrated to 004
                to produce the same schema as:
                  classpath:master/fk-on-delete.sql
                but found (classpath:master/fk-on-delete.sql → migrated chain):
                  1 difference (1 structure)
                  table booking: constraint booking_party_id_fkey: on delete RESTRICT → CASCADE
                HTML report: target/driftless/produceSameSchemaAs-classpath_chains_reversible-fixed.html""", () -> assertThatMigrations(chain("reversible-fixed")).on(server)
                .produceSameSchemaAs(master("fk-on-delete")));
    }

    @Test
    void produceSameSchemaAsCarriesBothSchemasForIdes() {
        assertThatThrownBy(() -> assertThatMigrations(chain("reversible-fixed")).on(server)
                .produceSameSchemaAs(master("missing-column")))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.isExpectedDefined()).isTrue();
                    assertThat(e.getExpected().getStringRepresentation()).doesNotContain("\"email\"");
                    assertThat(e.getActual().getStringRepresentation()).contains("\"email\"");
                });
    }

    @Test
    void produceSameSchemaAsAnotherChainAndAnEarlierVersion() {
        assertThatMigrations(chain("reversible-fixed")).on(server).produceSameSchemaAs(chain("reversible-broken"));
        assertThatMigrations(chain("reversible-fixed")).on(server).toVersion("3")
                .produceSameSchemaAs(master("missing-column"));
    }

    @Test
    void ignoringOptionsNormaliseTheComparison() {
        assertThatMigrations(chain("reversible-fixed")).on(server).ignoringTables("party")
                .produceSameSchemaAs(master("missing-column"));
    }

    @Test
    void usingDiffOptionsKeepsTheEnginesHistoryTableOutUnlessTheOptionsIncludeIt() {
        assertThatMigrations(chain("reversible-fixed")).on(server)
                .usingDiffOptions(DiffOptions.defaults().ignoringComments())
                .produceSameSchemaAs(master("complete"));
        assertThatThrownBy(() -> assertThatMigrations(chain("reversible-fixed")).on(server)
                .usingDiffOptions(DiffOptions.defaults().includingTables(Migrator.DEFAULT_HISTORY_TABLE))
                .produceSameSchemaAs(master("complete")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("""
                          1 difference (1 structure)
                          table driftless_schema_history: added
                        """);
    }

    @Test
    void aChainThatDoesNotMigrateNamesTheChecksDatabaseNotItsGeneratedName() {
        MigrationChain broken = MigrationChain.of("in code", List.of(Migration.of(MigrationVersion.parse("1"), "bad",
                SqlScript.of("1_bad.sql", "SELECT nope;"), null)), List.of());
        assertThatThrownBy(() -> assertThatMigrations(broken).on(server).produceSameSchemaAs(master("complete")))
                .hasMessage("""
                        The migration 1 bad (1_bad.sql) failed and was rolled back; the check's database stays at \
                        version <empty>.
                        1_bad.sql:1:8 [42703] column "nope" does not exist
                          1 | SELECT nope;
                            |        ^""");
    }

    @Test
    void areReversiblePassesOnTheFixedChain() {
        assertThatMigrations(chain("reversible-fixed")).on(server).areReversible();
    }

    @Test
    void areReversibleNamesMigration3AndTheIndexItsDownScriptForgets() {
        assertFailure("areReversibleBroken", """

                Expecting actual:
                  migration chain classpath:chains/reversible-broken
                to be reversible (down restores the schema before up; up again gives the schema of the first up)
                but 1 migration is not:
                  003 booking index (classpath:chains/reversible-broken/003_booking_index.sql):
                    down does not restore the schema before up (before up → after down):
                      1 difference (1 structure)
                      table booking: index booking_party_id_idx: added (CREATE INDEX booking_party_id_idx ON public.booking USING btree (party_id))
                    up again failed:
                      The migration 003 booking index (classpath:chains/reversible-broken/003_booking_index.sql) failed and was rolled back; the check's database stays at version 002.
                      classpath:chains/reversible-broken/003_booking_index.sql:1:1 [42P07] relation "booking_party_id_idx" already exists
                        1 | CREATE INDEX booking_party_id_idx ON booking (party_id);""", () -> assertThatMigrations(chain("reversible-broken")).on(server).areReversible());
    }

    @Test
    void migrationsWithoutDownScriptsAreReportedAndFailOnlyWhenAsked() {
        assertThatMigrations(chain("no-down")).on(server).areReversible();
        assertFailure("areReversibleMissingDown", """

                Expecting actual:
                  migration chain classpath:chains/no-down
                to be reversible (down restores the schema before up; up again gives the schema of the first up)
                but these migrations have no down script:
                  002 booking (classpath:chains/no-down/002_booking.sql)""", () -> assertThatMigrations(chain("no-down")).on(server).failingOnMissingDownScripts()
                .areReversible());
    }

    @Test
    void aColumnOrderChangeIsReportedAsSuchAndCanBeAccepted() {
        assertThatMigrations(chain("column-order")).on(server).acceptingColumnOrderChanges().areReversible();
        assertFailure("areReversibleColumnOrder", """

                Expecting actual:
                  migration chain classpath:chains/column-order
                to be reversible (down restores the schema before up; up again gives the schema of the first up)
                but 1 migration is not:
                  002 drop b (classpath:chains/column-order/002_drop_b.sql) (column order only):
                    down does not restore the schema before up (before up → after down):
                      1 difference (1 column order)
                      table item: column order a, b, c → a, c, b [column order]""", () -> assertThatMigrations(chain("column-order")).on(server).areReversible());
    }

    @Test
    void areIdempotentPassesForAMasterSchemaWithIfNotExists() {
        assertThatMigrations(MigrationChain.ofMasterSchema(master("idempotent"))).on(server).areIdempotent();
    }

    @Test
    void areIdempotentCatchesACreateIndexWithoutIfNotExists() {
        assertFailure("areIdempotent", """

                Expecting actual:
                  migration chain classpath:master/index-without-if-not-exists.sql
                to be idempotent (each script runs twice without error, leaving the same schema)
                but 1 migration is not:
                  1 index-without-if-not-exists (classpath:master/index-without-if-not-exists.sql):
                    the second run failed:
                      classpath:master/index-without-if-not-exists.sql:14:1 [42P07] relation "booking_party_id_idx" already exists
                        14 | CREATE INDEX booking_party_id_idx ON booking (party_id);
                      The script ran in one transaction, which was rolled back: nothing of it was applied.""", () -> assertThatMigrations(MigrationChain.ofMasterSchema(master("index-without-if-not-exists")))
                .on(server).areIdempotent());
    }

    private static Migration migration(String version, String up, String down) {
        return Migration.of(MigrationVersion.parse(version), "step " + version, SqlScript.of(version + ".sql", up),
                down == null ? null : SqlScript.of(version + ".down.sql", down));
    }

    @Test
    void areIdempotentCatchesASecondRunThatChangesTheSchema() {
        MigrationChain chain = MigrationChain.of("counting", List.of(migration("1", """
                DO $$ BEGIN
                    EXECUTE format('CREATE TABLE t_%s (id int)',
                        (SELECT count(*) FROM pg_class WHERE relname LIKE 't\\_%' AND relkind = 'r'));
                END $$;
                """, null)), List.of());
        assertFailure("areIdempotentSchemaChange", """

                Expecting actual:
                  migration chain counting
                to be idempotent (each script runs twice without error, leaving the same schema)
                but 1 migration is not:
                  1 step 1 (1.sql):
                    the second run changes the schema (after the first run → after the second):
                      1 difference (1 structure)
                      table t_1: added""", () -> assertThatMigrations(chain).on(server).areIdempotent());
    }

    @Test
    void areReversibleReportsADownScriptThatFails() {
        MigrationChain chain = MigrationChain.of("failing-down", List.of(
                migration("1", "CREATE TABLE a (id int);", "DROP TABLE a;"),
                migration("2", "CREATE TABLE b (id int);", "DROP TABLE bb;")), List.of());
        assertFailure("areReversibleDownFails", """

                Expecting actual:
                  migration chain failing-down
                to be reversible (down restores the schema before up; up again gives the schema of the first up)
                but 1 migration is not:
                  2 step 2 (2.sql):
                    down failed:
                      The down script 2.down.sql of migration 2 step 2 failed and was rolled back; the check's database stays at version 2.
                      2.down.sql:1:1 [42P01] table "bb" does not exist
                        1 | DROP TABLE bb;""", () -> assertThatMigrations(chain).on(server).areReversible());
    }

    @Test
    void areIdempotentChecksEveryMigrationOfAChain() {
        String message = messageOf(() -> assertThatMigrations(chain("reversible-fixed")).on(server).areIdempotent());
        assertThat(message).contains("but 4 migrations are not:", "001 party", "004 party email");
    }

    private static final Fixture PARTIES = Fixture.parse("parties.yml", """
            party:
              - display_name: Alice
                status: Active
              - display_name: Bob
                status: Active
              - display_name: Carol
                status: Inactive
            """);

    @Test
    void preserveDataPassesWhenACountQueryFollowsARenamedTable() {
        assertThatMigrations(chain("preserve")).on(server).toVersion("2")
                .preserveData(PARTIES, Map.of("party", "SELECT count(*) FROM person"));
        assertThatMigrations(chain("preserve")).on(server).fromVersion("1").toVersion("1").preserveData(PARTIES);
    }

    @Test
    void preserveDataFailsWhenRowsAreLost() {
        assertFailure("preserveDataLost", """

                Expecting actual:
                  migration chain classpath:chains/preserve migrated from 001 to 003
                to keep every row of:
                  Fixture[3 rows in [party]]
                but these tables lost rows (rows at 001 → rows after migrating):
                  party: 3 → 2 (SELECT count(*) FROM person)""", () -> assertThatMigrations(chain("preserve")).on(server)
                .preserveData(PARTIES, Map.of("party", "SELECT count(*) FROM person")));
    }

    @Test
    void preserveDataSaysWhatToDoWhenATableIsGone() {
        assertFailure("preserveDataGone", """

                Expecting actual:
                  migration chain classpath:chains/preserve migrated from 001 to 002
                to keep every row of:
                  Fixture[3 rows in [party]]
                but these tables lost rows (rows at 001 → rows after migrating):
                  party: 3 → cannot count: [42P01] relation "party" does not exist; if the migration renamed or moved it, give a query counting its rows: preserveData(fixture, Map.of("party", "SELECT count(*) FROM ..."))""", () -> assertThatMigrations(chain("preserve")).on(server).toVersion("2")
                .preserveData(PARTIES));
    }

    @Test
    void aCheckWithoutServerSaysHowToGiveOne() {
        assertThatThrownBy(() -> assertThatMigrations(chain("preserve")).areReversible())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No server to run the migration checks on: call on(server) first, e.g."
                        + " assertThatMigrations(chain).on(PostgresServer.shared()).areReversible().");
    }
}
