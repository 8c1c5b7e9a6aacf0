package dev.driftless.assertions;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.RowMatching;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.schema.SchemaSnapshot;
import javax.sql.DataSource;

/**
 * {@code DriftlessAssertions} is the entry point of Driftless' AssertJ assertions: on a schema, on a migration chain
 * and on a table's rows. Import its methods statically next to AssertJ's {@code Assertions}.
 *
 * <pre>{@code
 * import static dev.driftless.assertions.DriftlessAssertions.*;
 *
 * assertThat(schema).table("booking").hasColumn("starts_at").ofType("timestamptz").isNotNull();
 * assertThatMigrations(MigrationChain.at("sql/migrations")).on(server).areReversible();
 * assertThat(table(dataSource, "party")).containsExactlyRows(row("display_name", "Alice"));
 * }</pre>
 *
 * {@link SoftDriftlessAssertions} offers the same assertions collecting every failure.
 */
public final class DriftlessAssertions {

    private DriftlessAssertions() {
    }

    /**
     * {@code assertThat} starts assertions on a schema snapshot.
     *
     * @param schema the snapshot, e.g. {@code SchemaInspector.create().inspect(database)}
     * @return the assertion
     */
    public static SchemaAssert assertThat(SchemaSnapshot schema) {
        return new SchemaAssert(schema, FailureSink.THROWING);
    }

    /**
     * {@code assertThatMigrations} starts assertions on a migration chain; name the server with {@code on(server)}.
     *
     * @param chain the chain
     * @return the assertion
     */
    public static MigrationChainAssert assertThatMigrations(MigrationChain chain) {
        return new MigrationChainAssert(chain, FailureSink.THROWING);
    }

    /**
     * {@code assertThatMigrations} starts assertions on the chain of a migration engine, checked with that engine,
     * e.g. the real Flyway: {@code assertThatMigrations(FlywaySettings.defaults().withLocations("classpath:db/migration")
     * .engine()).on(server).areReversible()}. {@code areIdempotent} needs a {@link MigrationChain}.
     *
     * @param engine the engine, e.g. {@code FlywaySettings.engine()} or {@code EngineSelector.at(...).select().engine()}
     * @return the assertion
     */
    public static MigrationChainAssert assertThatMigrations(MigrationEngine engine) {
        return new MigrationChainAssert(engine, FailureSink.THROWING);
    }

    /**
     * {@code assertThat} starts assertions on a table's rows, read now.
     *
     * @param table the table, from {@link #table(DataSource, String)}
     * @return the assertion
     */
    public static TableDataAssert assertThat(TableData table) {
        return new TableDataAssert(table, FailureSink.THROWING);
    }

    /**
     * {@code table} names a table of a database for {@link #assertThat(TableData)}.
     *
     * @param dataSource the database
     * @param name the table as SQL names it, e.g. {@code party} or {@code billing.invoice}
     * @return the table
     */
    public static TableData table(DataSource dataSource, String name) {
        return new TableData(dataSource, name);
    }

    /**
     * {@code row} makes an expected row from column, value pairs: {@code row("display_name", "Alice", "status",
     * "Active")}.
     *
     * @param columnsAndValues column names and values, alternating
     * @return the row
     */
    public static ExpectedRow row(Object... columnsAndValues) {
        return ExpectedRow.of(columnsAndValues);
    }

    /**
     * {@code matching} matches a value with a regular expression (the whole value), e.g. a generated UUID.
     *
     * @param regex the pattern
     * @return the matcher
     */
    public static ValueMatcher matching(String regex) {
        return ValueMatcher.regex(regex);
    }

    /** @return a matcher accepting any value, {@code NULL} included ({@code $any} in files) */
    public static ValueMatcher anyValue() {
        return RowMatching.ANY;
    }

    /** @return a matcher accepting any value but {@code NULL} ({@code $notNull} in files) */
    public static ValueMatcher notNullValue() {
        return RowMatching.NOT_NULL;
    }
}
