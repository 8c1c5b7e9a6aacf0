package dev.driftless.spring.app;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.seed.Seeder;
import dev.driftless.spring.Kit;
import dev.driftless.spring.internal.SwitchingDataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.AfterTransaction;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring tests on a {@code @MigratedDatabase}: the context's DataSource follows each test's fresh copy, in a context
 * that Spring caches across test methods and classes. Each case runs fixture classes through the JUnit engine. The
 * class runs on Spring Boot 4 and 3.5 alike; {@code SlicesTest} holds what differs between them.
 */
class SpringIntegrationTest {

    @Test
    void rowsCommittedByOneTestAreAbsentInTheNext() {
        EngineExecutionResults results = Kit.run(Committing.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "customers before insert")).containsExactly("0", "0");
        assertThat(Kit.entries(results, "database")).doesNotHaveDuplicates().hasSize(2)
                .allSatisfy(name -> assertThat(name).startsWith("driftless_"));
    }

    @Test
    void perClassIsolationSharesOneCopyAcrossTheClassesTests() {
        EngineExecutionResults results = Kit.run(CommittingPerClass.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "customers before insert")).containsExactly("0", "1");
        assertThat(Kit.entries(results, "database")).hasSize(2).containsOnly(Kit.entries(results, "database").get(0));
    }

    @Test
    void aTransactionalTestRunsOnItsCopyAndRollsBack() {
        EngineExecutionResults results = Kit.run(Rollback.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "customers in the transaction")).containsExactly("1");
        assertThat(Kit.entries(results, "customers after the transaction")).containsExactly("0");
        assertThat(Kit.entries(results, "same database")).containsExactly("true", "true");
    }

    @Test
    void oneContextServesSeveralClassesWithTheSameSetup() {
        int before = ContextCounter.BUILT.get();

        EngineExecutionResults results = Kit.run(CountedA.class, CountedB.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(4);
        assertThat(ContextCounter.BUILT.get() - before).isEqualTo(1);
        assertThat(Kit.entries(results, "context")).hasSize(4).containsOnly(Kit.entries(results, "context").get(0));
        assertThat(Kit.entries(results, "database")).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aSchemaChangeDoesNotReachTheNextTest() {
        EngineExecutionResults results = Kit.run(SchemaChange.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "purchase table")).containsExactly("dropped", "present");
        assertThat(Kit.entries(results, "nickname column")).containsExactly("added", "absent");
    }

    @Test
    void theTestProfilesDataSourcePropertiesReachNoServer() {
        EngineExecutionResults results = Kit.run(ProfileUrl.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "spring.datasource.url")).containsExactly("jdbc:postgresql://production.invalid:5432/shop");
        assertThat(Kit.entries(results, "data source")).containsExactly(SwitchingDataSource.class.getName());
        assertThat(Kit.entries(results, "connected to the test's database")).containsExactly("true");
        // The application's Flyway (spring.flyway.locations in the test profile) did not run: the copy was migrated.
        assertThat(Kit.entries(results, "flyway history")).containsExactly("false");
    }

    @Test
    void parametersAreTheDatabaseTheApplicationUses() {
        EngineExecutionResults results = Kit.run(Injection.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "customers seen by the repository")).containsExactly("1");
        assertThat(Kit.entries(results, "parameter is the bean")).containsExactly("true");
        assertThat(Kit.entries(results, "snapshot has customer")).containsExactly("true");
        assertThat(Kit.entries(results, "same database")).containsExactly("true");
    }

    @Test
    void aConstructorCannotTakeTheTestsDatabase() {
        EngineExecutionResults results = Kit.run(ConstructorInjection.class);

        assertThat(Kit.failures(results)).containsExactly("works(): @MigratedDatabase cannot inject parameter 0"
                + " (TestDatabase) of the constructor of ConstructorInjection: in a Spring test, the database of"
                + " @MigratedDatabase is made for each test method once Spring prepares the method, so there is none yet"
                + " for a constructor or a @BeforeAll method. Take the parameter in a @BeforeEach or @Test method, or"
                + " inject the application's DataSource with @Autowired.");
    }

    static void insertAndReport(JdbcClient jdbc, TestReporter reporter) {
        reporter.publishEntry("customers before insert",
                jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single().toString());
        jdbc.sql("INSERT INTO customer (name) VALUES (?)").param(java.util.UUID.randomUUID().toString()).update();
        reporter.publishEntry("database", jdbc.sql("SELECT current_database()").query(String.class).single());
    }

    /** Two tests, each counting the customers, then inserting one (committed unless the test is transactional). */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class TwoInserts {
        @Autowired
        JdbcClient jdbc;

        @Test
        @Order(1)
        void first(TestReporter reporter) {
            insertAndReport(jdbc, reporter);
        }

        @Test
        @Order(2)
        void second(TestReporter reporter) {
            insertAndReport(jdbc, reporter);
        }
    }

    @Kit.Fixture
    @SpringBootTest
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class Committing extends TwoInserts {
    }

    @Kit.Fixture
    @SpringBootTest
    @MigratedDatabase(migrations = "classpath:db/shop", isolation = dev.driftless.junit.Isolation.PER_CLASS)
    static class CommittingPerClass extends TwoInserts {
    }

    @Kit.Fixture
    @SpringBootTest
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class Rollback {
        @Autowired
        CustomerRepository customers;

        @Autowired
        JdbcTemplate jdbc;

        String database;

        @Test
        @Transactional
        void insertsInTheTestsTransaction(TestDatabase db, TestReporter reporter) {
            customers.saveAndFlush(new Customer("alice"));
            reporter.publishEntry("customers in the transaction", Long.toString(customers.count()));
            database = db.name();
            reporter.publishEntry("same database",
                    Boolean.toString(db.name().equals(jdbc.queryForObject("SELECT current_database()", String.class))));
        }

        @AfterTransaction
        void afterTheRollback(TestReporter reporter) {
            reporter.publishEntry("customers after the transaction", Long.toString(customers.count()));
            reporter.publishEntry("same database",
                    Boolean.toString(database.equals(jdbc.queryForObject("SELECT current_database()", String.class))));
        }
    }

    abstract static class Counted {
        @Autowired
        ApplicationContext context;

        @Autowired
        JdbcClient jdbc;

        @Test
        void one(TestReporter reporter) {
            report(reporter);
        }

        @Test
        void two(TestReporter reporter) {
            report(reporter);
        }

        private void report(TestReporter reporter) {
            reporter.publishEntry("context", context.getId() + "@" + System.identityHashCode(context));
            reporter.publishEntry("database", jdbc.sql("SELECT current_database()").query(String.class).single());
            jdbc.sql("INSERT INTO customer (name) VALUES ('alice')").update();
        }
    }

    @Kit.Fixture
    @SpringBootTest
    @Import(ContextCounter.class)
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class CountedA extends Counted {
    }

    @Kit.Fixture
    @SpringBootTest
    @Import(ContextCounter.class)
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class CountedB extends Counted {
    }

    @Kit.Fixture
    @SpringBootTest
    @MigratedDatabase(migrations = "classpath:db/shop")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SchemaChange {
        @Autowired
        JdbcTemplate jdbc;

        @Test
        @Order(1)
        void changesTheSchema(TestReporter reporter) {
            jdbc.execute("DROP TABLE purchase");
            jdbc.execute("ALTER TABLE customer ADD COLUMN nickname text");
            reporter.publishEntry("purchase table", "dropped");
            reporter.publishEntry("nickname column", "added");
        }

        @Test
        @Order(2)
        void seesTheMigratedSchema(SchemaSnapshot schema, TestReporter reporter) {
            reporter.publishEntry("purchase table", schema.table("purchase").isPresent() ? "present" : "absent");
            reporter.publishEntry("nickname column",
                    schema.table("customer").orElseThrow().column("nickname").isPresent() ? "present" : "absent");
        }
    }

    @Kit.Fixture
    @SpringBootTest
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class ProfileUrl {
        @Autowired
        Environment environment;

        @Autowired
        DataSource dataSource;

        @Test
        void connects(TestDatabase db, SchemaSnapshot schema, TestReporter reporter) throws Exception {
            reporter.publishEntry("flyway history", Boolean.toString(schema.table("flyway_schema_history").isPresent()));
            reporter.publishEntry("spring.datasource.url", environment.getProperty("spring.datasource.url"));
            reporter.publishEntry("data source", dataSource.getClass().getName());
            try (var connection = dataSource.getConnection()) {
                reporter.publishEntry("connected to the test's database",
                        Boolean.toString(connection.getMetaData().getURL().startsWith(db.jdbcUrl())));
            }
        }
    }

    @Kit.Fixture
    @SpringBootTest
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class Injection {
        @Autowired
        CustomerRepository customers;

        @Test
        void seeds(Seeder seeder, TestDatabase db, SchemaSnapshot schema, DataSource dataSource,
                   @Autowired DataSource autowired, @Autowired JdbcTemplate jdbc, TestReporter reporter) {
            seeder.into("customer").row(r -> r.set("name", "bob")).load();
            reporter.publishEntry("customers seen by the repository", Long.toString(customers.count()));
            reporter.publishEntry("parameter is the bean", Boolean.toString(dataSource == autowired));
            reporter.publishEntry("snapshot has customer", Boolean.toString(schema.table("customer").isPresent()));
            reporter.publishEntry("same database",
                    Boolean.toString(db.name().equals(jdbc.queryForObject("SELECT current_database()", String.class))));
        }
    }

    @Kit.Fixture
    @SpringBootTest
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class ConstructorInjection {
        ConstructorInjection(TestDatabase db) {
        }

        @Test
        void works() {
        }
    }
}
