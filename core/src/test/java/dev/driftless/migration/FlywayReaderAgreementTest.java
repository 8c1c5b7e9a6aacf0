package dev.driftless.migration;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Driftless's own reading of a Flyway folder agrees with the real Flyway on what it accepts: the same versions (shown
 * as Flyway shows them), descriptions and schema; and what only Flyway can run, a callback, is refused with what to do.
 */
class FlywayReaderAgreementTest {

    private static final String PLAIN = "classpath:flyway/plain";

    private final PostgresServer server = TestServers.embedded();

    private static MigrationEngine flyway() {
        return FlywaySettings.defaults().withEnvironment(Map.of()).withLocations(PLAIN).engine();
    }

    private static List<String> steps(MigrationEngine engine, Database db) {
        return engine.migrations(db).stream().map(m -> m.version() + " " + m.description()
                + (m.down().isPresent() ? " (undo)" : "")).toList();
    }

    @Test
    void bothEnginesListTheSameVersionsAndDescriptions() {
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            MigrationEngine own = MigrationEngine.driftless(MigrationChain.at(PLAIN));

            assertThat(steps(own, db)).containsExactly("1 create room", "1.1 room capacity",
                    "1.12.15 Room notes and colour (undo)", "2 room booking (undo)");
            assertThat(steps(flyway(), db)).isEqualTo(steps(own, db));
        }
    }

    @Test
    void bothEnginesBuildTheSameSchemaAndRevertAlike() {
        ChainChecks checks = ChainChecks.on(server);
        MigrationEngine own = MigrationEngine.driftless(MigrationChain.at(PLAIN));

        CheckResult same = checks.sameSchema(flyway(), MigrationVersion.parse("2"), own);
        List<Verdict> ownReverts = checks.reversibility(own).stream().map(CheckResult::verdict).toList();
        List<Verdict> flywayReverts = checks.reversibility(flyway()).stream().map(CheckResult::verdict).toList();

        assertThat(same.verdict()).as(same.comparisons().get(0).diff().toText()).isEqualTo(Verdict.PASSED);
        assertThat(ownReverts).containsExactly(Verdict.SKIPPED, Verdict.SKIPPED, Verdict.PASSED, Verdict.PASSED);
        assertThat(flywayReverts).isEqualTo(ownReverts);
    }

    @Test
    void theSchemasDifferWhenTheChainsDo(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("V1__create_room.sql"), "CREATE TABLE room (id integer PRIMARY KEY);\n");
        MigrationEngine other = MigrationEngine.driftless(MigrationChain.at(root.toString()));

        CheckResult same = ChainChecks.on(server).sameSchema(flyway(), MigrationVersion.parse("1"), other);

        assertThat(same.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(same.comparisons().get(0).diff().toText()).isEqualTo("""
                3 differences (3 structure)
                table room: column name: added (text not null)
                table room: constraint room_name_key: added (UNIQUE (name))
                view room_overview: added
                """);
    }

    @Test
    void aPlaceholderIsAWarningThatNamesTheFlywayEngine() {
        assertThat(MigrationChain.at("classpath:flyway/studio/migration").warnings()).containsExactly(
                "classpath:flyway/studio/migration/B3__studio_baseline.sql:19: ${booking_status} is a Flyway"
                        + " placeholder, which Driftless's own runner does not replace; migrate with the Flyway engine"
                        + " (FlywaySettings, docs/engines.md)",
                "classpath:flyway/studio/migration/U2__create_booking.sql:1: ${flyway:defaultSchema} is a Flyway"
                        + " placeholder, which Driftless's own runner does not replace; migrate with the Flyway engine"
                        + " (FlywaySettings, docs/engines.md)",
                "classpath:flyway/studio/migration/V2__create_booking.sql:9: ${booking_status} is a Flyway"
                        + " placeholder, which Driftless's own runner does not replace; migrate with the Flyway engine"
                        + " (FlywaySettings, docs/engines.md)",
                "classpath:flyway/studio/migration/V5__rate_card_currency.sql:5: ${currency} is a Flyway"
                        + " placeholder, which Driftless's own runner does not replace; migrate with the Flyway engine"
                        + " (FlywaySettings, docs/engines.md)");
        assertThat(MigrationChain.at(PLAIN).warnings()).isEmpty();
    }

    @Test
    void aCallbackIsRefusedWithWhatToDo(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("V1__create_room.sql"), "CREATE TABLE room (id integer PRIMARY KEY);\n");
        Files.writeString(root.resolve("afterMigrate.sql"), "ANALYZE;\n");
        Files.writeString(root.resolve("beforeEachMigrate__lock_timeout.sql"), "SET lock_timeout = '5s';\n");

        assertThatThrownBy(() -> MigrationChain.at(root.toString(), Layout.FLYWAY))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at '" + root + "' (Flyway layout) is invalid:\n  - " + root.resolve("afterMigrate.sql")
                        + " is a Flyway callback, which only Flyway runs: add org.flywaydb:flyway-core and"
                        + " org.flywaydb:flyway-database-postgresql to the test dependencies to run callbacks, and"
                        + " migrate with the Flyway engine (FlywaySettings, docs/engines.md)\n  - "
                        + root.resolve("beforeEachMigrate__lock_timeout.sql") + " is a Flyway callback, which only"
                        + " Flyway runs: add org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql to"
                        + " the test dependencies to run callbacks, and migrate with the Flyway engine (FlywaySettings,"
                        + " docs/engines.md)");
    }
}
