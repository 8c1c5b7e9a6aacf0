package dev.driftless.spring.app;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records purchases with plain SQL, through {@link JdbcClient}. */
@Service
public class PurchaseService {

    private final JdbcClient jdbc;

    public PurchaseService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(String customer, int cents) {
        long id = jdbc.sql("SELECT id FROM customer WHERE name = ?").param(customer).query(Long.class).single();
        jdbc.sql("INSERT INTO purchase (customer_id, cents) VALUES (?, ?)").params(id, cents).update();
    }

    public long totalCents(String customer) {
        return jdbc.sql("SELECT coalesce(sum(p.cents), 0) FROM purchase p JOIN customer c ON c.id = p.customer_id"
                + " WHERE c.name = ?").param(customer).query(Long.class).single();
    }
}
