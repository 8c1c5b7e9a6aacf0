package dev.driftless.migration;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.check.CheckResult.Step;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.internal.migration.liquibase.LiquibaseEngine;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real Liquibase as a {@link MigrationEngine}, on the studio project of
 * {@code src/test/resources/liquibase/studio}:
 * an XML master changelog that includes a YAML, a formatted-SQL and a JSON changelog and a folder
 * ({@code includeAll}), a {@code test}-context data changeSet, a label, the changelog parameter {@code ${currency}},
 * and one changeSet whose rollback is wrong on purpose.
 */
class LiquibaseEngineTest {

    private static final String MASTER = "classpath:liquibase/studio/db.changelog-master.xml";
    private static final Path STUDIO = Path.of("src/test/resources/liquibase/studio");

    private final PostgresServer server = TestServers.embedded();
    private final ScratchDatabases scratch = ScratchDatabases.on(server);

    private static LiquibaseSettings studio() {
        return LiquibaseSettings.defaults().withChangelog(MASTER);
    }

    @AfterEach
    void dropDatabases() {
        scratch.close();
    }

    @Test
    void eachChangeSetIsOneMigrationNumberedInChangelogOrderAndNamedByIdAuthorAndFile() {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();

        assertThat(engine.name()).isEqualTo("Liquibase 4.33.0");
        assertThat(engine.location()).isEqualTo(MASTER);
        assertThat(engine.migrations(db)).extracting(Migration::toString).containsExactly(
                "1 create-party by ana (liquibase/studio/changes/001-party.yaml)",
                "2 party-email-index by ana (liquibase/studio/changes/001-party.yaml)",
                "3 create-booking-status by ben (liquibase/studio/changes/002-booking.sql)",
                "4 create-booking by ben (liquibase/studio/changes/002-booking.sql)",
                "5 booking-comment by ben (liquibase/studio/changes/002-booking.sql)",
                "6 create-rate-card by chloe (liquibase/studio/changes/003-rate-card.json)",
                "7 booking-starts-index by ben (liquibase/studio/changes/later/010-booking-index.xml)",
                "8 currency-table by chloe (liquibase/studio/changes/later/020-currency.yaml)",
                "9 release-2025.1 by ana (liquibase/studio/changes/later/030-release.xml)",
                "10 studio-test-data by ana (liquibase/studio/db.changelog-master.xml)");
        // the raw SQL of booking-comment has no rollback: Liquibase cannot revert it
        assertThat(engine.migrations(db)).extracting(m -> m.down().isPresent())
                .containsExactly(true, true, true, true, false, true, true, true, true, true);
        // the scripts show the SQL Liquibase makes, the rollback's too
        Migration currency = engine.migrations(db).get(7);
        assertThat(currency.up().content()).isEqualTo("""
                -- changeSet currency-table by chloe (liquibase/studio/changes/later/020-currency.yaml), run by Liquibase
                CREATE TABLE public.currency (code CHAR(3) NOT NULL, name VARCHAR(60), CONSTRAINT currency_pkey PRIMARY KEY (code));
                INSERT INTO public.currency (code) VALUES ('EUR');
                ALTER TABLE public.rate_card ADD CONSTRAINT rate_card_currency_fkey FOREIGN KEY (currency) REFERENCES public.currency (code);
                """);
        assertThat(currency.down().orElseThrow().content()).isEqualTo("""
                -- Liquibase's rollback of changeSet currency-table by chloe (liquibase/studio/changes/later/020-currency.yaml)
                ALTER TABLE public.rate_card DROP CONSTRAINT rate_card_currency_fkey;
                """);
        assertThat(engine.baselines(db)).isEmpty();
        assertThat(engine.withoutBaselines()).isSameAs(engine);
        assertThat(engine.historyTables()).containsExactly("databasechangelog", "databasechangeloglock");
    }

    @Test
    void migratesToATargetChangeSetThenToTheLatestAndLeavesNoLockNorConnection() throws SQLException {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();

        MigrationResult first = engine.migrate(db, MigrationVersion.parse("3"));
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString).containsExactly("1", "2", "3");
        MigrationResult rest = engine.migrateToLatest(db);
        MigrationResult again = engine.migrateToLatest(db);

