package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspector and the diff on every supported major version (14 to 18): the every-kind schema reads and compares
 * equal to itself on each, and against the default major (17) it differs only where the servers print the same query
 * differently, which {@link Equivalence#CROSS_MAJOR_PRINTING} leaves equal.
 */
class MajorVersionsTest {

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {14, 15, 16, 17, 18})
    void theEveryKindSchemaComparesEqualOnEachMajorAndAcrossThemWithTheNormalisation(int major) {
        PostgresServer server = TestServers.embedded(major);
        assertThat(server.majorVersion()).isEqualTo(major);
        SchemaSnapshot snapshot = snapshotOn(server, TestSchemas.EVERY_KIND);
        assertThat(snapshot.tables()).hasSizeGreaterThan(8);
        assertThat(SchemaDiff.between(snapshot, snapshotOn(server, TestSchemas.EVERY_KIND)).toText())
                .isEqualTo("no differences\n");
        // The diff sees a change on this major as on any other.
        SchemaSnapshot changed = snapshotOn(server, TestSchemas.EVERY_KIND
                + "ALTER TABLE party ALTER COLUMN email DROP NOT NULL;\n");
        assertThat(TestSchemas.lines(SchemaDiff.between(snapshot, changed)))
                .containsExactly("table party: column email: not null true → false");

        SchemaSnapshot current = snapshotOn(TestServers.embedded(), TestSchemas.EVERY_KIND);
        SchemaDiff across = SchemaDiff.between(snapshot, current);
        assertThat(across.without(ChangeCategory.CODE, ChangeCategory.EXTENSION_VERSION).toText())
                .isEqualTo("no differences\n");
        // Contrib extensions come with the server: PostgreSQL 18 ships pgcrypto 1.4. Not a printing difference.
        assertThat(TestSchemas.lines(across.without(ChangeCategory.CODE))).containsExactlyElementsOf(major == 18
                ? List.of("extension pgcrypto: version 1.4 → 1.3 [extension version]") : List.of());
        // PostgreSQL 16 stopped qualifying column names in single-table view queries (booking.status -> status).
        assertThat(across.changes(ChangeCategory.CODE)).extracting(c -> c.object().toString() + " " + c.property())
                .containsExactlyElementsOf(major < 16 ? List.of("view public.confirmed_booking definition",
                        "materialized view public.resource_usage definition") : List.of());
        DiffOptions normalised = DiffOptions.defaults().treatingAsEqual(Equivalence.CROSS_MAJOR_PRINTING)
                .ignoringExtensionVersions();
        assertThat(SchemaDiff.between(snapshot, current, normalised).toText()).isEqualTo("no differences\n");
        assertThat(SchemaDiff.between(current, snapshot, normalised).toText()).isEqualTo("no differences\n");
    }

    private static final String VIEWS = """
            CREATE TABLE party (party_id int PRIMARY KEY, name text, referrer_id int);
            CREATE VIEW named AS SELECT p.party_id, lower(p.name) AS name FROM party p WHERE p.name IS DISTINCT FROM ''
                ORDER BY p.name;
            CREATE VIEW referred AS SELECT party_id FROM party p
                WHERE EXISTS (SELECT 1 FROM party r WHERE r.party_id = p.referrer_id);
            CREATE VIEW pairs AS SELECT p.party_id, r.name FROM party p JOIN party r ON r.party_id = p.referrer_id;
            CREATE VIEW "Quoted" AS SELECT "Quoted".party_id FROM party "Quoted";
            """;

    /** Only the qualifier PostgreSQL 16 stopped printing is left out: a real change of a view is still reported. */
    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {14, 15})
    void crossMajorPrintingLeavesOutOnlyTheSingleRelationQualifier(int major) {
        SchemaSnapshot old = snapshotOn(TestServers.embedded(major), VIEWS);
        SchemaSnapshot current = snapshotOn(TestServers.embedded(), VIEWS);
        DiffOptions normalised = DiffOptions.defaults().treatingAsEqual(Equivalence.CROSS_MAJOR_PRINTING);
        assertThat(SchemaDiff.between(old, current).changes()).extracting(c -> c.object().name())
                .containsExactly("Quoted", "named", "referred");
        assertThat(SchemaDiff.between(old, current, normalised).toText()).isEqualTo("no differences\n");
        // The subquery's reference to the outer relation is not the outer query's own column.
        SchemaSnapshot changed = snapshotOn(TestServers.embedded(), VIEWS
                .replace("r.party_id = p.referrer_id);", "r.party_id = r.referrer_id);")
                .replace("ON r.party_id = p.referrer_id", "ON r.party_id = p.party_id")
                .replace("lower(p.name)", "upper(p.name)"));
        assertThat(SchemaDiff.between(old, changed, normalised).changes()).extracting(c -> c.object().name())
                .containsExactly("named", "pairs", "referred");
    }

    private static SchemaSnapshot snapshotOn(PostgresServer server, String ddl) {
        Database db = TestSchemas.copyOf(server, ddl);
        try {
            return TestSchemas.snapshot(db);
        } finally {
            server.drop(db);
        }
    }
}
