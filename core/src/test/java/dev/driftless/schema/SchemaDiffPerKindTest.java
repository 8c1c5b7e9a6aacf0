package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.driftless.schema.ChangeCategory.CODE;
import static dev.driftless.schema.ChangeCategory.COMMENT;
import static dev.driftless.schema.ChangeCategory.STRUCTURE;
import static dev.driftless.schema.ChangeType.ADDED;
import static dev.driftless.schema.ChangeType.CHANGED;
import static dev.driftless.schema.ChangeType.REMOVED;
import static dev.driftless.schema.ObjectKind.COLLATION;
import static dev.driftless.schema.ObjectKind.COLUMN;
import static dev.driftless.schema.ObjectKind.COMPOSITE_TYPE;
import static dev.driftless.schema.ObjectKind.CONSTRAINT;
import static dev.driftless.schema.ObjectKind.DOMAIN;
import static dev.driftless.schema.ObjectKind.ENUM;
import static dev.driftless.schema.ObjectKind.EXTENSION;
import static dev.driftless.schema.ObjectKind.FUNCTION;
import static dev.driftless.schema.ObjectKind.INDEX;
import static dev.driftless.schema.ObjectKind.MATERIALIZED_VIEW;
import static dev.driftless.schema.ObjectKind.POLICY;
import static dev.driftless.schema.ObjectKind.PROCEDURE;
import static dev.driftless.schema.ObjectKind.SCHEMA;
import static dev.driftless.schema.ObjectKind.SEQUENCE;
import static dev.driftless.schema.ObjectKind.TABLE;
import static dev.driftless.schema.ObjectKind.TRIGGER;
import static dev.driftless.schema.ObjectKind.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One change per object kind, made on a copy of the every-kind schema: the diff reports exactly that change, of the
 * right type, on the right object. On the default major, or on another with {@code -Dschema.test.major=14}.
 */
class SchemaDiffPerKindTest {

    private static PostgresServer server;
    private static Database db;
    private static SchemaSnapshot base;

    @BeforeAll
    static void readBase() {
        // -Dschema.test.major=14 runs these cases on another major (the catalogs differ between versions).
        Integer major = Integer.getInteger("schema.test.major");
        server = major == null ? TestServers.embedded() : TestServers.embedded(major);
        db = TestSchemas.copyOf(server, TestSchemas.EVERY_KIND);
        base = TestSchemas.snapshot(db);
    }

    @AfterAll
    static void dropCopy() {
        server.drop(db);
    }

    @Test
    void sameSchemaHasNoDifferences() {
        Database copy = TestSchemas.copyOf(server, TestSchemas.EVERY_KIND);
        try {
            SchemaSnapshot again = TestSchemas.snapshot(copy);
            assertThat(SchemaDiff.between(base, base).changes()).isEmpty();
            assertThat(SchemaDiff.between(base, again).changes()).isEmpty();
            assertThat(SchemaDiff.between(base, again, DiffOptions.defaults().comparingOwnersAndPrivileges())
                    .changes()).isEmpty();
            assertThat(again).isEqualTo(base);
        } finally {
            server.drop(copy);
        }
    }

    @Test
    void theBaseSchemaHasEveryKind() {
        assertThat(base.schemas()).extracting(Schema::name).containsExactly("billing", "public");
        assertThat(base.extensions()).extracting(Extension::name).containsExactly("pgcrypto", "plpgsql");
        assertThat(base.tables()).extracting(Table::name).contains("party", "booking", "measurement",
                "measurement_2025", "session_cache", "audit_event", "invoice", "room_slot");
        assertThat(base.views()).extracting(View::name).containsExactly("confirmed_booking", "resource_usage");
        assertThat(base.functions()).extracting(Routine::signature)
                .containsExactly("booking_nights(bigint)", "cancel_booking(bigint)", "touch_party()");
        assertThat(base.enums()).hasSize(1);
        assertThat(base.domains()).hasSize(1);
        assertThat(base.compositeTypes()).hasSize(1);
        assertThat(base.sequences()).extracting(Sequence::name)
                .containsExactly("invoice_invoice_id_seq", "invoice_number_seq", "resource_resource_id_seq");
        Table booking = base.table("booking").orElseThrow();
        assertThat(booking.constraints()).extracting(Constraint::type).containsExactlyInAnyOrder(
                ConstraintType.FOREIGN_KEY, ConstraintType.CHECK, ConstraintType.PRIMARY_KEY,
                ConstraintType.FOREIGN_KEY);
        assertThat(base.table("room_slot").orElseThrow().constraints()).extracting(Constraint::type)
                .containsExactly(ConstraintType.EXCLUSION);
        assertThat(base.table("billing.invoice").orElseThrow().policies()).extracting(Policy::name)
                .containsExactly("invoice_owner");
        assertThat(base.table("party").orElseThrow().triggers()).extracting(Trigger::name)
                .containsExactly("party_touch");
    }

