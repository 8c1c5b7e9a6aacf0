package dev.driftless.benchmarks;

import dev.driftless.junit.MigratedDatabase;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.sql.DataSource;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Issue 5's benchmark: the per-test overhead of {@code @MigratedDatabase} under {@code PER_METHOD} isolation. A class
 * of 200 trivial tests on a 50-table, 30-migration chain runs through the JUnit Platform launcher, as a build runs it,
 * against the same 200 tests with no database. Each test's time is taken from the launcher's start and finish events,
 * which enclose the extension's work (handing out a copy of the template, dropping it when the test's store closes).
 *
 * <pre>benchmarks/run.sh ExtensionBenchmark [rounds] [connection]</pre>
 *
 * <p>The server is the embedded one unless {@code -Ddriftless.provider} says otherwise. The migrations are written to {@code target/extension-benchmark/migrations} under the working directory, which the
 * benchmark classes' annotation names. A warm-up class of 20 tests builds the template (reported apart); then
 * {@code rounds} (default 1) runs of each class alternate; {@code connection} adds a class whose tests each take a
 * {@code Connection} and run {@code SELECT 1}.
 */
public final class ExtensionBenchmark {

    static final String MIGRATIONS = "target/extension-benchmark/migrations";
    private static final int TESTS = 200;
    private static final int WARM_UP = 20;

    private ExtensionBenchmark() {
    }

    /**
     * @param args optional: number of measured rounds per class (default 3)
     * @throws IOException when the migrations cannot be written
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        boolean withConnection = args.length > 1 && args[1].equals("connection");
        // The embedded server, as in the other harnesses, unless a provider is chosen explicitly.
        System.setProperty("driftless.provider", System.getProperty("driftless.provider", "embedded"));
        writeMigrations(Path.of(MIGRATIONS));
        System.out.println("Chain: 30 migrations, 50 tables, in " + Path.of(MIGRATIONS).toAbsolutePath());
        System.out.println("Load: " + Machine.loadAverage());

        long started = System.nanoTime();
        run(WarmUpTests.class).requireAllPassed(WARM_UP);
        System.out.printf(Locale.ROOT, "warm-up run of %d tests (template build + JIT): %.0f ms%n", WARM_UP,
                (System.nanoTime() - started) / 1e6);
        run(NoDatabaseTests.class).requireAllPassed(TESTS);

        List<Long> none = new ArrayList<>();
        List<Long> dataSource = new ArrayList<>();
        List<Long> connection = new ArrayList<>();
        long[] wall = new long[3];
        for (int round = 0; round < rounds; round++) {
            wall[0] += run(NoDatabaseTests.class).addTo(none);
            wall[1] += run(DataSourceTests.class).addTo(dataSource);
            if (withConnection) {
                wall[2] += run(ConnectionTests.class).addTo(connection);
            }
        }
        Stats noneStats = Stats.ofNanos(none.stream().mapToLong(Long::longValue).toArray());
        Stats dataSourceStats = Stats.ofNanos(dataSource.stream().mapToLong(Long::longValue).toArray());
        System.out.println("per test, no database                        : " + noneStats);
        System.out.println("per test, @MigratedDatabase + DataSource     : " + dataSourceStats);
        System.out.printf(Locale.ROOT, "overhead per test (difference of medians): DataSource %.2f ms (target <= 20 ms)%n",
                dataSourceStats.median() - noneStats.median());
        System.out.printf(Locale.ROOT, "wall time per class run of %d tests: none %.0f ms, DataSource %.0f ms (mean of"
                + " %d rounds)%n", TESTS, wall[0] / 1e6 / rounds, wall[1] / 1e6 / rounds, rounds);
        if (withConnection) {
            Stats connectionStats = Stats.ofNanos(connection.stream().mapToLong(Long::longValue).toArray());
            System.out.println("per test, @MigratedDatabase + Connection     : " + connectionStats);
            System.out.printf(Locale.ROOT, "overhead per test with a Connection and SELECT 1: %.2f ms; wall %.0f ms%n",
                    connectionStats.median() - noneStats.median(), wall[2] / 1e6 / rounds);
        }
        System.out.println("Load after: " + Machine.loadAverage());
    }

    /** Runs a test class through the launcher, as a build runs it; SpringBenchmark uses it too. */
    static Run run(Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .build();
        Launcher launcher = LauncherFactory.create();
        Run run = new Run();
        long started = System.nanoTime();
        launcher.execute(request, run);
        run.wallNanos = System.nanoTime() - started;
        return run;
    }

