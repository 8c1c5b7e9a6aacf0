package dev.driftless.assertions;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@code TableData} names a table of a database whose rows an assertion reads:
 * {@code assertThat(table(dataSource, "party"))}. The rows are read when the assertion is made.
 *
 * @param dataSource the database, never {@code null}
 * @param name the table as SQL names it ({@code party}, {@code billing.invoice}), never {@code null}
 */
public record TableData(DataSource dataSource, String name) {

    /**
     * Creates the reference.
     *
     * @param dataSource the value for the {@code dataSource} record component
     * @param name the value for the {@code name} record component
     */
    public TableData {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "table " + name;
    }
}
