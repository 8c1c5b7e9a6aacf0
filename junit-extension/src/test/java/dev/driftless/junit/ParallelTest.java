package dev.driftless.junit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Four classes of fifty tests run concurrently, classes and methods, without seeing each other's rows. */
class ParallelTest {

    @Test
    void fourClassesOfFiftyTestsRunConcurrentlyWithoutCrossTalk() {
        EngineExecutionResults results = Kit.run(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"),
                A.class, B.class, C.class, D.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(200);
        assertThat(Kit.entries(results, "database")).hasSize(200).doesNotHaveDuplicates();
        assertThat(Kit.entries(results, "thread")).as("threads used").hasSizeGreaterThan(1);
    }

    static void insertOwnRow(String who, int n, Connection connection, TestDatabase db, TestReporter reporter)
            throws Exception {
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO customer (name) VALUES ('" + who + n + "')");
            try (ResultSet rs = s.executeQuery("SELECT string_agg(name, ',') FROM customer")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(who + n);
            }
        }
        reporter.publishEntry("database", db.name());
        reporter.publishEntry("thread", Thread.currentThread().getName());
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop")
    static class A {
        @RepeatedTest(50)
        void test(RepetitionInfo info, Connection c, TestDatabase db, TestReporter r) throws Exception {
            insertOwnRow("a", info.getCurrentRepetition(), c, db, r);
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop")
    static class B {
        @RepeatedTest(50)
        void test(RepetitionInfo info, Connection c, TestDatabase db, TestReporter r) throws Exception {
            insertOwnRow("b", info.getCurrentRepetition(), c, db, r);
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class C {
        @RepeatedTest(50)
        void test(RepetitionInfo info, Connection c, TestDatabase db, TestReporter r) throws Exception {
            insertOwnRow("c", info.getCurrentRepetition(), c, db, r);
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop", target = "2")
    static class D {
        @RepeatedTest(50)
        void test(RepetitionInfo info, Connection c, TestDatabase db, TestReporter r) throws Exception {
            insertOwnRow("d", info.getCurrentRepetition(), c, db, r);
        }
    }
}