    static Stream<Arguments> oneChangePerKind() {
        return Stream.of(
                // schemas and extensions
                change("CREATE SCHEMA extra", ADDED, SCHEMA, "extra", null, STRUCTURE),
                change("COMMENT ON SCHEMA billing IS 'Money'", CHANGED, SCHEMA, "billing", "comment", COMMENT),
                change("CREATE EXTENSION citext", ADDED, EXTENSION, "citext", null, STRUCTURE),
                change("DROP EXTENSION pgcrypto", REMOVED, EXTENSION, "pgcrypto", null, STRUCTURE),
                // tables
                change("CREATE TABLE extra (id int)", ADDED, TABLE, "public.extra", null, STRUCTURE),
                change("DROP TABLE audit_event", REMOVED, TABLE, "public.audit_event", null, STRUCTURE),
                change("ALTER TABLE session_cache SET LOGGED", CHANGED, TABLE, "public.session_cache", "unlogged",
                        STRUCTURE),
                change("CREATE TABLE measurement_2026 PARTITION OF measurement"
                        + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')", ADDED, TABLE,
                        "public.measurement_2026", null, STRUCTURE),
                change("ALTER TABLE party SET (fillfactor = 70)", CHANGED, TABLE, "public.party", "options",
                        STRUCTURE),
                change("ALTER TABLE party ENABLE ROW LEVEL SECURITY", CHANGED, TABLE, "public.party", "row security",
                        STRUCTURE),
                change("ALTER TABLE billing.invoice NO FORCE ROW LEVEL SECURITY", CHANGED, TABLE, "billing.invoice",
                        "force row security", STRUCTURE),
                change("COMMENT ON TABLE party IS 'Customers'", CHANGED, TABLE, "public.party", "comment", COMMENT),
                // columns
                change("ALTER TABLE booking ADD COLUMN notes text", ADDED, COLUMN, "public.booking.notes", null,
                        STRUCTURE),
                change("ALTER TABLE resource DROP COLUMN tags", REMOVED, COLUMN, "public.resource.tags", null,
                        STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN display_name TYPE varchar(200)", CHANGED, COLUMN,
                        "public.party.display_name", "type", STRUCTURE),
                change("ALTER TABLE resource ALTER COLUMN name DROP NOT NULL", CHANGED, COLUMN,
                        "public.resource.name", "not null", STRUCTURE),
                change("ALTER TABLE resource ALTER COLUMN name SET DEFAULT 'room'", CHANGED, COLUMN,
                        "public.resource.name", "default", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN party_id SET GENERATED BY DEFAULT", CHANGED, COLUMN,
                        "public.party.party_id", "identity", STRUCTURE),
                change("ALTER TABLE resource ALTER COLUMN name TYPE text COLLATE \"C\"", CHANGED, COLUMN,
                        "public.resource.name", "collation", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN email SET COMPRESSION pglz", CHANGED, COLUMN,
                        "public.party.email", "compression", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN email SET STATISTICS 500", CHANGED, COLUMN, "public.party.email",
                        "statistics target", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN email SET STORAGE EXTERNAL", CHANGED, COLUMN,
                        "public.party.email", "storage", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN party_id SET START 10", CHANGED, COLUMN,
                        "public.party.party_id", "identity sequence", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN party_id SET INCREMENT BY 5", CHANGED, COLUMN,
                        "public.party.party_id", "identity sequence", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN party_id SET MINVALUE 0", CHANGED, COLUMN,
                        "public.party.party_id", "identity sequence", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN party_id SET MAXVALUE 1000000", CHANGED, COLUMN,
                        "public.party.party_id", "identity sequence", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN party_id SET CYCLE", CHANGED, COLUMN,
                        "public.party.party_id", "identity sequence", STRUCTURE),
                change("ALTER TABLE party ALTER COLUMN party_id SET CACHE 20", CHANGED, COLUMN,
                        "public.party.party_id", "identity sequence", STRUCTURE),
                change("ALTER SEQUENCE party_party_id_seq RENAME TO party_id_seq", CHANGED, COLUMN,
                        "public.party.party_id", "identity sequence", STRUCTURE),
                change("ALTER TABLE session_cache REPLICA IDENTITY DEFAULT", CHANGED, TABLE, "public.session_cache",
                        "replica identity", STRUCTURE),
                change("ALTER TABLE session_cache ALTER COLUMN value SET STATISTICS -1", CHANGED, COLUMN,
                        "public.session_cache.value", "statistics target", STRUCTURE),
                change("ALTER TABLE session_cache ALTER COLUMN value SET STORAGE EXTENDED", CHANGED, COLUMN,
                        "public.session_cache.value", "storage", STRUCTURE),
                change("ALTER TABLE party REPLICA IDENTITY FULL", CHANGED, TABLE, "public.party", "replica identity",
                        STRUCTURE),
                change("ALTER TABLE party REPLICA IDENTITY USING INDEX party_email_key", CHANGED, TABLE,
                        "public.party", "replica identity", STRUCTURE),
                change("COMMENT ON COLUMN party.email IS NULL", CHANGED, COLUMN, "public.party.email", "comment",
                        COMMENT),
                // constraints
                change("ALTER TABLE resource ADD CONSTRAINT resource_name_key UNIQUE (name)", ADDED, CONSTRAINT,
                        "public.resource.resource_name_key", null, STRUCTURE),
                change("ALTER TABLE booking DROP CONSTRAINT booking_period_check", REMOVED, CONSTRAINT,
                        "public.booking.booking_period_check", null, STRUCTURE),
                change("ALTER TABLE booking DROP CONSTRAINT booking_party_id_fkey;"
                        + " ALTER TABLE booking ADD CONSTRAINT booking_party_id_fkey FOREIGN KEY (party_id)"
                        + " REFERENCES party (party_id) ON DELETE RESTRICT", CHANGED, CONSTRAINT,
                        "public.booking.booking_party_id_fkey", "on delete", STRUCTURE),
                change("ALTER TABLE booking ALTER CONSTRAINT booking_resource_fk DEFERRABLE INITIALLY IMMEDIATE", CHANGED,
                        CONSTRAINT, "public.booking.booking_resource_fk", "initially deferred", STRUCTURE),
                change("ALTER TABLE billing.invoice VALIDATE CONSTRAINT invoice_party_fk", CHANGED, CONSTRAINT,
                        "billing.invoice.invoice_party_fk", "validated", STRUCTURE),
                change("ALTER TABLE booking DROP CONSTRAINT booking_period_check;"
                        + " ALTER TABLE booking ADD CONSTRAINT booking_period_check CHECK (ends_at >= starts_at)",
                        CHANGED, CONSTRAINT, "public.booking.booking_period_check", "definition", STRUCTURE),
                change("ALTER TABLE room_slot DROP CONSTRAINT room_slot_no_overlap", REMOVED, CONSTRAINT,
                        "public.room_slot.room_slot_no_overlap", null, STRUCTURE),
                // indexes
                change("CREATE INDEX resource_name_idx ON resource (name)", ADDED, INDEX,
                        "public.resource.resource_name_idx", null, STRUCTURE),
                change("DROP INDEX booking_party_idx", REMOVED, INDEX, "public.booking.booking_party_idx", null,
                        STRUCTURE),
                change("DROP INDEX booking_starts_idx; CREATE INDEX booking_starts_idx ON booking"
                        + " (resource_id, starts_at DESC) INCLUDE (status)", CHANGED, INDEX,
                        "public.booking.booking_starts_idx", "predicate", STRUCTURE),
                change("DROP INDEX booking_starts_idx; CREATE INDEX booking_starts_idx ON booking"
                        + " (resource_id, starts_at) INCLUDE (status) WHERE status <> 'Cancelled'", CHANGED, INDEX,
                        "public.booking.booking_starts_idx", "keys", STRUCTURE),
                change("DROP INDEX party_lower_email_idx; CREATE INDEX party_lower_email_idx ON party (lower(email))",
                        CHANGED, INDEX, "public.party.party_lower_email_idx", "unique", STRUCTURE),
                change("ALTER INDEX booking_party_idx SET (fillfactor = 50)", CHANGED, INDEX,
                        "public.booking.booking_party_idx", "options", STRUCTURE),
                change("DROP INDEX booking_party_idx; CREATE INDEX booking_party_idx ON booking (party_id DESC)",
                        CHANGED, INDEX, "public.booking.booking_party_idx", "keys", STRUCTURE),
                change("COMMENT ON INDEX booking_party_idx IS 'For lookups by party'", CHANGED, INDEX,
                        "public.booking.booking_party_idx", "comment", COMMENT),
                // triggers
                change("CREATE TRIGGER party_touch_insert BEFORE INSERT ON party FOR EACH ROW"
                        + " EXECUTE FUNCTION touch_party()", ADDED, TRIGGER, "public.party.party_touch_insert", null,
                        STRUCTURE),
                change("DROP TRIGGER party_touch ON party", REMOVED, TRIGGER, "public.party.party_touch", null,
                        STRUCTURE),
                change("ALTER TABLE party DISABLE TRIGGER party_touch", CHANGED, TRIGGER, "public.party.party_touch",
                        "enabled", STRUCTURE),
                change("DROP TRIGGER party_touch ON party; CREATE TRIGGER party_touch BEFORE INSERT ON party"
                        + " FOR EACH ROW EXECUTE FUNCTION touch_party()", CHANGED, TRIGGER,
                        "public.party.party_touch", "definition", CODE),
                // triggers on views, indexes of materialized views
                change("CREATE TRIGGER confirmed_booking_update INSTEAD OF UPDATE ON confirmed_booking FOR EACH ROW"
                        + " EXECUTE FUNCTION touch_party()", ADDED, TRIGGER,
                        "public.confirmed_booking.confirmed_booking_update", null, STRUCTURE),
                change("DROP TRIGGER confirmed_booking_insert ON confirmed_booking", REMOVED, TRIGGER,
                        "public.confirmed_booking.confirmed_booking_insert", null, STRUCTURE),
                change("DROP TRIGGER confirmed_booking_insert ON confirmed_booking;"
                        + " CREATE TRIGGER confirmed_booking_insert INSTEAD OF DELETE ON confirmed_booking"
                        + " FOR EACH ROW EXECUTE FUNCTION touch_party()", CHANGED, TRIGGER,
                        "public.confirmed_booking.confirmed_booking_insert", "definition", CODE),
                change("CREATE INDEX resource_usage_bookings_idx ON resource_usage (bookings)", ADDED, INDEX,
                        "public.resource_usage.resource_usage_bookings_idx", null, STRUCTURE),
                change("DROP INDEX resource_usage_resource_idx", REMOVED, INDEX,
                        "public.resource_usage.resource_usage_resource_idx", null, STRUCTURE),
                change("DROP INDEX resource_usage_resource_idx;"
                        + " CREATE INDEX resource_usage_resource_idx ON resource_usage (resource_id)", CHANGED, INDEX,
                        "public.resource_usage.resource_usage_resource_idx", "unique", STRUCTURE),
                change("DROP INDEX resource_usage_resource_idx;"
                        + " CREATE UNIQUE INDEX resource_usage_resource_idx ON resource_usage (bookings, resource_id)",
                        CHANGED, INDEX, "public.resource_usage.resource_usage_resource_idx", "keys", STRUCTURE),
                // policies
                change("CREATE POLICY invoice_insert ON billing.invoice FOR INSERT WITH CHECK (true)", ADDED, POLICY,
                        "billing.invoice.invoice_insert", null, STRUCTURE),
                change("ALTER POLICY invoice_owner ON billing.invoice USING (party_id > 0)", CHANGED, POLICY,
                        "billing.invoice.invoice_owner", "using", CODE),
                change("DROP POLICY invoice_owner ON billing.invoice", REMOVED, POLICY,
                        "billing.invoice.invoice_owner", null, STRUCTURE),
                // sequences
                change("CREATE SEQUENCE extra_seq", ADDED, SEQUENCE, "public.extra_seq", null, STRUCTURE),
                change("DROP SEQUENCE billing.invoice_number_seq", REMOVED, SEQUENCE, "billing.invoice_number_seq",
                        null, STRUCTURE),
                change("ALTER SEQUENCE billing.invoice_number_seq INCREMENT 10", CHANGED, SEQUENCE,
                        "billing.invoice_number_seq", "increment", STRUCTURE),
                change("ALTER SEQUENCE billing.invoice_number_seq NO CYCLE", CHANGED, SEQUENCE,
                        "billing.invoice_number_seq", "cycle", STRUCTURE),
                // views and materialized views
                change("CREATE VIEW pending_booking AS SELECT booking_id FROM booking WHERE status = 'Pending'", ADDED,
                        VIEW, "public.pending_booking", null, STRUCTURE),
                change("DROP VIEW confirmed_booking", REMOVED, VIEW, "public.confirmed_booking", null, STRUCTURE),
                change("CREATE OR REPLACE VIEW confirmed_booking AS SELECT booking_id, party_id, starts_at"
                        + " FROM booking WHERE status = 'Pending'", CHANGED, VIEW, "public.confirmed_booking",
                        "definition", CODE),
                change("DROP MATERIALIZED VIEW resource_usage", REMOVED, MATERIALIZED_VIEW, "public.resource_usage",
                        null, STRUCTURE),
                change("COMMENT ON MATERIALIZED VIEW resource_usage IS 'Nightly'", CHANGED, MATERIALIZED_VIEW,
                        "public.resource_usage", "comment", COMMENT),
                // functions and procedures
                change("CREATE FUNCTION booking_nights(p_booking_id bigint, p_minimum int) RETURNS integer"
                        + " LANGUAGE sql AS $$ SELECT p_minimum $$", ADDED, FUNCTION,
                        "public.booking_nights(bigint, integer)", null, STRUCTURE),
                change("ALTER FUNCTION booking_nights(bigint) VOLATILE", CHANGED, FUNCTION,
                        "public.booking_nights(bigint)", "volatility", STRUCTURE),
                change("ALTER FUNCTION touch_party() SECURITY INVOKER", CHANGED, FUNCTION, "public.touch_party()",
                        "security definer", STRUCTURE),
                change("CREATE OR REPLACE FUNCTION touch_party() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
                        + " AS $$ BEGIN NEW.created_at := clock_timestamp(); RETURN NEW; END $$", CHANGED, FUNCTION,
                        "public.touch_party()", "body", CODE),
                change("DROP PROCEDURE cancel_booking(bigint)", REMOVED, PROCEDURE, "public.cancel_booking(bigint)",
                        null, STRUCTURE),
                // types
                change("ALTER TYPE booking_status ADD VALUE 'NoShow'", CHANGED, ENUM, "public.booking_status",
                        "labels", STRUCTURE),
                change("CREATE TYPE colour AS ENUM ('red')", ADDED, ENUM, "public.colour", null, STRUCTURE),
                change("ALTER DOMAIN positive_amount DROP DEFAULT", CHANGED, DOMAIN, "public.positive_amount",
                        "default", STRUCTURE),
                change("ALTER DOMAIN positive_amount ADD CONSTRAINT amount_small CHECK (VALUE < 1000000)", CHANGED,
                        DOMAIN, "public.positive_amount", "constraints", STRUCTURE),
                change("CREATE DOMAIN email_address AS text", ADDED, DOMAIN, "public.email_address", null, STRUCTURE),
                change("ALTER TYPE money_range ADD ATTRIBUTE currency char(3)", CHANGED, COMPOSITE_TYPE,
                        "public.money_range", "attributes", STRUCTURE),
                change("DROP TYPE money_range", REMOVED, COMPOSITE_TYPE, "public.money_range", null, STRUCTURE),
                // collations
                change("CREATE COLLATION billing.posix_copy FROM posix_text", ADDED, COLLATION,
                        "billing.posix_copy", null, STRUCTURE),
                change("DROP COLLATION posix_text", REMOVED, COLLATION, "public.posix_text", null, STRUCTURE),
                change("DROP COLLATION posix_text; CREATE COLLATION posix_text (LC_COLLATE = 'POSIX', LC_CTYPE = 'C');"
                        + " COMMENT ON COLLATION posix_text IS 'Byte order'", CHANGED, COLLATION, "public.posix_text",
                        "lc_collate", STRUCTURE),
                change("DROP COLLATION posix_text; CREATE COLLATION posix_text (LC_COLLATE = 'C', LC_CTYPE = 'POSIX');"
                        + " COMMENT ON COLLATION posix_text IS 'Byte order'", CHANGED, COLLATION, "public.posix_text",
                        "lc_ctype", STRUCTURE),
                change("COMMENT ON COLLATION posix_text IS NULL", CHANGED, COLLATION, "public.posix_text", "comment",
                        COMMENT));
    }

