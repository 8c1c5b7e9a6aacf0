package dev.driftless.cli;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code MigrateIT} runs {@code driftless migrate} in child JVMs: summary lines that say what each run did. */
class MigrateIT {

    private final PostgresServer server = TestServers.embedded();
    private Database target;

    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() {
        target = server.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        server.drop(target);
    }

    /**
     * Three processes at once: the first applies both migrations (the first sleeps 2 s holding the migration lock),
     * the others wait for it, find the work done, and say so.
     */
    @Test
    void concurrentRunsPrintWhatEachOfThemDid() throws IOException {
        Files.writeString(dir.resolve("001_slow.sql"), "SELECT pg_sleep(2);\nCREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("002_b.sql"), "CREATE TABLE b (id int);\n");
        List<CompletableFuture<CliProcess.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> migrate()));
        }
        List<String> lines = new ArrayList<>();
        for (CompletableFuture<CliProcess.Result> run : runs) {
            CliProcess.Result result = run.join();
            assertThat(result.exitCode()).as(result.toString()).isZero();
            lines.add(result.out().strip());
        }
        assertThat(lines).containsExactlyInAnyOrder(
                "Migrated the database from version <empty> to 002: applied 001, 002.",
                "The database is already at version 002; nothing to do.",
                "The database is already at version 002; nothing to do.");
    }

    @Test
    void aMigrationBelowTheAppliedVersionIsRefusedUnlessOutOfOrderIsAsked() throws IOException {
        Files.writeString(dir.resolve("001_a.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("003_c.sql"), "CREATE TABLE c (id int);\n");
        assertThat(migrate().out()).isEqualTo("Migrated the database from version <empty> to 003: applied 001, 003.\n");

        Files.writeString(dir.resolve("002_b.sql"), "CREATE TABLE b (id int);\n");
        CliProcess.Result refused = migrate();
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Cannot migrate database " + target.name() + " to version 003: migration 002"
                + " b (" + dir.resolve("002_b.sql") + ") is not applied, but version 003 is, which is higher: applying"
                + " 002 now would run it out of order, after 003. Nothing was changed.");
        assertThat(refused.out()).isEqualTo("Migration failed; the database stays at version 003.\n");

        CliProcess.Result applied = migrate("--out-of-order");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).isEqualTo("Migrated the database, which stays at version 003: applied 002.\n");
        assertThat(migrate().out()).isEqualTo("The database is already at version 003; nothing to do.\n");
    }

    private CliProcess.Result migrate(String... options) {
        List<String> args = new ArrayList<>(List.of("migrate", "--jdbc-url", target.jdbcUrl(), "--user",
                target.user()));
        args.addAll(List.of(options));
        args.add(dir.toString());
        return CliProcess.run(Map.of("DRIFTLESS_JDBC_PASSWORD", target.password()), args.toArray(String[]::new));
    }
}
