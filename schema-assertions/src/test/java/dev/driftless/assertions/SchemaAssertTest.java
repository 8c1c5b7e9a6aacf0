package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.Failures.assertFailure;

import dev.driftless.schema.SchemaSnapshot;
import org.junit.jupiter.api.Test;

class SchemaAssertTest {

    private final SchemaSnapshot schema = Schemas.rich();

    @Test
    void hasTable() {
        assertThat(schema).hasTable("booking").hasTable("billing.invoice").hasTable("invoice");
        assertFailure("hasTable", """

                Expecting actual:
                  the schema
                to have table:
                  "bookings"
                but found tables:
                  "billing.invoice", "audit_log", "booking", "party", "resource\"""", () -> assertThat(schema).hasTable("bookings"));
    }

    @Test
    void doesNotHaveTable() {
        assertThat(schema).doesNotHaveTable("bookings").doesNotHaveTable("public.invoice");
        assertFailure("doesNotHaveTable", """

                Expecting actual:
                  the schema
                not to have table:
                  "booking"
                but it has:
                  table public.booking""", () -> assertThat(schema).doesNotHaveTable("booking"));
    }

    @Test
    void tableNavigatesAndReportsAMissingTable() {
        assertThat(schema).table("booking").hasColumn("starts_at");
        assertFailure("table", """

                Expecting actual:
                  the schema
                to have table:
                  "bookings"
                but found tables:
                  "billing.invoice", "audit_log", "booking", "party", "resource\"""", () -> assertThat(schema).table("bookings").hasColumn("starts_at"));
    }

    @Test
    void tablesAre() {
        assertThat(schema).tablesAre("audit_log", "billing.invoice", "booking", "party", "resource");
        assertFailure("tablesAre", """

                Expecting actual:
                  the schema
                to have exactly the tables:
                  "booking", "party", "resource", "customer"
                but these were missing:
                  "customer"
                and these were not expected:
                  "audit_log", "billing.invoice\"""", () -> assertThat(schema).tablesAre("booking", "party", "resource", "customer"));
    }

    @Test
    void indexesOnAre() {
        assertThat(schema).indexesOn("party").are("party_pkey", "party_email_key");
        assertFailure("indexesOn", """

                Expecting actual:
                  table public.booking
                to have exactly the indexes:
                  "booking_pkey", "booking_party_id_idx", "booking_no_overlap", "booking_active_idx", "booking_starts_idx"
                but these were missing:
                  "booking_starts_idx"
                and these were not expected:
                  "booking_resource_idx" (resource_id)
                  "booking_resource_starts_idx" (resource_id, starts_at)""", () -> assertThat(schema).indexesOn("booking").are("booking_pkey", "booking_party_id_idx",
                "booking_no_overlap", "booking_active_idx", "booking_starts_idx"));
    }

    @Test
    void views() {
        assertThat(schema).hasView("active_booking").doesNotHaveView("daily_totals").doesNotHaveView("nope");
        assertFailure("hasView", """

                Expecting actual:
                  the schema
                to have view:
                  "daily_totals"
                but found views:
                  "active_booking\"""", () -> assertThat(schema).hasView("daily_totals"));
        assertFailure("doesNotHaveView", """

                Expecting actual:
                  the schema
                not to have view:
                  "active_booking"
                but it has:
                  view public.active_booking""", () -> assertThat(schema).doesNotHaveView("active_booking"));
    }

    @Test
    void materializedViews() {
        assertThat(schema).hasMaterializedView("daily_totals").doesNotHaveMaterializedView("active_booking");
        assertFailure("hasMaterializedView", """

                Expecting actual:
                  the schema
                to have materialized view:
                  "monthly_totals"
                but found materialized views:
                  "daily_totals\"""", () -> assertThat(schema).hasMaterializedView("monthly_totals"));
        assertFailure("doesNotHaveMaterializedView", """

                Expecting actual:
                  the schema
                not to have materialized view:
                  "daily_totals"
                but it has:
                  materialized view public.daily_totals""", () -> assertThat(schema).doesNotHaveMaterializedView("daily_totals"));
    }

    @Test
    void sequences() {
        assertThat(schema).hasSequence("invoice_number_seq").doesNotHaveSequence("booking_booking_id_seq");
        assertFailure("hasSequence", """

                Expecting actual:
                  the schema
                to have sequence:
                  "order_seq"
                but found sequences:
                  "invoice_number_seq", "resource_resource_id_seq\"""", () -> assertThat(schema).hasSequence("order_seq"));
        assertFailure("doesNotHaveSequence", """

                Expecting actual:
                  the schema
                not to have sequence:
                  "resource_resource_id_seq"
                but it has:
                  sequence public.resource_resource_id_seq""", () -> assertThat(schema).doesNotHaveSequence("resource_resource_id_seq"));
    }

    @Test
    void functionsAndProcedures() {
        assertThat(schema).hasFunction("touch").hasFunction("touch()").hasFunction("public.touch")
                .doesNotHaveFunction("archive_bookings").hasProcedure("archive_bookings(date)")
                .doesNotHaveProcedure("touch");
        assertFailure("hasFunction", """

                Expecting actual:
                  the schema
                to have function:
                  "touch(integer)"
                but found functions:
                  "touch()\"""", () -> assertThat(schema).hasFunction("touch(integer)"));
        assertFailure("doesNotHaveFunction", """

                Expecting actual:
                  the schema
                not to have function:
                  "touch"
                but it has:
                  function public.touch()""", () -> assertThat(schema).doesNotHaveFunction("touch"));
        assertFailure("hasProcedure", """

                Expecting actual:
                  the schema
                to have procedure:
                  "purge"
                but found procedures:
                  "archive_bookings(date)\"""", () -> assertThat(schema).hasProcedure("purge"));
        assertFailure("doesNotHaveProcedure", """

                Expecting actual:
                  the schema
                not to have procedure:
                  "archive_bookings"
                but it has:
                  procedure public.archive_bookings(date)""", () -> assertThat(schema).doesNotHaveProcedure("archive_bookings"));
    }

