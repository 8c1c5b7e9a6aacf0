package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector on PostgreSQL 14 (the oldest supported, whose catalog lacks NULLS NOT DISTINCT) and on the default
 * major: the every-kind schema reads the same on both, except where the servers print the same thing differently.
 */
class InspectorVersionsTest {

    @Test
    void theEveryKindSchemaReadsTheSameOnFourteenAndTheDefaultMajor() {
        SchemaSnapshot oldest = snapshotOn(TestServers.embedded(14));
        SchemaSnapshot current = snapshotOn(TestServers.embedded());
        assertThat(oldest.tables()).hasSizeGreaterThan(8);
        SchemaDiff diff = SchemaDiff.between(oldest, current);
        assertThat(diff.without(ChangeCategory.CODE).toText()).isEqualTo("no differences\n");
        // PostgreSQL 16 stopped qualifying column names in single-table view queries (booking.status -> status):
        // the same view, printed differently, so snapshots are best compared on one major version.
        assertThat(diff.changes(ChangeCategory.CODE)).extracting(c -> c.object().toString() + " " + c.property())
                .containsExactly("view public.confirmed_booking definition",
                        "materialized view public.resource_usage definition");
        // Owners and privileges do differ: PostgreSQL 15 changed the default privileges of schema public.
        assertThat(SchemaDiff.between(oldest, current, DiffOptions.defaults().comparingOwnersAndPrivileges())
                .changes(ChangeCategory.OWNERSHIP)).extracting(c -> c.object().toString() + " " + c.property())
                .containsExactly("schema public.public owner", "schema public.public privileges");
    }

    private static SchemaSnapshot snapshotOn(PostgresServer server) {
        Database db = TestSchemas.copyOf(server, TestSchemas.EVERY_KIND);
        try {
            return TestSchemas.snapshot(db);
        } finally {
            server.drop(db);
        }
    }
}
