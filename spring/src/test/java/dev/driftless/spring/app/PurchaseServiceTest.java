package dev.driftless.spring.app;

import dev.driftless.junit.MigratedDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@MigratedDatabase(migrations = "classpath:db/shop")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PurchaseServiceTest {

    @Autowired
    PurchaseService purchases;

    @Autowired
    CustomerRepository customers;

    @Test
    @Order(1)
    void recordsAPurchase() {
        customers.save(new Customer("alice"));
        purchases.record("alice", 1250);

        assertThat(purchases.totalCents("alice")).isEqualTo(1250);
    }

    @Test
    @Order(2)
    void everyTestStartsFromTheMigratedDatabase() {
        assertThat(customers.count()).isZero(); // alice, committed by the test before, is gone
    }
}
