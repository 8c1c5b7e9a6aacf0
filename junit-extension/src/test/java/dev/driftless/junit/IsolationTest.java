package dev.driftless.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** A row inserted by one test is absent from the next under PER_METHOD, present under PER_CLASS. */
class IsolationTest {

    @Test
    void perMethodGivesEachTestAFreshDatabase() {
        EngineExecutionResults results = Kit.run(PerMethod.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "rows before insert")).containsExactly("0", "0");
        assertThat(Kit.entries(results, "database")).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void perClassSharesOneDatabase() {
        EngineExecutionResults results = Kit.run(PerClass.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "rows before insert")).containsExactly("0", "1");
        assertThat(Kit.entries(results, "database")).containsOnly(Kit.entries(results, "database").get(0)).hasSize(2);
    }

    static void insertAndReport(Connection connection, TestDatabase db, TestReporter reporter) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM customer")) {
            rs.next();
            reporter.publishEntry("rows before insert", rs.getString(1));
        }
        db.execute("INSERT INTO customer (name) VALUES ('someone')");
        reporter.publishEntry("database", db.name());
    }

    @FixtureClass
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @MigratedDatabase(schema = "schema/shop.sql")
    static class PerMethod {
        @Test
        @Order(1)
        void first(Connection connection, TestDatabase db, TestReporter reporter) throws Exception {
            insertAndReport(connection, db, reporter);
        }

        @Test
        @Order(2)
        void second(Connection connection, TestDatabase db, TestReporter reporter) throws Exception {
            insertAndReport(connection, db, reporter);
        }
    }

    @FixtureClass
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @MigratedDatabase(schema = "schema/shop.sql", isolation = Isolation.PER_CLASS)
    static class PerClass {
        @Test
        @Order(1)
        void first(Connection connection, TestDatabase db, TestReporter reporter) throws Exception {
            insertAndReport(connection, db, reporter);
        }

        @Test
        @Order(2)
        void second(Connection connection, TestDatabase db, TestReporter reporter) throws Exception {
            insertAndReport(connection, db, reporter);
        }
    }
}
