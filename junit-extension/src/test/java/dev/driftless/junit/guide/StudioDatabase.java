package dev.driftless.junit.guide;

import dev.driftless.junit.Format;
import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/junit.md's composed annotation: the setup of many test classes, written once. The page shows it with a class
 * that uses it, {@link InvoiceTest}, so both live in this file.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MigratedDatabase(migrations = "db/flyway", format = Format.FLYWAY, seed = "fixtures/products.yml")
public @interface StudioDatabase {
}

@StudioDatabase
class InvoiceTest {

    @Test
    void seesTheSeed(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT title FROM product")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Guitar");
        }
    }
}
