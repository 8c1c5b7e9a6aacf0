package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.Failures.assertFailure;

import dev.driftless.schema.ObjectKind;
import dev.driftless.schema.SchemaSnapshot;
import org.junit.jupiter.api.Test;

class SchemaRulesTest {

    private static final String CLEAN = """
            CREATE TABLE party (party_id bigint PRIMARY KEY, display_name text NOT NULL, balance_cents bigint);
            CREATE TABLE booking (
                booking_id bigint PRIMARY KEY,
                party_id bigint NOT NULL REFERENCES party,
                starts_at timestamptz NOT NULL,
                price_cents bigint NOT NULL
            );
            CREATE INDEX booking_party_id_starts_at_idx ON booking (party_id, starts_at);
            CREATE UNIQUE INDEX booking_party_id_key ON booking (party_id) WHERE starts_at IS NULL;
            """;

    private final SchemaSnapshot schema = Schemas.rich();
    private final SchemaSnapshot clean = Schemas.of(CLEAN);

    @Test
    void everyTableHasPrimaryKey() {
        assertThat(clean).everyTableHasPrimaryKey();
        assertThat(schema).ignoringTables("audit_log").everyTableHasPrimaryKey();
        assertFailure("everyTableHasPrimaryKey", """

                Expecting actual:
                  the schema
                to have a primary key on every table
                but these tables have none:
                  a
                  b""", () -> assertThat(Schemas.of("CREATE TABLE a (x int); CREATE TABLE b (y int);"
                + " CREATE TABLE c (z int PRIMARY KEY);")).everyTableHasPrimaryKey());
    }

    @Test
    void everyForeignKeyHasIndex() {
        assertThat(clean).everyForeignKeyHasIndex();
        assertFailure("everyForeignKeyHasIndex", """

                Expecting actual:
                  the schema
                to have, for every foreign key, an index starting with its columns
                but these foreign keys have none:
                  billing.invoice (party_id) → party (party_id), constraint invoice_party_id_fkey""", () -> assertThat(schema).everyForeignKeyHasIndex());
        assertFailure("everyForeignKeyHasIndexPartial", """

                Expecting actual:
                  the schema
                to have, for every foreign key, an index starting with its columns
                but these foreign keys have none:
                  c (p_id) → p (id), constraint c_p_id_fkey""", () -> assertThat(Schemas.of("""
                CREATE TABLE p (id int PRIMARY KEY);
                CREATE TABLE c (id int PRIMARY KEY, p_id int REFERENCES p, other int);
                CREATE INDEX c_other_p_idx ON c (other, p_id);
                CREATE INDEX c_p_partial_idx ON c (p_id) WHERE other > 0;
                """)).everyForeignKeyHasIndex());
    }

    @Test
    void hasNoRedundantIndexes() {
        assertThat(clean).hasNoRedundantIndexes();
        assertFailure("hasNoRedundantIndexes", """

                Expecting actual:
                  the schema
                to have no redundant indexes
                but these indexes are covered by others:
                  t.t_a_b_idx (a, b) is covered by t_a_b_copy_idx (a, b)
                  t.t_a_idx (a) is covered by t_a_b_copy_idx (a, b)
                  t.t_id_idx (id) is covered by t_pkey (id)""", () -> assertThat(Schemas.of("""
                CREATE TABLE t (id int PRIMARY KEY, a int, b int);
                CREATE INDEX t_a_idx ON t (a);
                CREATE INDEX t_a_b_idx ON t (a, b);
                CREATE INDEX t_a_b_copy_idx ON t (a, b);
                CREATE INDEX t_id_idx ON t (id);
                """)).hasNoRedundantIndexes());
    }

    @Test
    void columnsNamedAllHaveType() {
        assertThat(clean).columnsNamed(".*_cents").allHaveType("bigint").allHaveType("int8");
        assertFailure("columnsNamedAllHaveType", """

                Expecting actual:
                  columns named ".*_cents" (4)
                to have type:
                  "bigint"
                but these columns are not:
                  billing.invoice.amount_cents: numeric(12,2)""", () -> assertThat(schema).columnsNamed(".*_cents").allHaveType("bigint"));
    }

    @Test
    void columnsNamedAllAreNotNull() {
        assertThat(clean).columnsNamed("starts_at|display_name").allAreNotNull();
        assertFailure("columnsNamedAllAreNotNull", """

                Expecting actual:
                  columns named ".*_cents" (4)
                to be NOT NULL
                but these columns are not:
                  booking.fee_cents: nullable
                  booking.total_cents: nullable""", () -> assertThat(schema).columnsNamed(".*_cents").allAreNotNull());
    }

    @Test
    void namingConventions() {
        assertThat(clean).namesOf(ObjectKind.TABLE, ObjectKind.COLUMN).allMatch("[a-z][a-z0-9_]*");
        assertThat(schema).namesOf(ObjectKind.INDEX).allMatch(".*_(idx|pkey|key|overlap)");
        assertFailure("namingConventions", """

                Expecting actual:
                  names of every table, column, index (7)
                to match:
                  "[a-z][a-z0-9_]*"
                but these do not:
                  table BookingArchive
                  column BookingArchive.startsAt""", () -> assertThat(Schemas.of("""
                CREATE TABLE "BookingArchive" (id int CONSTRAINT pk PRIMARY KEY, "startsAt" timestamptz);
                CREATE TABLE party (id int PRIMARY KEY);
                """)).namesOf(ObjectKind.TABLE, ObjectKind.COLUMN, ObjectKind.INDEX).allMatch("[a-z][a-z0-9_]*"));
    }
}