    static Stream<Arguments> kindsNotCompared() {
        return Stream.of(
                Arguments.of("CREATE CAST (money_range AS text) WITH INOUT", Map.of("cast", 1)),
                Arguments.of("CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq)",
                        Map.of("operator", 1)),
                Arguments.of("CREATE OPERATOR CLASS int4_hash_ops2 FOR TYPE int4 USING hash AS OPERATOR 1 =,"
                        + " FUNCTION 1 hashint4(int4)", Map.of("operator class", 1, "operator family", 1)),
                Arguments.of("CREATE CONVERSION latin1_copy FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8",
                        Map.of("conversion", 1)),
                Arguments.of("CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int)", Map.of("aggregate", 1)),
                Arguments.of("CREATE TEXT SEARCH CONFIGURATION plain (COPY = simple)",
                        Map.of("text search configuration", 1)),
                Arguments.of("CREATE TEXT SEARCH DICTIONARY plain_dict (TEMPLATE = simple)",
                        Map.of("text search dictionary", 1)),
                Arguments.of("CREATE PUBLICATION everything FOR TABLE party", Map.of("publication", 1)),
                Arguments.of("CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;"
                        + " CREATE EVENT TRIGGER on_ddl ON ddl_command_start EXECUTE FUNCTION on_ddl()",
                        Map.of("event trigger", 1)),
                Arguments.of("CREATE FOREIGN DATA WRAPPER nowhere; CREATE SERVER far FOREIGN DATA WRAPPER nowhere;"
                        + " CREATE FOREIGN TABLE remote (id int) SERVER far", Map.of("foreign data wrapper", 1,
                        "foreign server", 1, "foreign table", 1)),
                Arguments.of("GRANT SELECT (booking_id) ON confirmed_booking TO PUBLIC",
                        Map.of("column privilege (views, foreign tables)", 1)),
                Arguments.of("CREATE FOREIGN DATA WRAPPER nowhere; CREATE SERVER far FOREIGN DATA WRAPPER nowhere;"
                        + " CREATE FOREIGN TABLE remote (id int, code text) SERVER far;"
                        + " CREATE STATISTICS remote_stats ON id, code FROM remote", Map.of("foreign data wrapper", 1,
                        "foreign server", 1, "foreign table", 1, "extended statistics (foreign tables)", 1)),
                Arguments.of("SELECT lo_create(0)", Map.of("large object", 1)),
                Arguments.of("CREATE ACCESS METHOD heap_copy TYPE TABLE HANDLER heap_tableam_handler",
                        Map.of("access method", 1)),
                Arguments.of("CREATE TYPE int_span AS RANGE (SUBTYPE = int4)", Map.of("range or base type", 1)));
    }

