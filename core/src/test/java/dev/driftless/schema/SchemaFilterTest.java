package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema filters limit every kind of object that lives in a schema, extensions included. */
class SchemaFilterTest {

    /** Every kind of object that lives in a schema, in {@code S}; the "changed" variant alters each of them. */
    private static final String OBJECTS = """
            CREATE TYPE S.status AS ENUM ('a', 'b');
            CREATE DOMAIN S.amount AS numeric CHECK (VALUE >= 0);
            CREATE TYPE S.pair AS (x int, y int);
            CREATE TABLE S.item (id int PRIMARY KEY, status S.status, amount S.amount, note text);
            CREATE INDEX item_note_idx ON S.item (note);
            CREATE SEQUENCE S.counter;
            CREATE VIEW S.item_view AS SELECT id FROM S.item;
            CREATE MATERIALIZED VIEW S.item_mat AS SELECT id FROM S.item;
            CREATE FUNCTION S.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            """;

    private static final String CHANGES = """
            ALTER TYPE S.status ADD VALUE 'c';
            ALTER DOMAIN S.amount ADD CONSTRAINT amount_small CHECK (VALUE < 1000);
            ALTER TYPE S.pair ADD ATTRIBUTE z int;
            ALTER TABLE S.item ADD COLUMN extra text;
            CREATE INDEX item_extra_idx ON S.item (extra);
            ALTER SEQUENCE S.counter INCREMENT 2;
            CREATE OR REPLACE VIEW S.item_view AS SELECT id, note FROM S.item;
            DROP MATERIALIZED VIEW S.item_mat;
            CREATE MATERIALIZED VIEW S.item_mat AS SELECT id, note FROM S.item;
            CREATE OR REPLACE FUNCTION S.f() RETURNS int LANGUAGE sql AS 'SELECT 2';
            """;

    private static final String BASE = "CREATE SCHEMA app;\n"
            + "CREATE EXTENSION pgcrypto SCHEMA public;\nCREATE EXTENSION pg_trgm SCHEMA app;\n"
            + OBJECTS.replace("S.", "public.") + OBJECTS.replace("S.", "app.");

    /** The kinds each variant changes: every kind with a schema, and an extension removed from it. */
    private static final Set<ObjectKind> CHANGED_KINDS = EnumSet.of(ObjectKind.EXTENSION, ObjectKind.ENUM,
            ObjectKind.DOMAIN, ObjectKind.COMPOSITE_TYPE, ObjectKind.COLUMN, ObjectKind.INDEX, ObjectKind.SEQUENCE,
            ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW, ObjectKind.FUNCTION);

    private final PostgresServer server = TestServers.embedded();

    private SchemaSnapshot snapshotOf(String ddl, SchemaFilter filter) {
        Database db = TestSchemas.copyOf(server, ddl);
        try {
            return SchemaInspector.create(filter).inspect(db);
        } finally {
            server.drop(db);
        }
    }

    private static String changed(String schema, String extension) {
        return BASE + CHANGES.replace("S.", schema + ".") + "DROP EXTENSION " + extension + ";\n";
    }

    private static Set<ObjectKind> kinds(SchemaDiff diff) {
        Set<ObjectKind> kinds = new TreeSet<>();
        diff.changes().forEach(c -> kinds.add(c.object().kind()));
        return kinds;
    }

    private static Set<String> schemas(SchemaDiff diff) {
        Set<String> schemas = new TreeSet<>();
        // An extension's id has no schema (its name is unique in the database): kinds() shows it.
        diff.changes().stream().filter(c -> c.object().schema() != null).forEach(c -> schemas.add(c.object().schema()));
        return schemas;
    }

    @Test
    void everyKindChangedInPublicIsReportedWithoutAFilter() {
        SchemaDiff diff = SchemaDiff.between(snapshotOf(BASE, SchemaFilter.all()),
                snapshotOf(changed("public", "pgcrypto"), SchemaFilter.all()));
        assertThat(kinds(diff)).containsExactlyInAnyOrderElementsOf(CHANGED_KINDS);
        assertThat(schemas(diff)).containsExactly("public");
    }

    @Test
    void onlyOneSchemaLeavesOutEveryKindOutsideIt() {
        for (SchemaFilter filter : new SchemaFilter[] {SchemaFilter.all().schemas("app"),
                SchemaFilter.all().excludingSchemas("public")}) {
            SchemaSnapshot base = snapshotOf(BASE, filter);
            // plpgsql lives in pg_catalog: outside "app", not in the excluded "public".
            assertThat(base.extensions()).extracting(Extension::name)
                    .containsExactlyElementsOf(filter.schemas().isEmpty() ? List.of("pg_trgm", "plpgsql")
                            : List.of("pg_trgm"));
            assertThat(base.schemas()).extracting(Schema::name).containsExactly("app");
            assertThat(SchemaDiff.between(base, snapshotOf(changed("public", "pgcrypto"), filter)).isEmpty())
                    .isTrue();

            SchemaDiff inApp = SchemaDiff.between(base, snapshotOf(changed("app", "pg_trgm"), filter));
            assertThat(kinds(inApp)).containsExactlyInAnyOrderElementsOf(CHANGED_KINDS);
            assertThat(schemas(inApp)).containsExactly("app");
        }
    }

    @Test
    void anExcludedSchemaWinsOverAChosenOne() {
        SchemaFilter filter = SchemaFilter.all().schemas("app", "public").excludingSchemas("app");
        assertThat(filter.readsSchema("public")).isTrue();
        assertThat(filter.readsSchema("app")).isFalse();
        SchemaSnapshot base = snapshotOf(BASE, filter);
        assertThat(base.extensions()).extracting(Extension::name).containsExactly("pgcrypto");
        assertThat(SchemaDiff.between(base, snapshotOf(changed("app", "pg_trgm"), filter)).isEmpty()).isTrue();
    }
}
