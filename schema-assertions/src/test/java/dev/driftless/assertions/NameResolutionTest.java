package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.Failures.assertFailure;

import dev.driftless.schema.SchemaSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Every assertion finds objects by name through {@link SchemaSnapshot}'s lookups, so a name means the same in
 * {@code hasTable}, {@code table}, {@code tablesAre}, {@code referencing} and {@code hasFunction}: read as SQL reads
 * it, a bare name in {@code public} first, then in the one other schema that has it.
 */
class NameResolutionTest {

    private static final String WITHOUT_LOGS = """
            CREATE SCHEMA app;
            CREATE SCHEMA other;
            CREATE TABLE orders (id int PRIMARY KEY);
            CREATE TABLE "Orders" (id int PRIMARY KEY, note text);
            CREATE TABLE app.invoice (id int PRIMARY KEY, order_id int REFERENCES orders);
            CREATE FUNCTION app.total(a integer) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION other.total(a text) RETURNS int LANGUAGE sql AS 'SELECT 1';
            """;

    private final SchemaSnapshot schema = Schemas.of(WITHOUT_LOGS
            + "CREATE TABLE app.log (at timestamptz); CREATE TABLE other.log (at timestamptz);");

    @Test
    void tableNamesAreReadAsSqlReadsThem() {
        assertThat(schema).hasTable("ORDERS").hasTable("Public.Orders").hasTable("\"Orders\"").hasTable("invoice")
                .hasTable("APP.Invoice").doesNotHaveTable("\"ORDERS\"").doesNotHaveTable("app.orders");
        assertThat(schema).table("\"Orders\"").hasColumn("note");
        assertThat(schema).table("Orders").doesNotHaveColumn("note");
        assertFailure("hasTableAmbiguous", """

                Expecting actual:
                  the schema
                to have table:
                  "log"
                but found tables:
                  "app.invoice", "app.log", "other.log", "Orders", "orders\"""", () -> assertThat(schema).hasTable("log"));
    }

    @Test
    void tablesAreFindsEachNameAsHasTableDoes() {
        assertThat(schema).tablesAre("ORDERS", "\"Orders\"", "invoice", "app.log", "other.log");
        assertFailure("tablesAreUnresolved", """

                Expecting actual:
                  the schema
                to have exactly the tables:
                  "orders", "Orders", "invoice", "log"
                but these were missing:
                  "log"
                and these were not expected:
                  "Orders", "app.log", "other.log\"""",
                () -> assertThat(schema).tablesAre("orders", "Orders", "invoice", "log"));
    }

    @Test
    void referencedTablesAreFoundAsTablesAre() {
        assertThat(schema).table("invoice").hasForeignKey("order_id").referencing("ORDERS", "id")
                .referencing("public.orders", "id");
        assertFailure("referencingQuoted", """

                Expecting actual:
                  foreign key invoice_order_id_fkey of table app.invoice
                    FOREIGN KEY (order_id) REFERENCES public.orders(id)
                to reference:
                  public.Orders (id)
                but found:
                  public.orders (id)""",
                () -> assertThat(schema).table("invoice").hasForeignKey("order_id").referencing("\"Orders\"", "id"));
    }

    @Test
    void functionsFollowTheSameSchemaRule() {
        assertThat(schema).hasFunction("TOTAL(INTEGER)").hasFunction("other.total").doesNotHaveFunction("total(date)");
        assertFailure("hasFunctionAmbiguous", """

                Expecting actual:
                  the schema
                to have function:
                  "total"
                but found functions:
                  "app.total(integer)", "other.total(text)\"""", () -> assertThat(schema).hasFunction("total"));
    }

    @Test
    void ignoredTablesAreLeftOutOfRulesAsOfComparisons() {
        // "log" names a table in any schema, for the rules as for the comparisons (DiffOptions.ignoringTables).
        assertThat(schema).ignoringTables("log").everyTableHasPrimaryKey()
                .tablesAre("orders", "\"Orders\"", "invoice");
        assertThat(schema).ignoringTables("log").isSameSchemaAs(Schemas.of(WITHOUT_LOGS));
    }
}
