package dev.driftless.junit;

import dev.driftless.migration.Migrator;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.Equivalence;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.seed.Seeder;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each injectable type, in test methods, lifecycle methods and constructors. */
class InjectionTest {

    @Test
    void injectsEveryTypeIntoTestsLifecycleMethodsAndConstructors() {
        EngineExecutionResults results = Kit.run(EveryType.class, PerClassLifecycle.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(3);
    }

    @Test
    void closesTheConnectionAndDropsTheDatabaseAfterTheTest() throws Exception {
        EngineExecutionResults results = Kit.run(Leaves.class);

        assertThat(Kit.failures(results)).isEmpty();
        String name = Kit.entries(results, "database").get(0);
        assertThat(TestServers.embedded().driftlessDatabases()).doesNotContain(name);
    }

    @Test
    void anUnsupportedTypeNamesTheSupportedOnes() {
        EngineExecutionResults results = Kit.run(Unsupported.class);

        assertThat(Kit.failures(results)).containsExactly("takesAStatement(Statement): @MigratedDatabase cannot inject"
                + " parameter 0 (Statement) of method Unsupported.takesAStatement(): java.sql.Statement is not a type it"
                + " supports. Supported types: DataSource, Connection (closed after the test), TestDatabase, Database,"
                + " SchemaSnapshot, Migrator (with migrations), Seeder, PostgresServer, DiffOptions.");
    }

    @Test
    void injectsDiffOptionsWithTheEquivalencesOfTheAnnotation() {
        EngineExecutionResults results = Kit.run(WithEquivalences.class, WithoutEquivalences.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "equivalences")).containsExactlyInAnyOrder(
                "[NO_ACTION_IS_RESTRICT, IDENTITY_IS_SERIAL]", "[]");
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql",
            treatAsEqual = {Equivalence.NO_ACTION_IS_RESTRICT, Equivalence.IDENTITY_IS_SERIAL})
    static class WithEquivalences {
        @Test
        void compares(DiffOptions options, SchemaSnapshot schema, TestReporter reporter) {
            assertThat(options).isEqualTo(DiffOptions.defaults()
                    .treatingAsEqual(Equivalence.IDENTITY_IS_SERIAL, Equivalence.NO_ACTION_IS_RESTRICT));
            assertThat(SchemaDiff.between(schema, schema, options).isEmpty()).isTrue();
            reporter.publishEntry("equivalences", new java.util.TreeSet<>(options.equivalences()).toString());
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class WithoutEquivalences {
        @Test
        void compares(DiffOptions options, TestReporter reporter) {
            assertThat(options).isEqualTo(DiffOptions.defaults());
            reporter.publishEntry("equivalences", options.equivalences().toString());
        }
    }

    @Test
    void aBeforeAllMethodGetsNoDatabaseUnderPerMethod() {
        EngineExecutionResults results = Kit.run(BeforeAllPerMethod.class);

        assertThat(Kit.failures(results)).singleElement().asString().contains("@MigratedDatabase cannot inject"
                + " parameter 0 (DataSource) of method BeforeAllPerMethod.setUp(): " + BeforeAllPerMethod.class.getName()
                + " uses isolation = PER_METHOD, so every test gets its own database and there is none for the whole"
                + " class. Take the parameter in a @BeforeEach or @Test method, or use isolation = Isolation.PER_CLASS."
                + " (A PostgresServer parameter works anywhere.)");
    }

    @Test
    void aMigratorNeedsMigrations() {
        EngineExecutionResults results = Kit.run(MigratorOnSchema.class);

        assertThat(Kit.failures(results)).singleElement().asString().endsWith("@MigratedDatabase cannot inject parameter"
                + " 0 (Migrator) of method MigratorOnSchema.migrate(): a Migrator moves a database along a migration"
                + " chain, and " + MigratorOnSchema.class.getName() + " is built from schema = \"schema/shop.sql\"."
                + " Use migrations = \"...\" to test migrations.");
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop", target = "2")
    static class EveryType {
        private final TestDatabase fromConstructor;
        private TestDatabase fromBeforeEach;

        EveryType(TestDatabase db) {
            this.fromConstructor = db;
        }

        @BeforeAll
        static void server(PostgresServer server) {
            assertThat(server.majorVersion()).isEqualTo(17);
        }

        @BeforeEach
        void setUp(TestDatabase db, Seeder seed) {
            fromBeforeEach = db;
            seed.into("customer").row("alice", r -> r.set("name", "Alice")).load();
        }

        @Test
        void everyType(DataSource dataSource, Connection connection, TestDatabase db, Database database,
                       SchemaSnapshot schema, Migrator migrator, Seeder seed, PostgresServer server) throws Exception {
            assertThat(fromConstructor).isSameAs(db).isSameAs(fromBeforeEach);
            assertThat(database.name()).isEqualTo(db.name());
            assertThat(connection.getCatalog()).isEqualTo(db.name());
            try (Connection c = dataSource.getConnection()) {
                assertThat(c.getCatalog()).isEqualTo(db.name());
            }
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/" + db.name());
            assertThat(db.user()).isEqualTo("postgres");
            assertThat(db.password()).isNotBlank();
            assertThat(db.toString()).doesNotContain(db.password());
            assertThat(schema.table("public.orders")).isPresent();
            assertThat(schema.table("driftless_schema_history")).isEmpty();
            assertThat(seed.row("alice").getLong("id")).isPositive();

            seed.into("orders").row(r -> r.set("customer_id", Seeder.ref("alice")).set("price", "10.50")).load();
            migrator.migrateTo("3");
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT price_cents FROM orders")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1050);
            }
            assertThat(db.snapshot().table("public.orders").orElseThrow().column("price_cents")).isPresent();
        }
    }

    @FixtureClass
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @MigratedDatabase(migrations = "db/shop", isolation = Isolation.PER_CLASS)
    static class PerClassLifecycle {
        private final DataSource fromConstructor;
        private TestDatabase fromBeforeAll;

        PerClassLifecycle(DataSource dataSource) {
            this.fromConstructor = dataSource;
        }

        @BeforeAll
        void setUp(TestDatabase db) {
            fromBeforeAll = db;
            db.execute("INSERT INTO customer (name) VALUES ('shared')");
        }

        @Test
        void sharesTheClassDatabase(TestDatabase db, DataSource dataSource) {
            assertThat(db).isSameAs(fromBeforeAll);
            assertThat(dataSource).isSameAs(fromConstructor);
        }

        @Test
        void seesTheRowOfBeforeAll(Connection connection) throws Exception {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM customer")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class Leaves {
        static Connection opened;

        @Test
        void publishesItsName(TestDatabase db, Connection connection, TestReporter reporter) {
            reporter.publishEntry("database", db.name());
            assertThat(TestServers.embedded().driftlessDatabases()).contains(db.name());
            opened = connection;
        }

        @org.junit.jupiter.api.AfterAll
        static void connectionWasClosed() throws Exception {
            assertThat(opened.isClosed()).isTrue();
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class Unsupported {
        @Test
        void takesAStatement(Statement statement) {
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class BeforeAllPerMethod {
        @BeforeAll
        static void setUp(DataSource dataSource) {
        }

        @Test
        void neverRuns() {
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class MigratorOnSchema {
        @Test
        void migrate(Migrator migrator) {
        }
    }
}