    /** An aggregate is a routine of the snapshot, but neither a function nor a procedure. */
    @Test
    void anAggregateIsNeitherAFunctionNorAProcedure() {
        SchemaSnapshot withAggregate = Schemas.of("CREATE FUNCTION touch() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                + " CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int)");
        assertThat(withAggregate).hasFunction("touch").doesNotHaveFunction("total").doesNotHaveProcedure("total");
        assertFailure("hasFunction", """

                Expecting actual:
                  the schema
                to have function:
                  "total"
                but found functions:
                  "touch()\"""", () -> assertThat(withAggregate).hasFunction("total"));
    }

    @Test
    void enums() {
        assertThat(schema).hasEnum("booking_status").hasEnum("booking_status", "Pending", "Confirmed", "Cancelled")
                .doesNotHaveEnum("party_kind");
        assertFailure("hasEnum", """

                Expecting actual:
                  the schema
                to have enum:
                  "party_kind"
                but found enums:
                  "booking_status\"""", () -> assertThat(schema).hasEnum("party_kind"));
        assertFailure("hasEnumLabels", """

                Expecting actual:
                  enum public.booking_status
                to have labels:
                  "Pending", "Confirmed"
                but found:
                  "Pending", "Confirmed", "Cancelled\"""", () -> assertThat(schema).hasEnum("booking_status", "Pending", "Confirmed"));
        assertFailure("doesNotHaveEnum", """

                Expecting actual:
                  the schema
                not to have enum:
                  "booking_status"
                but it has:
                  enum public.booking_status""", () -> assertThat(schema).doesNotHaveEnum("booking_status"));
    }

    @Test
    void domainsAndCompositeTypes() {
        assertThat(schema).hasDomain("email").hasDomain("email", "text").doesNotHaveDomain("phone")
                .hasCompositeType("money_amount").doesNotHaveCompositeType("pair");
        assertFailure("hasDomain", """

                Expecting actual:
                  domain public.email
                to have base type:
                  "varchar"
                but found:
                  "text\"""", () -> assertThat(schema).hasDomain("email", "varchar"));
        assertFailure("doesNotHaveDomain", """

                Expecting actual:
                  the schema
                not to have domain:
                  "email"
                but it has:
                  domain public.email""", () -> assertThat(schema).doesNotHaveDomain("email"));
        assertFailure("hasCompositeType", """

                Expecting actual:
                  the schema
                to have composite type:
                  "pair"
                but found composite types:
                  "money_amount\"""", () -> assertThat(schema).hasCompositeType("pair"));
        assertFailure("doesNotHaveCompositeType", """

                Expecting actual:
                  the schema
                not to have composite type:
                  "money_amount"
                but it has:
                  composite type public.money_amount""", () -> assertThat(schema).doesNotHaveCompositeType("money_amount"));
    }

    @Test
    void schemasAndExtensions() {
        assertThat(schema).hasSchema("billing").doesNotHaveSchema("staging").hasExtension("pgcrypto")
                .doesNotHaveExtension("postgis");
        assertFailure("hasSchema", """

                Expecting actual:
                  the schema
                to have schema:
                  "staging"
                but found schemas:
                  "billing", "public\"""", () -> assertThat(schema).hasSchema("staging"));
        assertFailure("doesNotHaveSchema", """

                Expecting actual:
                  the schema
                not to have schema:
                  "billing"
                but it has:
                  schema billing""", () -> assertThat(schema).doesNotHaveSchema("billing"));
        assertFailure("hasExtension", """

                Expecting actual:
                  the schema
                to have extension:
                  "postgis"
                but found extensions:
                  "pgcrypto", "plpgsql\"""", () -> assertThat(schema).hasExtension("postgis"));
        assertFailure("doesNotHaveExtension", """

                Expecting actual:
                  the schema
                not to have extension:
                  "pgcrypto"
                but it has:
                  extension pgcrypto""", () -> assertThat(schema).doesNotHaveExtension("pgcrypto"));
    }

    @Test
    void extensionsAre() {
        assertThat(schema).extensionsAre("pgcrypto", "plpgsql");
        assertFailure("extensionsAre", """

                Expecting actual:
                  the schema
                to have exactly the extensions:
                  "plpgsql", "btree_gist"
                but these were missing:
                  "btree_gist"
                and these were not expected:
                  "pgcrypto\"""", () -> assertThat(schema).extensionsAre("plpgsql", "btree_gist"));
    }

    @Test
    void describedAssertionsCarryTheDescription() {
        assertFailure("described", """
                [fresh install]\s
                Expecting actual:
                  the schema
                to have table:
                  "bookings"
                but found tables:
                  "billing.invoice", "audit_log", "booking", "party", "resource\"""", () -> assertThat(schema).as("fresh install").hasTable("bookings"));
    }

    @Test
    void aFailMessageReplacesTheMessageAfterTheDescription() {
        assertFailure("withFailMessage", "[fresh install] the bookings table is created by V3",
                () -> assertThat(schema).as("fresh install").withFailMessage("the bookings table is created by V%d", 3)
                        .hasTable("bookings"));
        SoftDriftlessAssertions softly = new SoftDriftlessAssertions();
        softly.assertThat(schema).withFailMessage("no staging schema yet").hasSchema("staging");
        org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).singleElement()
                .extracting(Throwable::getMessage).asString().startsWith("no staging schema yet\nat SchemaAssertTest.");
    }
}
