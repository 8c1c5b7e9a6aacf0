package dev.driftless.assertions;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.schema.SchemaSnapshot;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * {@code SoftDriftlessAssertions} is the soft flavour of {@link DriftlessAssertions}: failures are collected and
 * reported together by {@link #assertAll()} (or by JUnit's {@code SoftAssertionsExtension}), so one run lists every
 * missing column or index. A check on an object that is itself missing (a table, a column) is skipped after the
 * missing object is reported, so one mistake gives one failure.
 *
 * <pre>{@code
 * SoftDriftlessAssertions softly = new SoftDriftlessAssertions();
 * softly.assertThat(schema).table("booking").hasColumn("starts_at").isNotNull();
 * softly.assertThat(schema).hasExtension("pgcrypto");
 * softly.assertAll();   // one AssertionError listing every failure
 * }</pre>
 */
public class SoftDriftlessAssertions extends AbstractSoftAssertions {

    /** Creates an empty collection of soft assertions. */
    public SoftDriftlessAssertions() {
    }

    /**
     * {@code assertThat} starts soft assertions on a schema snapshot.
     *
     * @param schema the snapshot
     * @return the assertion
     */
    public SchemaAssert assertThat(SchemaSnapshot schema) {
        return new SchemaAssert(schema, FailureSink.collecting(this));
    }

    /**
     * {@code assertThatMigrations} starts soft assertions on a migration chain.
     *
     * @param chain the chain
     * @return the assertion
     */
    public MigrationChainAssert assertThatMigrations(MigrationChain chain) {
        return new MigrationChainAssert(chain, FailureSink.collecting(this));
    }

    /**
     * {@code assertThatMigrations} starts soft assertions on the chain of a migration engine, e.g. the real Flyway.
     *
     * @param engine the engine
     * @return the assertion
     */
    public MigrationChainAssert assertThatMigrations(MigrationEngine engine) {
        return new MigrationChainAssert(engine, FailureSink.collecting(this));
    }

    /**
     * {@code assertThat} starts soft assertions on a table's rows.
     *
     * @param table the table
     * @return the assertion
     */
    public TableDataAssert assertThat(TableData table) {
        return new TableDataAssert(table, FailureSink.collecting(this));
    }
}
