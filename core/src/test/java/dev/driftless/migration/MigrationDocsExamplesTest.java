package dev.driftless.migration;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.GuideSnippets;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Runs the examples of docs/migrations.md, so that they compile and do what the page says. */
class MigrationDocsExamplesTest {

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/migrations.md").assertShowsOnlyCodeFrom("core/src/test/java/dev/driftless/migration/MigrationDocsExamplesTest.java");
    }

    @Test
    void overview() {
        PostgresServer server = TestServers.embedded();
        Database database = server.createDatabase();
        try {
            MigrationChain chain = MigrationChain.at("classpath:db/migrations");   // layout detected
            Migrator migrator = Migrator.of(chain, database);                      // a Database or any DataSource

            migrator.migrateToLatest();                        // every pending migration, oldest first
            migrator.migrateTo("003");                         // up or down to version 003 (compared numerically)
            migrator.migrateTo(MigrationVersion.EMPTY);        // revert everything
            MigrationVersion now = migrator.currentVersion();  // MigrationVersion.EMPTY before the first migration

            assertThat(chain.layout()).contains(Layout.NUMBERED);
            assertThat(migrator.history()).isEmpty();
            assertThat(now).isEqualTo(MigrationVersion.EMPTY);
            migrator.migrateToLatest();
            assertThat(migrator.currentVersion()).hasToString("004");
            migrator.migrateTo("003");
            assertThat(migrator.currentVersion()).hasToString("003");
        } finally {
            server.drop(database);
        }
    }

    @Test
    void whatARunDid() {
        PostgresServer server = TestServers.embedded();
        Database database = server.createDatabase();
        try {
            Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/numbered"), database);

            MigrationResult result = migrator.migrate(MigrationVersion.parse("003"));   // like migrateTo("003")
            MigrationVersion found = result.from();    // <empty>: read once this run held the migration lock
            List<Migration> applied = result.applied();  // 001, 002, 003, in the order they ran
            MigrationVersion reached = result.reached(); // 003

            assertThat(found).isEqualTo(MigrationVersion.EMPTY);
            assertThat(applied).extracting(m -> m.version().toString()).containsExactly("001", "002", "003");
            assertThat(reached.toString()).isEqualTo("003");
            assertThat(migrator.migrate(MigrationVersion.parse("003")).didNothing()).isTrue();
        } finally {
            server.drop(database);
        }
    }

    @Test
    void failureMessageShowsFileLineAndCaret() {
        PostgresServer server = TestServers.embedded();
        Database database = server.createDatabase();
        try {
            Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/errors/line37"), database);
            MigrationException e = catchThrowableOfType(MigrationException.class, migrator::migrateToLatest);
            assertThat(e.getMessage()).isEqualTo("The migration 002 orders"
                    + " (classpath:migrations/errors/line37/002_orders.sql) failed and was rolled back; database "
                    + database.name() + " stays at version 001.\n"
                    + "classpath:migrations/errors/line37/002_orders.sql:37:49 [42601] syntax error at or near \"NUL\"\n"
                    + "  37 | ALTER TABLE orders ADD COLUMN total numeric NOT NUL;\n"
                    + "     |                                                 ^");
        } finally {
            server.drop(database);
        }
    }

    @Test
    void aLabelForATemporaryDatabase() {
        PostgresServer server = TestServers.embedded();
        Database scratch = server.createDatabase();
        try {
            MigrationChain chain = MigrationChain.at("classpath:migrations/errors/line37");
            MigrationException e = catchThrowableOfType(MigrationException.class, () -> {
                Migrator.of(chain, scratch).withDatabaseLabel("the check's database").migrateToLatest();
                // The migration 002 orders (...) failed and was rolled back; the check's database stays at version 001.
            });
            assertThat(e.getMessage()).startsWith("The migration 002 orders"
                    + " (classpath:migrations/errors/line37/002_orders.sql) failed and was rolled back; the check's"
                    + " database stays at version 001.\n").doesNotContain(scratch.name());
        } finally {
            server.drop(scratch);
        }
    }
}
