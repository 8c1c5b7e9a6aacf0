package dev.driftless.check;

import dev.driftless.check.CheckResult.Kind;
import dev.driftless.check.CheckResult.Step;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.ChangeType;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.ObjectKind;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptException;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ChainChecks}: each check passing and failing, with its results as data. */
class ChainChecksTest {

    private final PostgresServer server = TestServers.embedded();
    private final ChainChecks checks = ChainChecks.on(server);

    private static Migration migration(String version, String up, String down) {
        return Migration.of(MigrationVersion.parse(version), "step " + version, SqlScript.of(version + ".sql", up),
                down == null ? null : SqlScript.of(version + ".down.sql", down));
    }

    private static MigrationChain chain(String name, Migration... migrations) {
        return MigrationChain.of(name, List.of(migrations), List.of());
    }

    private static final MigrationChain PARTY = chain("party",
            migration("1", "CREATE TABLE party (id int PRIMARY KEY);", "DROP TABLE party;"),
            migration("2", "ALTER TABLE party ADD COLUMN email text;", "ALTER TABLE party DROP COLUMN email;"));

    /** What each result says, in one comparable line: version, verdict, steps that differ, step that failed. */
    private static List<String> verdicts(List<CheckResult> results) {
        List<String> lines = new ArrayList<>();
        for (CheckResult r : results) {
            lines.add(r.migration().map(m -> m.version().toString()).orElse("-") + " " + r.verdict()
                    + r.differences().stream().map(c -> " differs after " + c.step()).reduce("", String::concat)
                    + r.failure().map(f -> " failed at " + f.step()).orElse(""));
        }
        return lines;
    }