    /** A kind snapshots do not model is counted in the snapshot, and the diff notes it, whatever else it reports. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kindsNotCompared")
    void countsTheKindsItDoesNotCompare(String ddl, Map<String, Integer> expected) throws Exception {
        assertThat(base.notCompared()).isEmpty();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute(ddl);
            }
            SchemaSnapshot changed = SchemaInspector.create().inspect(c);
            c.rollback();
            assertThat(changed.notCompared()).isEqualTo(expected);
            assertThat(SchemaDiff.between(base, changed).toText()).contains("not compared (present, but not"
                    + " modelled by snapshots): ");
            assertThat(SchemaSnapshot.fromJson(changed.toJson())).isEqualTo(changed);
        }
    }

    /** ICU collations: their locale and whether they are deterministic; a libc one in its place changes four. */
    static Stream<Arguments> icuCollations() {
        return Stream.of(
                Arguments.of("DROP COLLATION icu_text; CREATE COLLATION icu_text (PROVIDER = icu, LOCALE = 'de')",
                        "CHANGED public.icu_text locale"),
                Arguments.of("DROP COLLATION icu_text; CREATE COLLATION icu_text (PROVIDER = icu, LOCALE = 'und',"
                        + " DETERMINISTIC = false)", "CHANGED public.icu_text deterministic"),
                Arguments.of("DROP COLLATION icu_text; CREATE COLLATION icu_text (LC_COLLATE = 'C', LC_CTYPE = 'C')",
                        "CHANGED public.icu_text provider, CHANGED public.icu_text lc_collate,"
                        + " CHANGED public.icu_text lc_ctype, CHANGED public.icu_text locale"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("icuCollations")
    void reportsTheLocaleAndDeterminismOfIcuCollations(String ddl, String expected) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute("CREATE COLLATION icu_text (PROVIDER = icu, LOCALE = 'und')");
            }
            SchemaSnapshot before = SchemaInspector.create().inspect(c);
            try (Statement statement = c.createStatement()) {
                statement.execute(ddl);
            }
            SchemaDiff diff = SchemaDiff.between(before, SchemaInspector.create().inspect(c));
            c.rollback();
            assertThat(diff.changes()).extracting(change -> change.type() + " " + change.object().qualifiedName()
                    + " " + change.property()).containsExactly(expected.split(", "));
        }
    }