        assertThat(first.from()).isEqualTo(MigrationVersion.EMPTY);
        assertThat(first.reached()).hasToString("3");
        assertThat(first.applied()).extracting(m -> m.version().toString()).containsExactly("1", "2", "3");
        assertThat(rest.from()).hasToString("3");
        assertThat(rest.reached()).hasToString("10");
        assertThat(rest.applied()).extracting(m -> m.version().toString())
                .containsExactly("4", "5", "6", "7", "8", "9", "10");
        assertThat(again.didNothing()).isTrue();
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        // the changelog parameter's default (<property name="currency" value="EUR"/>) and, without contexts, the data
        assertThat(query(db, "SELECT column_default FROM information_schema.columns WHERE table_name = 'rate_card'"
                + " AND column_name = 'currency'")).containsExactly("'EUR'::bpchar");
        assertThat(query(db, "SELECT name || ' ' || currency || ' ' || hourly_rate FROM rate_card"))
                .containsExactly("Room A, evenings EUR 42.50");
        assertThat(query(db, "SELECT count(*) FROM databasechangelog")).containsExactly("10");
        assertThat(query(db, "SELECT count(*) FROM databasechangeloglock WHERE locked")).containsExactly("0");
        assertThat(query(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid()")).containsExactly("0");
    }

    @Test
    void migratesToALiquibaseTag() throws SQLException {
        LiquibaseEngine engine = (LiquibaseEngine) studio().engine();
        Database db = scratch.create();

        MigrationResult result = engine.migrateToTag(db, "2025.1");

        assertThat(result.reached()).hasToString("9");
        assertThat(engine.appliedVersions(db)).hasSize(9);
        assertThat(query(db, "SELECT tag FROM databasechangelog WHERE tag IS NOT NULL")).containsExactly("2025.1");
        assertThatThrownBy(() -> engine.migrateToTag(db, "2026.1"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The Liquibase changelog classpath:liquibase/studio/db.changelog-master.xml sets no tag"
                        + " 2026.1: its tags are 2025.1");
    }

    @Test
    void aTargetThatIsNotAChangeSetNumberIsATag() throws SQLException {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();

        MigrationResult result = engine.migrate(db, MigrationVersion.parse("2025.1"));

        assertThat(result.reached()).hasToString("9");
        assertThat(query(db, "SELECT tag FROM databasechangelog WHERE tag IS NOT NULL")).containsExactly("2025.1");
        assertThatThrownBy(() -> engine.migrate(db, MigrationVersion.parse("2026.1")))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The Liquibase changelog classpath:liquibase/studio/db.changelog-master.xml sets no tag"
                        + " 2026.1: its tags are 2025.1");
    }

    @Test
    void aTargetAsWrittenMayBeATagThatIsNoVersion() {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();

        assertThat(engine.migrateTo(db, "2025.1").reached()).hasToString("9");
        assertThatThrownBy(() -> engine.migrateTo(db, "release-1"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The Liquibase changelog classpath:liquibase/studio/db.changelog-master.xml sets no tag"
                        + " release-1: its tags are 2025.1");
    }

    @Test
    void liquibasePrintsNothingOfItsOwn() {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();
        engine.migrations(db);
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            engine.migrateToLatest(db);
            engine.revert(db, engine.migrations(db).get(9));
        } finally {
            System.setOut(out);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty(); // no banner, no update summary
    }

    @Test
    void aTargetThatIsNoChangeSetIsRefused() {
        MigrationEngine engine = studio().withContexts("production").engine();
        Database db = scratch.create();

        assertThatThrownBy(() -> engine.migrate(db, MigrationVersion.parse("10")))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The Liquibase changelog classpath:liquibase/studio/db.changelog-master.xml has no"
                        + " changeSet 10: its changeSets are 1 to 9 with contexts production");
    }

    @Test
    void theChangelogBuildsTheMasterSchemaWithItsHistoryTablesLeftOut() throws IOException {
        MigrationEngine engine = studio().engine();
        SqlScript master = SqlScript.of("liquibase/studio/master-schema.sql",
                Files.readString(STUDIO.resolve("master-schema.sql")));

        CheckResult result = ChainChecks.on(server).sameSchema(engine, MigrationVersion.parse("10"), master);

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        CheckResult.Comparison comparison = result.comparison(Step.MIGRATED).orElseThrow();
        assertThat(comparison.diff().toText()).isEqualTo("no differences\n");
        assertThat(comparison.to().table("public.databasechangelog")).isPresent();
        assertThat(comparison.to().table("public.databasechangeloglock")).isPresent();
        assertThat(comparison.from().table("public.databasechangelog")).isEmpty();
    }

    @Test
    void reversibilityRollsEachChangeSetBackWithLiquibaseAndNamesTheWrongRollbackWithItsDifference() {
        List<CheckResult> results = ChainChecks.on(server).reversibility(studio().engine());

        List<String> verdicts = new ArrayList<>();
        for (CheckResult r : results) {
            verdicts.add(r.migration().orElseThrow().version() + " " + r.verdict());
        }
        assertThat(verdicts).containsExactly("1 PASSED", "2 PASSED", "3 PASSED", "4 PASSED", "5 SKIPPED", "6 PASSED",
                "7 PASSED", "8 FAILED", "9 PASSED", "10 PASSED");
        CheckResult wrong = results.get(7);
        assertThat(wrong.migration().orElseThrow())
                .hasToString("8 currency-table by chloe (liquibase/studio/changes/later/020-currency.yaml)");
        assertThat(wrong.comparison(Step.DOWN).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table currency: added
                """);
        // what the rollback left behind makes the changeSet fail when Liquibase applies it again
        assertThat(wrong.failure().orElseThrow().step()).isEqualTo(Step.UP_AGAIN);
        assertThat(wrong.failure().orElseThrow().message()).isEqualTo("""
                Liquibase 4.33.0 could not migrate the check's database to version 8:
                Migration failed for changeset liquibase/studio/changes/later/020-currency.yaml::currency-table::chloe:
                     Reason: ERROR: relation "currency" already exists [Failed SQL: (0) CREATE TABLE public.currency\
                 (code CHAR(3) NOT NULL, name VARCHAR(60), CONSTRAINT currency_pkey PRIMARY KEY (code))]""");
    }

    @Test
    void aChangeSetLiquibaseCannotRollBackIsRefusedWithLiquibasesReason() {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();
        engine.migrate(db, MigrationVersion.parse("5"));
        Migration comment = engine.migrations(db).get(4);

        assertThatThrownBy(() -> engine.revert(db, comment))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Liquibase 4.33.0 could not roll back 5 booking-comment by ben"
                        + " (liquibase/studio/changes/002-booking.sql) in database " + db.name() + ":\n"
                        + "Liquibase does not support automatic rollback generation for raw sql changes (did you mean"
                        + " to specify keyword \"empty\" to ignore rolling back this change?)");
        assertThat(engine.appliedVersions(db)).hasSize(5);
    }

    @Test
    void onlyTheNewestAppliedChangeSetReverts() {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();
        engine.migrate(db, MigrationVersion.parse("2"));

        assertThatThrownBy(() -> engine.revert(db, engine.migrations(db).get(0)))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot revert 1 create-party by ana (liquibase/studio/changes/001-party.yaml):"
                        + " database " + db.name() + " is at version 2, and only the newest changeSet reverts");
    }

    @Test
    void forgetDeletesTheNewestChangeSetsRowAndKeepsItsChanges() throws SQLException {
        LiquibaseEngine engine = (LiquibaseEngine) studio().engine();
        Database db = scratch.create();
        engine.migrate(db, MigrationVersion.parse("2"));

        engine.forget(db, engine.migrations(db).get(1));

        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString).containsExactly("1");
        assertThat(query(db, "SELECT indexname FROM pg_indexes WHERE indexname = 'party_email_idx'"))
                .containsExactly("party_email_idx");
        assertThatThrownBy(() -> engine.forget(db, engine.migrations(db).get(1)))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot forget 2 party-email-index by ana (liquibase/studio/changes/001-party.yaml):"
                        + " database " + db.name() + " is at version 1, and only the newest changeSet can be"
                        + " forgotten");
    }

    @Test
    void contextsLabelsAndParametersSelectAndShapeTheChangeSets() throws SQLException {
        Database production = scratch.create();
        Database test = scratch.create();
        Database withoutReports = scratch.create();

        MigrationEngine productionEngine = studio().withContexts("production").withParameter("currency", "USD")
                .engine();
        productionEngine.migrateToLatest(production);
        studio().withContexts("test").engine().migrateToLatest(test);
        MigrationEngine withoutReportsEngine = studio().withLabels("!reporting").engine();
        withoutReportsEngine.migrateToLatest(withoutReports);

        assertThat(productionEngine.migrations(production)).hasSize(9)
                .noneMatch(m -> m.description().equals("studio-test-data by ana"));
        assertThat(query(production, "SELECT count(*) FROM rate_card")).containsExactly("0");
        assertThat(query(production, "SELECT code FROM currency")).containsExactly("USD");
        assertThat(query(production, "SELECT column_default FROM information_schema.columns WHERE table_name ="
                + " 'rate_card' AND column_name = 'currency'")).containsExactly("'USD'::bpchar");
        assertThat(query(test, "SELECT name FROM rate_card")).containsExactly("Room A, evenings");
        assertThat(withoutReportsEngine.migrations(withoutReports)).extracting(Migration::description)
                .doesNotContain("booking-starts-index by ben").hasSize(9);
        assertThat(query(withoutReports, "SELECT count(*) FROM pg_indexes WHERE indexname = 'booking_starts_idx'"))
                .containsExactly("0");
    }

    @Test
    void theContentKeyCoversEveryIncludedFileAndTheParameters(@TempDir Path root) throws IOException {
        copy(STUDIO, root.resolve("studio"));
        LiquibaseSettings onDisk = LiquibaseSettings.defaults().withWorkingDirectory(root)
                .withChangelog("studio/db.changelog-master.xml");
        String key = onDisk.engine().contentKey().hash();

        assertThat(onDisk.withParameter("currency", "EUR").engine().contentKey().labels()).contains(
                "file studio/db.changelog-master.xml",
                "file studio/changes/001-party.yaml", "file studio/changes/002-booking.sql",
                "file studio/changes/003-rate-card.json", "file studio/changes/later/010-booking-index.xml",
                "file studio/changes/later/020-currency.yaml", "parameter currency", "contexts", "labels");
        assertThat(onDisk.engine().contentKey().hash()).isEqualTo(key);
        assertThat(onDisk.withParameter("currency", "USD").engine().contentKey().hash()).isNotEqualTo(key);
        assertThat(onDisk.withContexts("test").engine().contentKey().hash()).isNotEqualTo(key);
        assertThat(onDisk.withLabels("!reporting").engine().contentKey().hash()).isNotEqualTo(key);
        Path included = root.resolve("studio/changes/later/010-booking-index.xml");
        Files.writeString(included, Files.readString(included).replace("starts_at", "ends_at"));
        assertThat(onDisk.engine().contentKey().hash()).isNotEqualTo(key);
    }

    @Test
    void aChangelogOnDiskMigratesLikeTheOneOnTheClassPath(@TempDir Path root) throws IOException, SQLException {
        copy(STUDIO, root.resolve("studio"));
        Database db = scratch.create();
        MigrationEngine engine = LiquibaseSettings.defaults().withWorkingDirectory(root)
                .withChangelog("studio/db.changelog-master.xml").engine();

        engine.migrateToLatest(db);

        assertThat(engine.migrations(db).get(0)).hasToString("1 create-party by ana (studio/changes/001-party.yaml)");
        assertThat(engine.appliedVersions(db)).hasSize(10);
        assertThat(query(db, "SELECT DISTINCT filename FROM databasechangelog ORDER BY 1")).containsExactly(
                "studio/changes/001-party.yaml", "studio/changes/002-booking.sql", "studio/changes/003-rate-card.json",
                "studio/changes/later/010-booking-index.xml", "studio/changes/later/020-currency.yaml",
                "studio/changes/later/030-release.xml", "studio/db.changelog-master.xml");
    }

    @Test
    void springLiquibasePropertiesAreReadWhenTheSettingsSetNothing(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("application.yml"), """
                spring:
                  liquibase:
                    change-log: classpath:liquibase/studio/db.changelog-master.xml
                    contexts: production
                    label-filter: "!reporting"
                    default-schema: front_desk
                    parameters:
                      currency: CHF
                """);
        Database db = scratch.create();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA front_desk");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()},
                getClass().getClassLoader())) {
            MigrationEngine engine = LiquibaseSettings.defaults().withClassLoader(loader).engine();
            assertThat(engine.location()).isEqualTo(MASTER);
            engine.migrateToLatest(db);
            assertThat(engine.appliedVersions(db)).hasSize(8);
            // the settings in code win over Spring's
            assertThat(LiquibaseSettings.defaults().withClassLoader(loader).withParameter("currency", "GBP")
                    .withContexts("test").engine().contentKey().hash())
                    .isNotEqualTo(engine.contentKey().hash());
        }

        assertThat(query(db, "SELECT code FROM front_desk.currency")).containsExactly("CHF");
        assertThat(query(db, "SELECT count(*) FROM front_desk.databasechangelog")).containsExactly("8");
        assertThat(query(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'booking_starts_idx'"))
                .containsExactly("0");
    }

    @Test
    void withoutLiquibaseOnTheClassPathTheEngineSaysWhatToAdd() throws IOException {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> studio().withClassLoader(bare).engine())
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Liquibase is not on the class path: add org.liquibase:liquibase-core (4.x) to the"
                            + " test dependencies, or use Driftless's own runner"
                            + " (MigrationEngine.driftless(MigrationChain.at(...)))");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static List<String> query(Database db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