    @Test
    void sameSchemaPassesAndKeepsBothSchemas() {
        CheckResult result = checks.sameSchema(PARTY, PARTY.latestVersion(),
                SqlScript.of("schema.sql", "CREATE TABLE party (id int PRIMARY KEY, email text);"));

        assertThat(result.kind()).isEqualTo(Kind.SAME_SCHEMA);
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.migration()).isEmpty();
        CheckResult.Comparison comparison = result.comparison(Step.MIGRATED).orElseThrow();
        assertThat(comparison.diff().isEmpty()).isTrue();
        assertThat(comparison.from().table("party")).isPresent();
        assertThat(comparison.to().table("party")).isPresent();
    }

    @Test
    void sameSchemaFailsWithTheDiffFromTheMasterSchemaToTheChain() {
        CheckResult result = checks.sameSchema(PARTY, PARTY.latestVersion(),
                SqlScript.of("schema.sql", "CREATE TABLE party (id int PRIMARY KEY);"));

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.differences()).hasSize(1);
        assertThat(result.comparison(Step.MIGRATED).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table party: column email: added (text)
                """);
    }

    @Test
    void sameSchemaComparesWithAnotherChainAndAtAnEarlierVersion() {
        MigrationChain squashed = chain("squashed",
                migration("1", "CREATE TABLE party (id int PRIMARY KEY, email text);", null));
        assertThat(checks.sameSchema(PARTY, PARTY.latestVersion(), squashed).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(checks.sameSchema(PARTY, MigrationVersion.parse("1"), squashed).verdict())
                .isEqualTo(Verdict.FAILED);
    }

    @Test
    void aMasterSchemaThatDoesNotRunIsBrokenInputNotAVerdict() {
        assertThatThrownBy(() -> checks.sameSchema(PARTY, PARTY.latestVersion(),
                SqlScript.of("schema.sql", "CREATE TABLE party (id int PRIMARY KEY;")))
                .isInstanceOf(ScriptException.class)
                .hasMessage("""
                        schema.sql:1:39 [42601] syntax error at or near ";"
                          1 | CREATE TABLE party (id int PRIMARY KEY;
                            |                                       ^
                        The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    @Test
    void reversibilityPassesMigrationsThatRevertAndSkipsThoseWithoutDown() {
        MigrationChain chain = chain("mixed",
                migration("1", "CREATE TABLE party (id int PRIMARY KEY);", null),
                migration("2", "CREATE TABLE booking (id int, party_id int REFERENCES party);", "DROP TABLE booking;"),
                migration("3", "CREATE INDEX booking_party_idx ON booking (party_id);", "DROP INDEX booking_party_idx;"));

        List<CheckResult> results = checks.reversibility(chain);

        assertThat(verdicts(results)).containsExactly("1 SKIPPED", "2 PASSED", "3 PASSED");
        assertThat(results).allMatch(r -> r.kind() == Kind.REVERSIBILITY && r.comparisons().isEmpty());
    }

    @Test
    void reversibilityReportsADownThatLeavesAnIndexAndTheUpAgainThatThenFails() {
        MigrationChain chain = chain("residue",
                migration("1", "CREATE TABLE party (id int PRIMARY KEY, name text);", "DROP TABLE party;"),
                migration("2", "CREATE INDEX party_name_idx ON party (name);", "SELECT 1;"),
                migration("3", "ALTER TABLE party ADD COLUMN email text;", "ALTER TABLE party DROP COLUMN email;"));

        List<CheckResult> results = checks.reversibility(chain);

        assertThat(verdicts(results)).containsExactly("1 PASSED", "2 FAILED differs after DOWN failed at UP_AGAIN",
                "3 PASSED");
        CheckResult two = results.get(1);
        assertThat(two.comparison(Step.DOWN).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table party: index party_name_idx: added (CREATE INDEX party_name_idx ON public.party USING btree (name))
                """);
        CheckResult.Failure failure = two.failure().orElseThrow();
        assertThat(failure.error()).isInstanceOf(MigrationException.class);
        assertThat(failure.message()).isEqualTo("""
                The migration 2 step 2 (2.sql) failed and was rolled back; the check's database stays at version 1.
                2.sql:1:1 [42P07] relation "party_name_idx" already exists
                  1 | CREATE INDEX party_name_idx ON party (name);""");
        assertThat(failure.scriptFailure()).map(ScriptException::line).contains(1);
    }

    @Test
    void aDownScriptThatLeavesAnApplicationTableNamedSchemaMigrationsIsCaught() {
        MigrationChain chain = chain("named like history",
                migration("1", "CREATE TABLE party (id int PRIMARY KEY);", "DROP TABLE party;"),
                migration("2", "ALTER TABLE party ADD COLUMN email text;",
                        "ALTER TABLE party DROP COLUMN email; CREATE TABLE schema_migrations (id int, note text);"));

        List<CheckResult> results = checks.reversibility(chain);

        assertThat(verdicts(results))
                .containsExactly("1 PASSED", "2 FAILED differs after DOWN differs after UP_AGAIN");
        assertThat(results.get(1).comparison(Step.DOWN).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table schema_migrations: added
                """);
    }

    @Test
    void theEnginesHistoryTableStaysLeftOutWithTheUsersOptionsUnlessIncluded() {
        SqlScript master = SqlScript.of("master.sql", "CREATE TABLE party (id int PRIMARY KEY, email text);");
        ChainChecks ownOptions = checks.usingDiffOptions(DiffOptions.defaults().ignoringComments());
        assertThat(ownOptions.sameSchema(PARTY, PARTY.latestVersion(), master).verdict()).isEqualTo(Verdict.PASSED);

        CheckResult included = checks.usingDiffOptions(DiffOptions.defaults().includingTables(
                Migrator.DEFAULT_HISTORY_TABLE)).sameSchema(PARTY, PARTY.latestVersion(), master);
        assertThat(included.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(included.comparison(Step.MIGRATED).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table driftless_schema_history: added
                """);
    }

    @Test
    void reversibilityComparesUpAgainWithTheFirstUp() {
        // The down script drops the table but leaves the counter's row: up again names the table after two rows.
        MigrationChain chain = chain("counting",
                migration("1", "CREATE TABLE counter (n int);", null),
                migration("2", """
                        INSERT INTO counter VALUES (1);
                        DO $$ BEGIN EXECUTE format('CREATE TABLE t_%s (id int)', (SELECT count(*) FROM counter)); END $$;
                        """, "DROP TABLE IF EXISTS t_1, t_2;"));

        List<CheckResult> results = checks.reversibility(chain);

        assertThat(verdicts(results)).containsExactly("1 SKIPPED", "2 FAILED differs after UP_AGAIN");
        assertThat(results.get(1).comparison(Step.UP_AGAIN).orElseThrow().diff().toText()).isEqualTo("""
                2 differences (2 structure)
                table t_1: removed
                table t_2: added
                """);
    }

    @Test
    void reversibilityReportsADownScriptThatFails() {
        MigrationChain chain = chain("failing-down",
                migration("1", "CREATE TABLE a (id int);", "DROP TABLE a;"),
                migration("2", "CREATE TABLE b (id int);", "DROP TABLE bb;"),
                migration("3", "CREATE TABLE c (id int);", "DROP TABLE c;"));

        List<CheckResult> results = checks.reversibility(chain);

        assertThat(verdicts(results)).containsExactly("1 PASSED", "2 FAILED failed at DOWN", "3 PASSED");
        assertThat(results.get(1).failure().orElseThrow().message()).isEqualTo("""
                The down script 2.down.sql of migration 2 step 2 failed and was rolled back; the check's database \
                stays at version 2.
                2.down.sql:1:1 [42P01] table "bb" does not exist
                  1 | DROP TABLE bb;""");
    }

    @Test
    void aColumnOrderChangeFailsUnlessAccepted() {
        MigrationChain chain = chain("column-order",
                migration("1", "CREATE TABLE item (a int, b int, c int);", "DROP TABLE item;"),
                migration("2", "ALTER TABLE item DROP COLUMN b;", "ALTER TABLE item ADD COLUMN b int;"));

        CheckResult strict = checks.reversibility(chain).get(1);
        CheckResult accepted = checks.acceptingColumnOrderChanges().reversibility(chain).get(1);

        assertThat(strict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(strict.differsInColumnOrderOnly()).isTrue();
        assertThat(accepted.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(accepted.differences()).extracting(CheckResult.Comparison::step).containsExactly(Step.DOWN);
        assertThat(accepted.comparison(Step.DOWN).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 column order)
                table item: column order a, b, c → a, c, b [column order]
                """);
    }

    // The schema of a view over 'now'::timestamp holds the moment it was created, so two builds of the same version
    // differ: "before" must come from the very database the migration then runs on, never from an earlier build.

    private static final String CLOCK = "CREATE TABLE event (id int PRIMARY KEY, at timestamp NOT NULL);\n"
            + "CREATE VIEW deploy_clock AS SELECT 'now'::timestamp AS deployed_at;";

    private static Migration[] clockChain(String clockDown, String twoDown) {
        return new Migration[] {
            migration("1", CLOCK, clockDown),
            migration("2", "CREATE TABLE party (id int PRIMARY KEY);", twoDown),
            migration("3", "ALTER TABLE party ADD COLUMN name text;", "ALTER TABLE party DROP COLUMN name;"),
            migration("4", "CREATE INDEX event_at_idx ON event (at);", "DROP INDEX event_at_idx;")};
    }

    @Test
    void aViewOverANowLiteralInAnEarlierMigrationPassesEveryLaterCheck() {
        List<CheckResult> results = checks.reversibility(chain("clock", clockChain(null, "DROP TABLE party;")));

        assertThat(verdicts(results)).containsExactly("1 SKIPPED", "2 PASSED", "3 PASSED", "4 PASSED");
    }

    @Test
    void afterAFailedMigrationTheNextBeforeIsReadFromTheNewDatabase() {
        // 2's down forgets its table; the walk goes on in a new database, whose view holds another moment.
        List<CheckResult> results = checks.reversibility(chain("clock-residue", clockChain(null, "SELECT 1;")));

        assertThat(verdicts(results)).containsExactly("1 SKIPPED", "2 FAILED differs after DOWN failed at UP_AGAIN",
                "3 PASSED", "4 PASSED");
    }

    @Test
    void aViewOverANowLiteralIsReportedOnlyWhereItIsBuiltTwice() {
        List<CheckResult> results = checks.reversibility(chain("clock-down",
                clockChain("DROP VIEW deploy_clock; DROP TABLE event;", "DROP TABLE party;")));

        assertThat(verdicts(results)).containsExactly("1 FAILED differs after UP_AGAIN", "2 PASSED", "3 PASSED",
                "4 PASSED");
        assertThat(results.get(0).comparison(Step.UP_AGAIN).orElseThrow().diff().changes())
                .singleElement().satisfies(change -> {
                    assertThat(change.object().kind()).isEqualTo(ObjectKind.VIEW);
                    assertThat(change.object().name()).isEqualTo("deploy_clock");
                    assertThat(change.type()).isEqualTo(ChangeType.CHANGED);
                    assertThat(change.property()).isEqualTo("definition");
                });
    }

    @Test
    void masterSchemaIdempotencyPassesForIfNotExists() {
        CheckResult result = checks.masterSchemaIdempotency(SqlScript.of("schema.sql", """
                CREATE TABLE IF NOT EXISTS party (id int PRIMARY KEY);
                CREATE INDEX IF NOT EXISTS party_id_idx ON party (id);
                """));

        assertThat(result.kind()).isEqualTo(Kind.MASTER_SCHEMA_IDEMPOTENCY);
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.comparison(Step.SECOND_RUN).orElseThrow().diff().isEmpty()).isTrue();
    }

    @Test
    void masterSchemaIdempotencyReportsASecondRunThatFails() {
        CheckResult result = checks.masterSchemaIdempotency(SqlScript.of("schema.sql", """
                CREATE TABLE IF NOT EXISTS party (id int PRIMARY KEY);
                CREATE INDEX party_id_idx ON party (id);
                """));

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.failure().orElseThrow().step()).isEqualTo(Step.SECOND_RUN);
        assertThat(result.failure().orElseThrow().error()).isInstanceOf(ScriptException.class);
        assertThat(result.failure().orElseThrow().message()).isEqualTo("""
                schema.sql:2:1 [42P07] relation "party_id_idx" already exists
                  2 | CREATE INDEX party_id_idx ON party (id);
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    private static final String COUNTING = """
            DO $$ BEGIN
                EXECUTE format('CREATE TABLE t_%s (id int)',
                    (SELECT count(*) FROM pg_class WHERE relname LIKE 't\\_%' AND relkind = 'r'));
            END $$;
            """;

    @Test
    void masterSchemaIdempotencyReportsASecondRunThatChangesTheSchema() {
        CheckResult result = checks.masterSchemaIdempotency(SqlScript.of("schema.sql", COUNTING));

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.failure()).isEmpty();
        assertThat(result.comparison(Step.SECOND_RUN).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table t_1: added
                """);
    }

    @Test
    void migrationIdempotencyJudgesEachUpScriptAndGoesOnAfterAFailure() {
        MigrationChain chain = chain("per-migration",
                migration("1", "CREATE TABLE IF NOT EXISTS party (id int PRIMARY KEY);", null),
                migration("2", "CREATE INDEX party_id_idx ON party (id);", null),
                migration("3", COUNTING, null),
                migration("4", "ALTER TABLE party ADD COLUMN IF NOT EXISTS email text;", null));

        List<CheckResult> results = checks.migrationIdempotency(chain);

        assertThat(verdicts(results)).containsExactly("1 PASSED", "2 FAILED failed at SECOND_RUN",
                "3 FAILED differs after SECOND_RUN", "4 PASSED");
        assertThat(results).allMatch(r -> r.kind() == Kind.MIGRATION_IDEMPOTENCY);
    }

    @Test
    void migrationIdempotencyThroughTheEngineReachesTheVerdictsOfTheChain() {
        MigrationChain chain = chain("per-migration",
                migration("1", "CREATE TABLE IF NOT EXISTS party (id int PRIMARY KEY);", null),
                migration("2", "CREATE INDEX party_id_idx ON party (id);", null),
                migration("3", COUNTING, null),
                migration("4", "ALTER TABLE party ADD COLUMN IF NOT EXISTS email text;", null));

        List<CheckResult> results = checks.migrationIdempotency(MigrationEngine.driftless(chain));

        assertThat(verdicts(results)).isEqualTo(verdicts(checks.migrationIdempotency(chain))).containsExactly(
                "1 PASSED", "2 FAILED failed at SECOND_RUN", "3 FAILED differs after SECOND_RUN", "4 PASSED");
        assertThat(results).allMatch(r -> r.kind() == Kind.MIGRATION_IDEMPOTENCY);
        assertThat(results.get(1).failure().orElseThrow().message()).isEqualTo("""
                The migration 2 step 2 (2.sql) failed and was rolled back; the check's database stays at version 1.
                2.sql:1:1 [42P07] relation "party_id_idx" already exists
                  1 | CREATE INDEX party_id_idx ON party (id);""");
        assertThat(results.get(2).comparison(Step.SECOND_RUN).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table t_1: added
                """);
    }

    @Test
    void forgettingAMigrationRunsItAgainAndOnlyTheNewestCanBeForgotten() {
        MigrationEngine engine = MigrationEngine.driftless(PARTY);
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            engine.migrateToLatest(db);
            Migration first = PARTY.migrations().get(0);
            Migration second = PARTY.migrations().get(1);

            assertThatThrownBy(() -> engine.forget(db, first)).isInstanceOf(MigrationException.class)
                    .hasMessage("Cannot forget 1 step 1 (1.sql): database " + db.name() + " is at version 2, and"
                            + " only the newest migration can be forgotten");
            engine.forget(db, second);

            assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString).containsExactly("1");
            assertThatThrownBy(() -> engine.migrate(db, second.version())).isInstanceOf(MigrationException.class)
                    .hasMessageStartingWith("The migration 2 step 2 (2.sql) failed and was rolled back; database "
                            + db.name() + " stays at version 1.");
        }
    }

    private static final MigrationChain RENAMING = chain("renaming",
            migration("1", "CREATE TABLE party (id int PRIMARY KEY, active boolean NOT NULL);", null),
            migration("2", "ALTER TABLE party RENAME TO person;", null),
            migration("3", "DELETE FROM person WHERE NOT active;", null));

    private static void insertParties(Database db) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO party VALUES (1, true), (2, true), (3, false)");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void dataPreservationCountsEveryTableBeforeAndAfter() {
        DataPreservation kept = checks.dataPreservation(RENAMING, MigrationVersion.parse("1"),
                MigrationVersion.parse("2"), ChainChecksTest::insertParties, List.of("party"),
                Map.of("party", "SELECT count(*) FROM person"));

        assertThat(kept.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(kept.tables()).containsExactly(new DataPreservation.TableRows("party", 3, OptionalLong.of(3),
                Optional.of("SELECT count(*) FROM person"), Optional.empty()));
    }

    @Test
    void dataPreservationReportsLostRowsAndTablesItCannotCount() {
        DataPreservation lost = checks.dataPreservation(RENAMING, MigrationVersion.parse("1"),
                MigrationVersion.parse("3"), ChainChecksTest::insertParties, List.of("party"),
                Map.of("party", "SELECT count(*) FROM person"));
        DataPreservation gone = checks.dataPreservation(RENAMING, MigrationVersion.parse("1"),
                MigrationVersion.parse("2"), ChainChecksTest::insertParties, List.of("party"), Map.of());

        assertThat(lost.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(lost.lost()).singleElement().satisfies(rows -> {
            assertThat(rows.before()).isEqualTo(3);
            assertThat(rows.after()).hasValue(2);
        });
        assertThat(gone.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(gone.lost()).singleElement().satisfies(rows -> {
            assertThat(rows.after()).isEmpty();
            assertThat(rows.error().orElseThrow().headline()).isEqualTo("[42P01] relation \"party\" does not exist");
        });
    }

    @Test
    void progressGoesWhereItIsSent() {
        List<String> lines = new ArrayList<>();
        checks.reportingProgressTo(lines::add).reversibility(PARTY);

        assertThat(lines).containsExactly(
                "Reversibility 1/2: applying, reverting and applying again 1 step 1 (1.sql) ...",
                "Reversibility 2/2: applying, reverting and applying again 2 step 2 (2.sql) ...");
    }
}
