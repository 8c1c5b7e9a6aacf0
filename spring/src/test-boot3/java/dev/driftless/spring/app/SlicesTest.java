package dev.driftless.spring.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.driftless.junit.MigratedDatabase;
import dev.driftless.spring.Kit;
import dev.driftless.spring.other.PlainJdbcApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's test slices on a {@code @MigratedDatabase}, and a Spring test without one; the annotations' packages
 * differ between Boot 4 and Boot 3.5: this is the Boot 3.5 copy of src/test/java's.
 */
class SlicesTest {

    @Test
    void dataJpaTestAndJdbcTestSlicesUseTheCopy() {
        EngineExecutionResults results = Kit.run(JpaSlice.class, JdbcSlice.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "customers before insert")).containsExactly("0", "0", "0", "0");
        assertThat(Kit.entries(results, "database")).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aSpringTestWithoutTheAnnotationKeepsItsOwnDataSource() {
        EngineExecutionResults results = Kit.run(WithoutDriftless.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "data source")).containsExactly(HikariDataSource.class.getName());
    }

    @Kit.Fixture
    @DataJpaTest
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class JpaSlice {
        @Autowired
        CustomerRepository customers;

        @Autowired
        JdbcClient jdbc;

        @Test
        void first(TestReporter reporter) {
            reporter.publishEntry("customers before insert", Long.toString(customers.count()));
            customers.saveAndFlush(new Customer("alice"));
            reporter.publishEntry("database", jdbc.sql("SELECT current_database()").query(String.class).single());
        }

        @Test
        void second(TestReporter reporter) {
            first(reporter);
        }
    }

    @Kit.Fixture
    @JdbcTest
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class JdbcSlice extends SpringIntegrationTest.TwoInserts {
    }

    @Kit.Fixture
    @SpringBootTest(classes = PlainJdbcApplication.class)
    static class WithoutDriftless {
        @Autowired
        DataSource dataSource;

        @Test
        void keepsTheApplicationsPool(TestReporter reporter) {
            reporter.publishEntry("data source", dataSource.getClass().getName());
        }
    }
}
