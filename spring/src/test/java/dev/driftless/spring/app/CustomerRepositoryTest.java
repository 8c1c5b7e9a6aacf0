package dev.driftless.spring.app;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import dev.driftless.seed.Seeder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest
@MigratedDatabase(migrations = "classpath:db/shop")
class CustomerRepositoryTest {

    @Autowired
    CustomerRepository customers;

    @BeforeEach
    void seed(Seeder seeder) {
        seeder.into("customer").row(r -> r.set("name", "alice")).load();
    }

    @Test
    void findsASeededCustomer() {
        assertThat(customers.findByName("alice")).isPresent();
    }

    @Test
    void savesInTheTestsTransaction(TestDatabase db) {
        customers.saveAndFlush(new Customer("bob"));

        assertThat(customers.count()).isEqualTo(2);
        assertThat(db.name()).startsWith("driftless_"); // this test's own copy of the migrated template
    }
}
