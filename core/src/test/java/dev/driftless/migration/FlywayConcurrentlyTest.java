package dev.driftless.migration;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code CREATE INDEX CONCURRENTLY} under Flyway's transactional lock would wait forever for Flyway's own open
 * transaction: the engine refuses it up front, and runs it once the lock is off.
 */
class FlywayConcurrentlyTest {

    private final PostgresServer server = TestServers.embedded();
    private final ScratchDatabases scratch = ScratchDatabases.on(server);

    @TempDir
    Path folder;

    @AfterEach
    void dropDatabases() {
        scratch.close();
    }

    private FlywaySettings chain() throws IOException {
        Files.writeString(folder.resolve("V1__party.sql"), "CREATE TABLE party (id bigint PRIMARY KEY, name text);\n");
        Files.writeString(folder.resolve("V2__party_name_idx.sql"),
                "-- built without blocking writes\nCREATE INDEX CONCURRENTLY party_name_idx ON party (name);\n");
        return FlywaySettings.defaults().withLocations("filesystem:" + folder).withWorkingDirectory(folder)
                .withEnvironment(java.util.Map.of());
    }

    @Test
    void aConcurrentIndexUnderFlywaysTransactionalLockIsRefusedBeforeAnythingRuns() throws IOException {
        MigrationEngine engine = chain().engine();
        Database database = scratch.create();

        assertThatThrownBy(() -> engine.migrateToLatest(database))
                .isInstanceOf(MigrationException.class)
                .hasMessage(engine.name() + " would wait forever: CREATE INDEX CONCURRENTLY at "
                        + folder.resolve("V2__party_name_idx.sql") + ":2 cannot run inside a transaction block, so"
                        + " Flyway runs it outside one, where it waits for every open transaction to end, and Flyway"
                        + " keeps its lock in one (postgresql.transactional.lock,"
                        + " on by default), so the run never finishes, in production too. Set"
                        + " postgresql.transactional.lock=false: flyway.postgresql.transactional.lock = false in"
                        + " flyway.conf, FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false, or"
                        + " with(\"postgresql.transactional.lock\", \"false\") in code");
        assertThat(engine.appliedVersions(database)).isEmpty();
    }

    @Test
    void withTheTransactionalLockOffTheConcurrentIndexIsBuilt() throws IOException {
        MigrationEngine engine = chain().with("postgresql.transactional.lock", "false").engine();
        Database database = scratch.create();

        engine.migrateToLatest(database);

        assertThat(engine.appliedVersions(database)).containsExactly(MigrationVersion.parse("1"),
                MigrationVersion.parse("2"));
    }

    @Test
    void aTargetBelowTheConcurrentIndexRuns() throws IOException {
        MigrationEngine engine = chain().engine();
        Database database = scratch.create();

        engine.migrate(database, MigrationVersion.parse("1"));

        assertThat(engine.appliedVersions(database)).isEqualTo(List.of(MigrationVersion.parse("1")));
    }
}