    /** A dropped collation is reported by every renderer, under its own name. */
    @Test
    void everyRendererReportsADroppedCollation() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute("DROP COLLATION posix_text");
            }
            SchemaDiff diff = SchemaDiff.between(base, SchemaInspector.create().inspect(c));
            c.rollback();
            assertThat(diff.toText()).isEqualTo("1 difference (1 structure)\n"
                    + "collation posix_text: removed (libc lc_collate C lc_ctype C)\n");
            assertThat(new MarkdownDiffRenderer().render(diff)).contains("## collation posix\\_text\n");
            assertThat(new HtmlDiffRenderer().render(diff)).contains("<h2>collation posix_text</h2>");
            assertThat(new JsonDiffRenderer().render(diff)).contains("\"kind\" : \"COLLATION\"")
                    .contains("\"name\" : \"posix_text\"");
        }
    }

    /**
     * Rules, extended statistics, column privileges and default privileges: adding, dropping and altering each compared
     * property gives exactly these lines (owners and privileges compared). Base: rule session_cache_keep on a table
     * (with a comment) and confirmed_booking_delete on a view; statistics billing.booking_party_resource on
     * public.booking (ndistinct and dependencies, target 500, a comment); {@code UPDATE (display_name)} and
     * {@code SELECT (email)} on party granted to PUBLIC; default privileges {@code SELECT} on tables in billing and
     * {@code EXECUTE} on functions revoked from PUBLIC database-wide.
     */
    static Stream<Arguments> rulesStatisticsAndPrivileges() {
        String keep = "CREATE RULE session_cache_keep AS ON DELETE TO public.session_cache WHERE old.key ~~ 'keep:%'::text"
                + " DO INSTEAD NOTHING";
        String statistics = "DROP STATISTICS billing.booking_party_resource; CREATE STATISTICS billing.booking_party_resource";
        String statisticsAgain = " FROM booking; ALTER STATISTICS billing.booking_party_resource SET STATISTICS 500;"
                + " COMMENT ON STATISTICS billing.booking_party_resource IS 'Parties book few resources'";
        return Stream.of(
                // rules
                Arguments.of("CREATE RULE party_no_delete AS ON DELETE TO party DO INSTEAD NOTHING", List.of(
                        "table party: rule party_no_delete: added (CREATE RULE party_no_delete AS ON DELETE TO"
                                + " public.party DO INSTEAD NOTHING)")),
                Arguments.of("DROP RULE session_cache_keep ON session_cache", List.of(
                        "table session_cache: rule session_cache_keep: removed (" + keep + ")")),
                Arguments.of("CREATE OR REPLACE RULE session_cache_keep AS ON UPDATE TO session_cache"
                        + " WHERE OLD.key LIKE 'keep:%' DO INSTEAD NOTHING", List.of(
                        "table session_cache: rule session_cache_keep: event DELETE → UPDATE",
                        "table session_cache: rule session_cache_keep: definition changed [code]:",
                        "    - " + keep,
                        "    + " + keep.replace("ON DELETE", "ON UPDATE"))),
                Arguments.of("CREATE OR REPLACE RULE session_cache_keep AS ON DELETE TO session_cache"
                        + " WHERE OLD.key LIKE 'pin:%' DO INSTEAD NOTHING", List.of(
                        "table session_cache: rule session_cache_keep: definition changed [code]:",
                        "    - " + keep,
                        "    + " + keep.replace("keep:%", "pin:%"))),
                Arguments.of("ALTER TABLE session_cache DISABLE RULE session_cache_keep", List.of(
                        "table session_cache: rule session_cache_keep: enabled ORIGIN → DISABLED")),
                Arguments.of("ALTER TABLE session_cache ENABLE ALWAYS RULE session_cache_keep", List.of(
                        "table session_cache: rule session_cache_keep: enabled ORIGIN → ALWAYS")),
                Arguments.of("COMMENT ON RULE session_cache_keep ON session_cache IS NULL", List.of(
                        "table session_cache: rule session_cache_keep: comment Pinned entries stay → (none) [comment]")),
                Arguments.of("COMMENT ON RULE confirmed_booking_delete ON confirmed_booking IS 'Cancels'", List.of(
                        "table confirmed_booking: rule confirmed_booking_delete: comment (none) → Cancels [comment]")),
                Arguments.of("DROP RULE confirmed_booking_delete ON confirmed_booking", List.of(
                        "table confirmed_booking: rule confirmed_booking_delete: removed (CREATE RULE"
                                + " confirmed_booking_delete AS ON DELETE TO public.confirmed_booking DO INSTEAD "
                                + " UPDATE public.booking SET status = 'Cancelled'::public.booking_status"
                                + " WHERE booking.booking_id = old.booking_id)")),
                // extended statistics
                Arguments.of("CREATE STATISTICS party_names ON display_name, lower(email) FROM party", List.of(
                        "table party: statistics party_names: added (ndistinct, dependencies, mcv on display_name,"
                                + " lower(email))")),
                Arguments.of("CREATE STATISTICS party_email ON (lower(email)) FROM party", List.of(
                        "table party: statistics party_email: added (on lower(email))")),
                Arguments.of("DROP STATISTICS billing.booking_party_resource", List.of(
                        "table booking: statistics billing.booking_party_resource: removed (ndistinct, dependencies on"
                                + " party_id, resource_id)")),
                Arguments.of(statistics + " (ndistinct, mcv) ON party_id, resource_id" + statisticsAgain, List.of(
                        "table booking: statistics billing.booking_party_resource: kinds ndistinct, dependencies →"
                                + " ndistinct, mcv")),
                Arguments.of(statistics + " (ndistinct, dependencies) ON party_id, resource_id, (lower(status::text))"
                        + statisticsAgain, List.of("table booking: statistics billing.booking_party_resource: columns"
                                + " party_id, resource_id → party_id, resource_id, lower(status::text)")),
                Arguments.of("ALTER STATISTICS billing.booking_party_resource SET STATISTICS 50", List.of(
                        "table booking: statistics billing.booking_party_resource: statistics target 500 → 50")),
                Arguments.of("ALTER STATISTICS billing.booking_party_resource SET STATISTICS -1", List.of(
                        "table booking: statistics billing.booking_party_resource: statistics target 500 → (none)")),
                Arguments.of("ALTER STATISTICS billing.booking_party_resource OWNER TO pg_monitor", List.of(
                        "table booking: statistics billing.booking_party_resource: owner postgres → pg_monitor"
                                + " [ownership]")),
                Arguments.of("COMMENT ON STATISTICS billing.booking_party_resource IS NULL", List.of(
                        "table booking: statistics billing.booking_party_resource: comment Parties book few resources"
                                + " → (none) [comment]")),
                Arguments.of("ALTER STATISTICS billing.booking_party_resource SET SCHEMA public", List.of(
                        "table booking: statistics billing.booking_party_resource: removed (ndistinct, dependencies on"
                                + " party_id, resource_id)",
                        "table booking: statistics booking_party_resource: added (ndistinct, dependencies on party_id,"
                                + " resource_id)")),
                // column privileges
                Arguments.of("GRANT SELECT (display_name) ON party TO PUBLIC", List.of(
                        "table party: column display_name: privileges (none) → =r/postgres [ownership]")),
                Arguments.of("REVOKE UPDATE (email) ON party FROM PUBLIC", List.of(
                        "table party: column email: privileges =w/postgres → (none) [ownership]")),
                Arguments.of("GRANT INSERT (created_at) ON party TO pg_monitor", List.of(
                        "table party: column created_at: privileges =r/postgres → =r/postgres, pg_monitor=a/postgres"
                                + " [ownership]")),
                // default privileges
                Arguments.of("ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO pg_monitor", List.of(
                        "default privileges for role postgres on sequences: added (pg_monitor=U/postgres,"
                                + " postgres=rwU/postgres) [ownership]")),
                Arguments.of("ALTER DEFAULT PRIVILEGES FOR ROLE pg_monitor IN SCHEMA public GRANT USAGE ON TYPES TO"
                        + " postgres", List.of("default privileges for role pg_monitor in schema public on types:"
                                + " added (postgres=U/pg_monitor) [ownership]")),
                Arguments.of("ALTER DEFAULT PRIVILEGES IN SCHEMA billing REVOKE SELECT ON TABLES FROM PUBLIC", List.of(
                        "default privileges for role postgres in schema billing on tables: removed (=r/postgres)"
                                + " [ownership]")),
                Arguments.of("ALTER DEFAULT PRIVILEGES IN SCHEMA billing GRANT INSERT ON TABLES TO PUBLIC", List.of(
                        "default privileges for role postgres in schema billing on tables: privileges =r/postgres →"
                                + " =ar/postgres [ownership]")),
                Arguments.of("ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC", List.of(
                        "default privileges for role postgres on functions: removed (postgres=X/postgres)"
                                + " [ownership]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesStatisticsAndPrivileges")
    void reportsRulesStatisticsAndPrivilegesInFull(String ddl, List<String> expected) throws Exception {
        SchemaSnapshot changed = snapshotAfter(ddl);
        SchemaDiff diff = SchemaDiff.between(base, changed, DiffOptions.defaults().comparingOwnersAndPrivileges());
        assertThat(TestSchemas.lines(diff)).containsExactlyElementsOf(expected);
        // Owners and privileges, default privileges included, only when asked for.
        assertThat(TestSchemas.lines(SchemaDiff.between(base, changed))).containsExactlyElementsOf(
                expected.stream().filter(line -> !line.endsWith("[ownership]")).toList());
        assertThat(SchemaSnapshot.fromJson(changed.toJson())).isEqualTo(changed);
    }

    /** The snapshot of the base schema changed by some DDL, in a transaction that is rolled back. */
    private static SchemaSnapshot snapshotAfter(String ddl) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute(ddl);
            }
            SchemaSnapshot changed = SchemaInspector.create().inspect(c);
            c.rollback();
            return changed;
        }
    }

    /** The base schema's rules, statistics and privileges, as read. */
    @Test
    void readsRulesStatisticsAndPrivileges() {
        assertThat(base.table("session_cache").orElseThrow().rules()).containsExactly(new Rule("session_cache_keep",
                "DELETE", "CREATE RULE session_cache_keep AS ON DELETE TO public.session_cache WHERE old.key ~~"
                + " 'keep:%'::text DO INSTEAD NOTHING", "ORIGIN", "Pinned entries stay"));
        assertThat(base.view("confirmed_booking").orElseThrow().rules()).extracting(Rule::name)
                .containsExactly("confirmed_booking_delete");
        // pg_get_ruledef prints two spaces after DO INSTEAD before an action; the definition keeps them.
        assertThat(base.table("booking").orElseThrow().statistics()).containsExactly(new Statistics("billing",
                "booking_party_resource", List.of("ndistinct", "dependencies"), "party_id, resource_id", 500,
                "postgres", "Parties book few resources"));
        assertThat(base.table("party").orElseThrow().columns()).extracting(Column::name, Column::privileges)
                .containsExactly(tuple("party_id", List.of()), tuple("display_name", List.of()),
                        tuple("email", List.of("=w/postgres")), tuple("created_at", List.of("=r/postgres")));
        assertThat(base.defaultPrivileges()).containsExactly(
                new DefaultPrivileges("postgres", "billing", "tables", List.of("=r/postgres")),
                new DefaultPrivileges("postgres", null, "functions", List.of("postgres=X/postgres")));
        // In JSON a column's privileges are left out when it has none, as most columns do.
        assertThat(base.toJson()).contains("\"privileges\" : [ \"=w/postgres\" ]")
                .contains("{ \"name\" : \"display_name\", \"notNull\" : true, \"position\" : 2, \"type\" : \"character"
                        + " varying(100)\" }");
    }

    /** PostgreSQL 18 has default privileges on large objects (run with {@code -Dschema.test.major=18}). */
    @Test
    void reportsDefaultPrivilegesOnLargeObjectsFromEighteen() throws Exception {
        assumeTrue(server.majorVersion() >= 18, "default privileges on large objects need PostgreSQL 18");
        SchemaDiff diff = SchemaDiff.between(base, snapshotAfter("ALTER DEFAULT PRIVILEGES GRANT SELECT ON LARGE OBJECTS"
                + " TO PUBLIC"), DiffOptions.defaults().comparingOwnersAndPrivileges());
        assertThat(TestSchemas.lines(diff)).containsExactly("default privileges for role postgres on large objects:"
                + " added (=r/postgres, postgres=rw/postgres) [ownership]");
    }

    /**
     * Default privileges follow the schema filter: those of a schema only with it, the database-wide ones only in a
     * snapshot of every schema (they belong to no schema, so a snapshot of some schemas never reports them).
     */
    @Test
    void defaultPrivilegesFollowTheSchemaFilter() {
        SchemaInspector billing = SchemaInspector.create(SchemaFilter.all().schemas("billing"));
        assertThat(billing.inspect(db).defaultPrivileges()).extracting(d -> d.id().name())
                .containsExactly("for role postgres in schema billing on tables");
        SchemaInspector publicOnly = SchemaInspector.create(SchemaFilter.all().schemas("public"));
        assertThat(publicOnly.inspect(db).defaultPrivileges()).isEmpty();
        SchemaInspector notBilling = SchemaInspector.create(SchemaFilter.all().excludingSchemas("billing"));
        assertThat(notBilling.inspect(db).defaultPrivileges()).extracting(d -> d.id().name())
                .containsExactly("for role postgres on functions");
        SchemaInspector noKind = SchemaInspector.create(SchemaFilter.all().kinds(ObjectKind.SCHEMA));
        assertThat(noKind.inspect(db).defaultPrivileges()).isEmpty();
    }

    /** Dropped rules, statistics and default privileges are reported by every renderer, under their own names. */
    @Test
    void everyRendererReportsDroppedRulesStatisticsAndDefaultPrivileges() throws Exception {
        SchemaDiff diff = SchemaDiff.between(base, snapshotAfter("DROP RULE session_cache_keep ON session_cache;"
                + " DROP STATISTICS billing.booking_party_resource;"
                + " ALTER DEFAULT PRIVILEGES IN SCHEMA billing REVOKE SELECT ON TABLES FROM PUBLIC"),
                DiffOptions.defaults().comparingOwnersAndPrivileges());
        assertThat(diff.toText()).isEqualTo("3 differences (2 structure, 1 ownership)\n"
                + "table booking: statistics billing.booking_party_resource: removed (ndistinct, dependencies on"
                + " party_id, resource_id)\n"
                + "table session_cache: rule session_cache_keep: removed (CREATE RULE session_cache_keep AS ON DELETE"
                + " TO public.session_cache WHERE old.key ~~ 'keep:%'::text DO INSTEAD NOTHING)\n"
                + "default privileges for role postgres in schema billing on tables: removed (=r/postgres)"
                + " [ownership]\n");
        assertThat(new MarkdownDiffRenderer().render(diff)).contains("## table session\\_cache\n")
                .contains("rule session\\_cache\\_keep").contains("## table booking\n")
                .contains("statistics billing.booking\\_party\\_resource")
                .contains("## default privileges for role postgres in schema billing on tables\n");
        assertThat(new HtmlDiffRenderer().render(diff)).contains("<h2>table session_cache</h2>")
                .contains("rule session_cache_keep").contains("statistics billing.booking_party_resource")
                .contains("<h2>default privileges for role postgres in schema billing on tables</h2>");
        assertThat(new JsonDiffRenderer().render(diff)).contains("\"kind\" : \"RULE\"")
                .contains("\"kind\" : \"STATISTICS\"").contains("\"kind\" : \"DEFAULT_PRIVILEGES\"")
                .contains("\"name\" : \"for role postgres in schema billing on tables\"");
    }

    /** {@code NO INHERIT} makes the inherited columns local: both the table and its column report it. */
    @Test
    void reportsAColumnThatStopsBeingInherited() throws Exception {
        assertThat(base.table("audit_event").orElseThrow().column("occurred_at").orElseThrow().inheritance())
                .isEqualTo("inherited");
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute("ALTER TABLE audit_event NO INHERIT base_event");
            }
            SchemaDiff diff = SchemaDiff.between(base, SchemaInspector.create().inspect(c));
            c.rollback();
            assertThat(diff.changes()).extracting(change -> change.type() + " " + change.object().qualifiedName()
                    + " " + change.property() + ": " + change.from() + " -> " + change.to()).containsExactly(
                    "CHANGED public.audit_event inherits: public.base_event -> null",
                    "CHANGED public.audit_event.occurred_at inheritance: inherited -> null");
        }
    }

    private static Arguments change(String ddl, ChangeType type, ObjectKind kind, String object, String property,
            ChangeCategory category) {
        return Arguments.of(ddl, type + " " + kind + " " + object + (property == null ? "" : " " + property)
                + " " + category);
    }

    /**
     * Each change runs in a transaction on the shared copy and is rolled back: PostgreSQL's DDL is transactional, and
     * the inspector reads inside the caller's transaction, so every case starts from the base schema.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oneChangePerKind")
    void reportsExactlyTheOneChange(String ddl, String expected) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute(ddl);
            }
            SchemaDiff diff = SchemaDiff.between(base, SchemaInspector.create().inspect(c));
            c.rollback();
            assertEquals(1, diff.changes().size(), () -> "expected exactly one change for " + ddl + ", got:\n" + diff);
            Change change = diff.changes().get(0);
            assertEquals(expected, change.type() + " " + change.object().kind() + " "
                    + change.object().qualifiedName() + (change.property() == null ? "" : " " + change.property())
                    + " " + change.category(), diff::toText);
        }
    }
}
