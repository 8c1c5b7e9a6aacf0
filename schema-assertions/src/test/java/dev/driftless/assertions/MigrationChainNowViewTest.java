package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code areReversible} on chains whose first migration creates a view over a {@code 'now'::timestamp} literal: the
 * view holds the moment it was created, so two builds of the same version differ. Each migration's "before" is read
 * from the very database it then runs on, so the later migrations that revert exactly pass, even after a migration
 * that failed made the check start over in a new database.
 */
class MigrationChainNowViewTest {

    private final PostgresServer server = Schemas.server();

    private static Migration migration(String version, String up, String down) {
        return Migration.of(MigrationVersion.parse(version), "step " + version, SqlScript.of(version + ".sql", up),
                down == null ? null : SqlScript.of(version + ".down.sql", down));
    }

    private static MigrationChain clockChain(String name, String twoDown) {
        return MigrationChain.of(name, List.of(
                migration("1", "CREATE TABLE event (id int PRIMARY KEY, at timestamp NOT NULL);\n"
                        + "CREATE VIEW deploy_clock AS SELECT 'now'::timestamp AS deployed_at;", null),
                migration("2", "CREATE TABLE party (id int PRIMARY KEY);", twoDown),
                migration("3", "ALTER TABLE party ADD COLUMN name text;", "ALTER TABLE party DROP COLUMN name;"),
                migration("4", "CREATE INDEX event_at_idx ON event (at);", "DROP INDEX event_at_idx;")), List.of());
    }

    @Test
    void laterMigrationsThatRevertExactlyPass() {
        assertThatMigrations(clockChain("clock", "DROP TABLE party;")).on(server).areReversible();
    }

    @Test
    void afterAMigrationThatFailsOnlyThatMigrationIsReported() {
        assertThatThrownBy(() -> assertThatMigrations(clockChain("clock-residue", "SELECT 1;")).on(server)
                .areReversible())
                .hasMessage("""

                        Expecting actual:
                          migration chain clock-residue
                        to be reversible (down restores the schema before up; up again gives the schema of the first up)
                        but 1 migration is not:
                          2 step 2 (2.sql):
                            down does not restore the schema before up (before up → after down):
                              1 difference (1 structure)
                              table party: added
                            up again failed:
                              The migration 2 step 2 (2.sql) failed and was rolled back; the check's database stays at version 1.
                              2.sql:1:1 [42P07] relation "party" already exists
                                1 | CREATE TABLE party (id int PRIMARY KEY);
                        Migrations without a down script (not checked):
                          1 step 1 (1.sql)""");
    }
}