    /** Records each test's duration and the failures. */
    static final class Run implements TestExecutionListener {
        private final Map<String, Long> starts = new ConcurrentHashMap<>();
        private final List<Long> durations = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();
        private long wallNanos;

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                starts.put(id.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
            }
            if (id.isTest()) {
                durations.add(System.nanoTime() - starts.get(id.getUniqueId()));
            }
        }

        long addTo(List<Long> all) {
            return addTo(all, TESTS);
        }

        long addTo(List<Long> all, int expected) {
            requireAllPassed(expected);
            all.addAll(durations);
            return wallNanos;
        }

        void requireAllPassed(int expected) {
            if (!failures.isEmpty() || durations.size() != expected) {
                throw new IllegalStateException(durations.size() + " tests ran; failures: " + failures);
            }
        }
    }

    /** Builds the template and warms up the JIT on a few tests of the same setup. */
    @MigratedDatabase(migrations = MIGRATIONS)
    public static class WarmUpTests {
        @RepeatedTest(WARM_UP)
        void test(DataSource dataSource) {
            if (dataSource == null) {
                throw new AssertionError();
            }
        }
    }

    /** The same trivial tests, with no database. */
    public static class NoDatabaseTests {
        @RepeatedTest(TESTS)
        void test() {
            if (Thread.currentThread() == null) {
                throw new AssertionError();
            }
        }
    }

    /** 200 trivial tests, each with its own copy of the migrated template. */
    @MigratedDatabase(migrations = MIGRATIONS)
    public static class DataSourceTests {
        @RepeatedTest(TESTS)
        void test(DataSource dataSource) {
            if (dataSource == null) {
                throw new AssertionError();
            }
        }
    }

    /** 200 trivial tests that each open a connection to their copy and run one query. */
    @MigratedDatabase(migrations = MIGRATIONS)
    public static class ConnectionTests {
        @RepeatedTest(TESTS)
        void test(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
        }
    }

    /** 25 migrations creating two related tables each, then 5 adding columns and indexes: {@code 001_tables_1.sql}. */
    static void writeMigrations(Path dir) throws IOException {
        writeMigrations(dir, (version, description) -> String.format(Locale.ROOT, "%03d_%s.sql", version, description));
    }

    /**
     * Writes the chain of {@link #writeMigrations(Path)} into an emptied folder, under names of the caller's layout.
     *
     * @param names the file name of a migration from its version ({@code 1} to {@code 30}) and description
     *              ({@code tables_1}, {@code columns_26})
     * @return the files written, in version order
     */
    static List<Path> writeMigrations(Path dir, BiFunction<Integer, String, String> names) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        List<Path> written = new ArrayList<>();
        for (int m = 1; m <= 25; m++) {
            StringBuilder sql = new StringBuilder();
            for (int t = 2 * m - 1; t <= 2 * m; t++) {
                sql.append("CREATE TABLE t").append(t).append(" (\n    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n")
                        .append("    name text NOT NULL,\n    created_at timestamptz NOT NULL DEFAULT now(),\n")
                        .append("    amount numeric(12, 2),\n");
                sql.append(t > 1 ? "    parent_id bigint REFERENCES t" + (t - 1) + " (id)\n" : "    parent_id bigint\n");
                sql.append(");\nCREATE INDEX t").append(t).append("_name ON t").append(t).append(" (name);\n");
            }
            written.add(Files.writeString(dir.resolve(names.apply(m, "tables_" + m)), sql.toString()));
        }
        for (int m = 26; m <= 30; m++) {
            StringBuilder sql = new StringBuilder();
            for (int t = (m - 26) * 10 + 1; t <= (m - 25) * 10; t++) {
                sql.append("ALTER TABLE t").append(t).append(" ADD COLUMN note_").append(m).append(" text;\n")
                        .append("CREATE INDEX t").append(t).append("_created_").append(m).append(" ON t").append(t)
                        .append(" (created_at);\n");
            }
            written.add(Files.writeString(dir.resolve(names.apply(m, "columns_" + m)), sql.toString()));
        }
        return written;
    }
}
