package flyway.studio.java;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The studio project's Java migration: the rate card, with its rates written through JDBC as the project's
 * developers would load them from their pricing code. Flyway finds it in the location's package.
 */
public class V3__Seed_rate_card extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            st.execute("CREATE TABLE rate_card (code text PRIMARY KEY,"
                    + " hourly_rate numeric(10, 2) NOT NULL CHECK (hourly_rate >= 0))");
        }
        try (PreparedStatement insert = context.getConnection()
                .prepareStatement("INSERT INTO rate_card (code, hourly_rate) VALUES (?, ?)")) {
            for (Object[] rate : new Object[][] {{"standard", new BigDecimal("80.00")},
                    {"weekend", new BigDecimal("120.00")}}) {
                insert.setString(1, (String) rate[0]);
                insert.setBigDecimal(2, (BigDecimal) rate[1]);
                insert.executeUpdate();
            }
        }
    }
}
