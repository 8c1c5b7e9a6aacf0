package dev.driftless.testing;

import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.server.Database;
import dev.driftless.sql.SqlScript;

import java.util.List;

/**
 * Migrates a database of the test JVM's server along {@link #chain()}, whose second migration runs outside a
 * transaction: the child JVM of {@code NonTransactionalMigrationTest}, which kills it with SIGKILL while that migration
 * runs. The database comes as arguments, its password in the environment ({@code DRIFTLESS_TEST_PASSWORD}), so that
 * the server outlives the child.
 */
public final class MigrateInChildMain {

    private MigrateInChildMain() {
    }

    /**
     * @param args the database's name, host, port and user
     */
    public static void main(String[] args) {
        Database database = new Database(args[0], args[1], Integer.parseInt(args[2]), args[3],
                System.getenv("DRIFTLESS_TEST_PASSWORD"));
        System.out.println("MIGRATED TO " + Migrator.of(chain(), database).migrateToLatest());
    }

    /** @return 1: a table {@code t}; 2: {@code CREATE INDEX CONCURRENTLY t_id_idx ON t (id)}, outside a transaction */
    public static MigrationChain chain() {
        return MigrationChain.of("in code", List.of(
                Migration.of(MigrationVersion.parse("1"), "table", SqlScript.of("1_table.sql",
                        "CREATE TABLE t (id int);"), null),
                Migration.of(MigrationVersion.parse("2"), "index", SqlScript.of("2_index.sql",
                        "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);"), null)),
                List.of());
    }
}
