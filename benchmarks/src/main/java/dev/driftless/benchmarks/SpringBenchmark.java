package dev.driftless.benchmarks;

import dev.driftless.junit.MigratedDatabase;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Issue 17's benchmark: the per-test overhead of {@code @MigratedDatabase} in a Spring test whose application context
 * Spring caches. 200 tests, each running {@code SELECT 1} through the context's {@code JdbcTemplate} on its own copy of
 * the 30-migration chain of {@link ExtensionBenchmark}, against the same 200 tests in a cached context without a
 * database. The first class run of each (context start, template build) is reported apart.
 *
 * <pre>benchmarks/run.sh SpringBenchmark [rounds]</pre>
 *
 * <p>zonky's embedded-database-spring-test is not measured beside it: it is not among the artifacts this build can
 * resolve for Spring Boot 4 / Spring Framework 7.
 */
public final class SpringBenchmark {

    private static final int TESTS = 200;

    private SpringBenchmark() {
    }

    /**
     * @param args optional: number of measured rounds per class (default 1)
     * @throws IOException when the migrations cannot be written
     */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        System.setProperty("driftless.provider", System.getProperty("driftless.provider", "embedded"));
        ExtensionBenchmark.writeMigrations(Path.of(ExtensionBenchmark.MIGRATIONS));
        System.out.println("Chain: 30 migrations, 50 tables; load: " + Machine.loadAverage());

        long started = System.nanoTime();
        ExtensionBenchmark.run(DatabaseTests.class).addTo(new ArrayList<>(), TESTS);
        System.out.printf(Locale.ROOT, "first run, with database (server, template, context start): %.0f ms%n",
                (System.nanoTime() - started) / 1e6);
        started = System.nanoTime();
        ExtensionBenchmark.run(NoDatabaseTests.class).addTo(new ArrayList<>(), TESTS);
        System.out.printf(Locale.ROOT, "first run, no database (context start): %.0f ms%n",
                (System.nanoTime() - started) / 1e6);

        List<Long> none = new ArrayList<>();
        List<Long> database = new ArrayList<>();
        long[] wall = new long[2];
        for (int round = 0; round < rounds; round++) {
            wall[0] += ExtensionBenchmark.run(NoDatabaseTests.class).addTo(none, TESTS);
            wall[1] += ExtensionBenchmark.run(DatabaseTests.class).addTo(database, TESTS);
        }
        Stats noneStats = Stats.ofNanos(none.stream().mapToLong(Long::longValue).toArray());
        Stats databaseStats = Stats.ofNanos(database.stream().mapToLong(Long::longValue).toArray());
        System.out.println("per test, cached context, no database          : " + noneStats);
        System.out.println("per test, cached context, @MigratedDatabase     : " + databaseStats);
        System.out.printf(Locale.ROOT, "overhead per test (difference of medians): %.2f ms%n",
                databaseStats.median() - noneStats.median());
        System.out.printf(Locale.ROOT, "wall time per class run of %d tests: none %.0f ms, database %.0f ms (mean of %d"
                + " rounds)%n", TESTS, wall[0] / 1e6 / rounds, wall[1] / 1e6 / rounds, rounds);
        System.out.println("Load after: " + Machine.loadAverage());
    }

    /** The application: a {@code JdbcTemplate} on the context's {@code DataSource}. */
    @Configuration
    public static class JdbcApplication {
        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }
    }

    /** An application with no database. */
    @Configuration
    public static class EmptyApplication {
    }

    /** 200 tests, each with its own copy of the migrated template behind the context's DataSource. */
    @SpringJUnitConfig(JdbcApplication.class)
    @MigratedDatabase(migrations = ExtensionBenchmark.MIGRATIONS)
    public static class DatabaseTests {
        @Autowired
        JdbcTemplate jdbc;

        @RepeatedTest(TESTS)
        void test() {
            if (jdbc.queryForObject("SELECT 1", Integer.class) != 1) {
                throw new AssertionError();
            }
        }
    }

    /** The same 200 tests in a cached context, with no database. */
    @SpringJUnitConfig(EmptyApplication.class)
    public static class NoDatabaseTests {
        @Autowired
        EmptyApplication application;

        @RepeatedTest(TESTS)
        void test() {
            if (application == null) {
                throw new AssertionError();
            }
        }
    }
}
