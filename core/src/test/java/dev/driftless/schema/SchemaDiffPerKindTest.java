package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
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
import static dev.driftless.schema.ObjectKind.AGGREGATE;
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
import static org.junit.jupiter.api.Assertions.assertEquals;

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
                .containsExactly("booking_nights(bigint)", "cancel_booking(bigint)", "note_ddl()", "total_amount(numeric)",
                        "touch_party()");
        assertThat(base.enums()).hasSize(1);
        assertThat(base.domains()).hasSize(1);
        assertThat(base.compositeTypes()).hasSize(1);
        assertThat(base.textSearchConfigurations()).extracting(TextSearchConfiguration::name)
                .containsExactly("plain_english");
        assertThat(base.textSearchDictionaries()).extracting(TextSearchDictionary::name)
                .containsExactly("english_stem_nostop");
        assertThat(base.textSearchParsers()).extracting(TextSearchParser::name).containsExactly("default_copy");
        assertThat(base.textSearchTemplates()).extracting(TextSearchTemplate::name).containsExactly("simple_copy");
        assertThat(base.publications()).extracting(Publication::name).containsExactly("booking_changes");
        assertThat(base.eventTriggers()).extracting(EventTrigger::name).containsExactly("note_ddl");
        assertThat(base.foreignDataWrappers()).extracting(ForeignDataWrapper::name).containsExactly("nowhere");
        assertThat(base.foreignServers()).extracting(ForeignServer::name).containsExactly("far");
        assertThat(base.userMappings()).extracting(UserMapping::server).containsExactly("far");
        assertThat(base.foreignTables()).extracting(ForeignTable::name).containsExactly("remote_rate");
        assertThat(base.foreignTable("remote_rate").orElseThrow().columns()).extracting(Column::name)
                .containsExactly("currency", "rate");
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
                Arguments.of("CREATE RULE audit_event_ignore AS ON INSERT TO audit_event DO INSTEAD NOTHING",
                        Map.of("rule", 1)),
                Arguments.of("CREATE STATISTICS booking_stats ON party_id, resource_id FROM booking",
                        Map.of("extended statistics", 1)),
                Arguments.of("GRANT UPDATE (email) ON party TO PUBLIC", Map.of("column privilege", 1)),
                Arguments.of("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC",
                        Map.of("default privilege", 1)),
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

    // ---- aggregates, text search, publications, event triggers, foreign data (full change lines) ----------------

    /** The diff's lines (no summary) after running {@code ddl} on the base schema, owners and privileges compared. */
    private static List<String> linesAfter(String ddl) throws Exception {
        return linesAfter(null, ddl);
    }

    /** The diff's lines between the schema after {@code setup} (if any) and after {@code setup} and {@code ddl}. */
    private static List<String> linesAfter(String setup, String ddl) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                SchemaSnapshot before = base;
                if (setup != null) {
                    statement.execute(setup);
                    before = SchemaInspector.create().inspect(c);
                }
                statement.execute(ddl);
                SchemaSnapshot after = SchemaInspector.create().inspect(c);
                return TestSchemas.lines(SchemaDiff.between(before, after,
                        DiffOptions.defaults().comparingOwnersAndPrivileges()));
            } finally {
                c.rollback();
            }
        }
    }

    private static Arguments lines(String ddl, String... expected) {
        return Arguments.of(ddl, List.of(expected));
    }

    /** The one-change cases of a kind, each with its full change lines: a subclass gives them in {@code changes()}. */
    abstract class ChangeLines {

        @ParameterizedTest(name = "{0}")
        @MethodSource("changes")
        void reportsEachProperty(String ddl, List<String> expected) throws Exception {
            assertThat(linesAfter(ddl)).containsExactlyElementsOf(expected);
        }
    }

    private static final String TOTAL_AMOUNT = "CREATE OR REPLACE AGGREGATE total_amount(numeric) (SFUNC = numeric_add,"
            + " STYPE = numeric, INITCOND = '0', COMBINEFUNC = numeric_add, PARALLEL = SAFE";

    /** Aggregates: compared like functions, by signature, with their own parts. */
    @Nested
    class Aggregates extends ChangeLines {

        static Stream<Arguments> changes() {
            return Stream.of(
                    lines("CREATE AGGREGATE billing.total_amount(numeric) (SFUNC = numeric_add, STYPE = numeric)",
                            "aggregate billing.total_amount(numeric): added (SFUNC = numeric_add, STYPE = numeric)"),
                    lines("DROP AGGREGATE total_amount(numeric)",
                            "aggregate total_amount(numeric): removed (SFUNC = numeric_add, STYPE = numeric)"),
                    lines(TOTAL_AMOUNT.replace("(numeric)", "(amount numeric)") + ")",
                            "aggregate total_amount(numeric): arguments numeric → amount numeric"),
                    lines("DROP AGGREGATE total_amount(numeric); CREATE AGGREGATE total_amount(numeric) (SFUNC ="
                            + " numeric_add, STYPE = numeric, INITCOND = '0', COMBINEFUNC = numeric_add, PARALLEL = SAFE,"
                            + " FINALFUNC = int4); COMMENT ON AGGREGATE total_amount(numeric) IS 'Sum from zero'",
                            "aggregate total_amount(numeric): returns numeric → integer",
                            "aggregate total_amount(numeric): final function (none) → pg_catalog.int4"),
                    lines(TOTAL_AMOUNT + ", FINALFUNC = numeric_abs)",
                            "aggregate total_amount(numeric): final function (none) → numeric_abs"),
                    lines(TOTAL_AMOUNT.replace("SFUNC = numeric_add", "SFUNC = numeric_sub") + ")",
                            "aggregate total_amount(numeric): state function numeric_add → numeric_sub"),
                    lines(TOTAL_AMOUNT + ", SSPACE = 64)",
                            "aggregate total_amount(numeric): state type numeric → numeric SSPACE = 64"),
                    lines(TOTAL_AMOUNT.replace(", COMBINEFUNC = numeric_add", "") + ")",
                            "aggregate total_amount(numeric): combine function numeric_add → (none)"),
                    lines(TOTAL_AMOUNT.replace("COMBINEFUNC = numeric_add", "COMBINEFUNC = numeric_sub") + ")",
                            "aggregate total_amount(numeric): combine function numeric_add → numeric_sub"),
                    lines(TOTAL_AMOUNT.replace("INITCOND = '0'", "INITCOND = '1'") + ")",
                            "aggregate total_amount(numeric): initial condition 0 → 1"),
                    lines(TOTAL_AMOUNT.replace("INITCOND = '0', ", "") + ")",
                            "aggregate total_amount(numeric): initial condition 0 → (none)"),
                    lines(TOTAL_AMOUNT + ", SORTOP = >)",
                            "aggregate total_amount(numeric): sort operator (none) → >(numeric,numeric)"),
                    lines(TOTAL_AMOUNT + ", MSFUNC = numeric_add, MINVFUNC = numeric_sub, MSTYPE = numeric,"
                            + " MINITCOND = '0')", "aggregate total_amount(numeric): moving aggregate (none) →"
                            + " MSFUNC = numeric_add, MINVFUNC = numeric_sub, MSTYPE = numeric, MINITCOND = '0'"),
                    lines(TOTAL_AMOUNT.replace(", PARALLEL = SAFE", "") + ")",
                            "aggregate total_amount(numeric): parallel SAFE → UNSAFE"),
                    lines("CREATE ROLE kinds_db_owner; ALTER AGGREGATE total_amount(numeric) OWNER TO kinds_db_owner",
                            "aggregate total_amount(numeric): owner postgres → kinds_db_owner [ownership]"),
                    lines("REVOKE EXECUTE ON FUNCTION total_amount(numeric) FROM PUBLIC",
                            "aggregate total_amount(numeric): privileges (none) → postgres=X/postgres [ownership]"),
                    lines("COMMENT ON AGGREGATE total_amount(numeric) IS NULL",
                            "aggregate total_amount(numeric): comment Sum from zero → (none) [comment]"));
        }

        @Test
        void reportsTheKindOfAnOrderedSetAggregate() throws Exception {
            String rank = "CREATE AGGREGATE my_rank(VARIADIC \"any\" ORDER BY VARIADIC \"any\") (SFUNC ="
                    + " ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA";
            assertThat(linesAfter(rank + ")", "DROP AGGREGATE my_rank(VARIADIC \"any\" ORDER BY VARIADIC \"any\"); "
                    + rank + ", HYPOTHETICAL)")).containsExactly(
                    "aggregate my_rank(\"any\"): kind ordered-set → hypothetical");
            assertThat(base.functions("total_amount")).singleElement()
                    .satisfies(f -> assertThat(f.id().kind()).isEqualTo(AGGREGATE));
        }
    }

    /** Text search configurations, dictionaries, parsers and templates. */
    @Nested
    class TextSearch extends ChangeLines {

        static Stream<Arguments> changes() {
            return Stream.of(
                    // configurations
                    lines("CREATE TEXT SEARCH CONFIGURATION billing.plain (PARSER = default)",
                            "text search configuration billing.plain: added (PARSER = \"default\")"),
                    lines("DROP TEXT SEARCH CONFIGURATION plain_english",
                            "text search configuration plain_english: removed (PARSER = \"default\")"),
                    lines("DROP TEXT SEARCH CONFIGURATION plain_english;"
                            + " CREATE TEXT SEARCH CONFIGURATION plain_english (PARSER = default_copy);"
                            + " ALTER TEXT SEARCH CONFIGURATION plain_english ADD MAPPING FOR asciiword"
                            + " WITH english_stem_nostop, simple;"
                            + " ALTER TEXT SEARCH CONFIGURATION plain_english ADD MAPPING FOR word WITH simple",
                            "text search configuration plain_english: parser \"default\" → public.default_copy"),
                    lines("ALTER TEXT SEARCH CONFIGURATION plain_english ALTER MAPPING FOR word WITH english_stem_nostop",
                            "text search configuration plain_english: mapping changed:",
                            "    - asciiword WITH public.english_stem_nostop, simple",
                            "    - word WITH simple",
                            "    + asciiword WITH public.english_stem_nostop, simple",
                            "    + word WITH public.english_stem_nostop"),
                    lines("ALTER TEXT SEARCH CONFIGURATION plain_english ADD MAPPING FOR email WITH simple",
                            "text search configuration plain_english: mapping changed:",
                            "    - asciiword WITH public.english_stem_nostop, simple",
                            "    - word WITH simple",
                            "    + asciiword WITH public.english_stem_nostop, simple",
                            "    + word WITH simple",
                            "    + email WITH simple"),
                    lines("ALTER TEXT SEARCH CONFIGURATION plain_english DROP MAPPING FOR word, asciiword",
                            "text search configuration plain_english: mapping changed:",
                            "    - asciiword WITH public.english_stem_nostop, simple",
                            "    - word WITH simple",
                            "    + (none)"),
                    lines("CREATE ROLE kinds_db_owner; ALTER TEXT SEARCH CONFIGURATION plain_english OWNER TO"
                            + " kinds_db_owner", "text search configuration plain_english: owner postgres →"
                            + " kinds_db_owner [ownership]"),
                    lines("COMMENT ON TEXT SEARCH CONFIGURATION plain_english IS 'Stems English words'",
                            "text search configuration plain_english: comment (none) → Stems English words"
                            + " [comment]"),
                    // dictionaries
                    lines("CREATE TEXT SEARCH DICTIONARY billing.plain_dict (TEMPLATE = simple)",
                            "text search dictionary billing.plain_dict: added (TEMPLATE = simple)"),
                    // CASCADE drops the configurations that use the dictionary, as PostgreSQL does
                    lines("DROP TEXT SEARCH DICTIONARY english_stem_nostop CASCADE",
                            "text search dictionary english_stem_nostop: removed (TEMPLATE = snowball,"
                            + " language = 'english')",
                            "text search configuration plain_english: removed (PARSER = \"default\")"),
                    lines("ALTER TEXT SEARCH DICTIONARY english_stem_nostop (STOPWORDS = english)",
                            "text search dictionary english_stem_nostop: options language = 'english' →"
                            + " language = 'english', stopwords = 'english'"),
                    lines("CREATE ROLE kinds_db_owner; ALTER TEXT SEARCH DICTIONARY english_stem_nostop OWNER TO"
                            + " kinds_db_owner", "text search dictionary english_stem_nostop: owner postgres →"
                            + " kinds_db_owner [ownership]"),
                    lines("COMMENT ON TEXT SEARCH DICTIONARY english_stem_nostop IS NULL",
                            "text search dictionary english_stem_nostop: comment Stems, keeps stop words → (none)"
                            + " [comment]"),
                    // parsers
                    lines("CREATE TEXT SEARCH PARSER billing.words (START = prsd_start, GETTOKEN = prsd_nexttoken,"
                            + " END = prsd_end, LEXTYPES = prsd_lextype)",
                            "text search parser billing.words: added"),
                    lines("DROP TEXT SEARCH PARSER default_copy", "text search parser default_copy: removed"),
                    lines("DROP TEXT SEARCH PARSER default_copy; CREATE TEXT SEARCH PARSER default_copy (START ="
                            + " prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype)",
                            "text search parser default_copy: headline function prsd_headline → (none)"),
                    lines("COMMENT ON TEXT SEARCH PARSER default_copy IS 'The default parser'",
                            "text search parser default_copy: comment (none) → The default parser [comment]"),
                    // templates
                    lines("CREATE TEXT SEARCH TEMPLATE billing.plain (LEXIZE = dsimple_lexize)",
                            "text search template billing.plain: added"),
                    lines("DROP TEXT SEARCH TEMPLATE simple_copy", "text search template simple_copy: removed"),
                    lines("DROP TEXT SEARCH TEMPLATE simple_copy; CREATE TEXT SEARCH TEMPLATE simple_copy"
                            + " (LEXIZE = dsimple_lexize)",
                            "text search template simple_copy: init function dsimple_init → (none)"),
                    lines("DROP TEXT SEARCH TEMPLATE simple_copy; CREATE TEXT SEARCH TEMPLATE simple_copy"
                            + " (INIT = dsnowball_init, LEXIZE = dsimple_lexize)",
                            "text search template simple_copy: init function dsimple_init → dsnowball_init"),
                    lines("COMMENT ON TEXT SEARCH TEMPLATE simple_copy IS 'Like simple'",
                            "text search template simple_copy: comment (none) → Like simple [comment]"));
        }

        @Test
        void reportsTheTemplateOfADictionary() throws Exception {
            assertThat(linesAfter("CREATE TEXT SEARCH DICTIONARY words (TEMPLATE = simple, STOPWORDS = english)",
                    "DROP TEXT SEARCH DICTIONARY words; CREATE TEXT SEARCH DICTIONARY words (TEMPLATE = simple_copy,"
                    + " STOPWORDS = english)")).containsExactly(
                    "text search dictionary words: template simple → public.simple_copy");
        }
    }

    /** Publications: database-wide; their tables within the snapshot's schemas. */
    @Nested
    class Publications extends ChangeLines {

        static Stream<Arguments> changes() {
            return Stream.of(
                    lines("CREATE PUBLICATION everything FOR ALL TABLES",
                            "publication everything: added (FOR ALL TABLES)"),
                    lines("CREATE PUBLICATION nothing", "publication nothing: added"),
                    lines("DROP PUBLICATION booking_changes",
                            "publication booking_changes: removed (FOR TABLE public.booking, TABLE public.party)"),
                    lines("DROP PUBLICATION booking_changes; CREATE PUBLICATION booking_changes FOR ALL TABLES"
                            + " WITH (publish = 'insert, update');"
                            + " COMMENT ON PUBLICATION booking_changes IS 'Bookings for the reporting replica'",
                            "publication booking_changes: all tables false → true",
                            "publication booking_changes: tables public.booking, public.party → (none)"),
                    lines("ALTER PUBLICATION booking_changes SET (publish = 'insert, update, delete, truncate')",
                            "publication booking_changes: operations insert, update → insert, update, delete,"
                            + " truncate"),
                    lines("ALTER PUBLICATION booking_changes SET (publish_via_partition_root = true)",
                            "publication booking_changes: via root false → true"),
                    lines("ALTER PUBLICATION booking_changes ADD TABLE resource",
                            "publication booking_changes: tables public.booking, public.party → public.booking,"
                            + " public.party, public.resource"),
                    lines("ALTER PUBLICATION booking_changes DROP TABLE party",
                            "publication booking_changes: tables public.booking, public.party → public.booking"),
                    lines("CREATE ROLE kinds_db_owner SUPERUSER; ALTER PUBLICATION booking_changes OWNER TO"
                            + " kinds_db_owner", "publication booking_changes: owner postgres → kinds_db_owner"
                            + " [ownership]"),
                    lines("COMMENT ON PUBLICATION booking_changes IS NULL", "publication booking_changes: comment"
                            + " Bookings for the reporting replica → (none) [comment]"));
        }

        /** Column lists, row filters and FOR TABLES IN SCHEMA: PostgreSQL 15 and later. */
        static Stream<Arguments> fifteenAndLater() {
            return Stream.of(
                    lines("ALTER PUBLICATION booking_changes SET TABLE booking (booking_id, status), party",
                            "publication booking_changes: tables public.booking, public.party →"
                            + " public.booking (booking_id, status), public.party"),
                    lines("ALTER PUBLICATION booking_changes SET TABLE booking WHERE (booking_id > 0), party",
                            "publication booking_changes: tables public.booking, public.party →"
                            + " public.booking WHERE (booking_id > 0), public.party"),
                    lines("ALTER PUBLICATION booking_changes ADD TABLES IN SCHEMA billing",
                            "publication booking_changes: schemas (none) → billing"),
                    lines("CREATE PUBLICATION bills FOR TABLES IN SCHEMA billing",
                            "publication bills: added (FOR TABLES IN SCHEMA billing)"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("fifteenAndLater")
        void reportsColumnListsRowFiltersAndSchemas(String ddl, List<String> expected) throws Exception {
            org.junit.jupiter.api.Assumptions.assumeTrue(server.majorVersion() >= 15, "PostgreSQL 15 and later");
            assertThat(linesAfter(ddl)).containsExactlyElementsOf(expected);
        }

        /** {@code publish_generated_columns}: PostgreSQL 18 and later. */
        @Test
        void reportsPublishedGeneratedColumns() throws Exception {
            org.junit.jupiter.api.Assumptions.assumeTrue(server.majorVersion() >= 18, "PostgreSQL 18 and later");
            assertThat(linesAfter("ALTER PUBLICATION booking_changes SET (publish_generated_columns = stored)"))
                    .containsExactly("publication booking_changes: generated columns (none) → stored");
        }

        /** A table outside the snapshot's schemas is not listed: the schema filter limits every kind. */
        @Test
        void listsOnlyTablesOfTheSnapshotsSchemas() throws Exception {
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                SchemaInspector publicOnly = SchemaInspector.create(SchemaFilter.all().schemas("public"));
                SchemaSnapshot before = publicOnly.inspect(c);
                SchemaSnapshot beforeAll = SchemaInspector.create().inspect(c);
                try (Statement statement = c.createStatement()) {
                    statement.execute("ALTER PUBLICATION booking_changes ADD TABLE billing.invoice");
                }
                SchemaSnapshot after = publicOnly.inspect(c);
                SchemaSnapshot afterAll = SchemaInspector.create().inspect(c);
                c.rollback();
                assertThat(SchemaDiff.between(before, after).toText()).isEqualTo("no differences\n");
                assertThat(TestSchemas.lines(SchemaDiff.between(beforeAll, afterAll))).containsExactly(
                        "publication booking_changes: tables public.booking, public.party → billing.invoice,"
                        + " public.booking, public.party");
            }
        }
    }

    /** Event triggers: database-wide. */
    @Nested
    class EventTriggers extends ChangeLines {

        static Stream<Arguments> changes() {
            String recreate = "DROP EVENT TRIGGER note_ddl; CREATE EVENT TRIGGER note_ddl ON ";
            return Stream.of(
                    lines("CREATE EVENT TRIGGER note_drop ON sql_drop EXECUTE FUNCTION note_ddl()",
                            "event trigger note_drop: added (ON sql_drop EXECUTE FUNCTION public.note_ddl())"),
                    lines("DROP EVENT TRIGGER note_ddl", "event trigger note_ddl: removed (ON ddl_command_end WHEN"
                            + " TAG IN (ALTER TABLE, CREATE TABLE) EXECUTE FUNCTION public.note_ddl())"),
                    lines(recreate + "ddl_command_start WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')"
                            + " EXECUTE FUNCTION note_ddl()",
                            "event trigger note_ddl: event ddl_command_end → ddl_command_start"),
                    lines("CREATE FUNCTION billing.note() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$; "
                            + recreate + "ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')"
                            + " EXECUTE FUNCTION billing.note()",
                            "event trigger note_ddl: function public.note_ddl() → billing.note()",
                            "function billing.note(): added"),
                    lines(recreate + "ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION note_ddl()",
                            "event trigger note_ddl: tags ALTER TABLE, CREATE TABLE → CREATE TABLE"),
                    lines(recreate + "ddl_command_end EXECUTE FUNCTION note_ddl()",
                            "event trigger note_ddl: tags ALTER TABLE, CREATE TABLE → (none)"),
                    lines("ALTER EVENT TRIGGER note_ddl DISABLE", "event trigger note_ddl: enabled enabled → disabled"),
                    lines("ALTER EVENT TRIGGER note_ddl ENABLE ALWAYS", "event trigger note_ddl: enabled enabled →"
                            + " always"),
                    lines("CREATE ROLE kinds_db_owner SUPERUSER; ALTER EVENT TRIGGER note_ddl OWNER TO kinds_db_owner",
                            "event trigger note_ddl: owner postgres → kinds_db_owner [ownership]"),
                    lines("COMMENT ON EVENT TRIGGER note_ddl IS 'Notes DDL'",
                            "event trigger note_ddl: comment (none) → Notes DDL [comment]"));
        }
    }

    /** Foreign-data wrappers, foreign servers, user mappings and foreign tables; never an option's secret. */
    @Nested
    class ForeignData extends ChangeLines {

        static Stream<Arguments> changes() {
            return Stream.of(
                    // wrappers
                    lines("CREATE FOREIGN DATA WRAPPER elsewhere VALIDATOR postgresql_fdw_validator",
                            "foreign data wrapper elsewhere: added"),
                    lines("DROP FOREIGN DATA WRAPPER nowhere CASCADE",
                            "foreign server far: removed (FOREIGN DATA WRAPPER nowhere)",
                            "foreign data wrapper nowhere: removed",
                            "user mapping postgres@far: removed",
                            "foreign table remote_rate: removed (SERVER far)"),
                    lines("ALTER FOREIGN DATA WRAPPER nowhere VALIDATOR postgresql_fdw_validator",
                            "foreign data wrapper nowhere: validator (none) → postgresql_fdw_validator"),
                    lines("ALTER FOREIGN DATA WRAPPER nowhere OPTIONS (SET debug 'false')",
                            "foreign data wrapper nowhere: options debug=true → debug=false"),
                    lines("ALTER FOREIGN DATA WRAPPER nowhere OPTIONS (DROP debug)",
                            "foreign data wrapper nowhere: options debug=true → (none)"),
                    lines("CREATE ROLE kinds_db_owner SUPERUSER; ALTER FOREIGN DATA WRAPPER nowhere OWNER TO"
                            + " kinds_db_owner", "foreign data wrapper nowhere: owner postgres → kinds_db_owner"
                            + " [ownership]"),
                    lines("GRANT USAGE ON FOREIGN DATA WRAPPER nowhere TO PUBLIC", "foreign data wrapper nowhere:"
                            + " privileges (none) → =U/postgres, postgres=U/postgres [ownership]"),
                    lines("COMMENT ON FOREIGN DATA WRAPPER nowhere IS 'Goes nowhere'",
                            "foreign data wrapper nowhere: comment (none) → Goes nowhere [comment]"),
                    // servers
                    lines("CREATE SERVER near FOREIGN DATA WRAPPER nowhere",
                            "foreign server near: added (FOREIGN DATA WRAPPER nowhere)"),
                    lines("DROP SERVER far CASCADE", "foreign server far: removed (FOREIGN DATA WRAPPER nowhere)",
                            "user mapping postgres@far: removed", "foreign table remote_rate: removed (SERVER far)"),
                    lines("CREATE FOREIGN DATA WRAPPER elsewhere; ALTER SERVER far RENAME TO old_far;"
                            + " CREATE SERVER far TYPE 'postgresql' VERSION '17' FOREIGN DATA WRAPPER elsewhere"
                            + " OPTIONS (host 'db.example', password 's3cret-server');"
                            + " CREATE USER MAPPING FOR CURRENT_USER SERVER far OPTIONS (user 'a', password 'b');"
                            + " ALTER FOREIGN TABLE remote_rate RENAME TO old_rate;"
                            + " CREATE FOREIGN TABLE remote_rate (currency char(3) OPTIONS (column_name 'ccy') NOT NULL,"
                            + " rate numeric) SERVER far OPTIONS (table_name 'rates');"
                            + " COMMENT ON FOREIGN TABLE remote_rate IS 'Exchange rates'",
                            "foreign data wrapper elsewhere: added",
                            "foreign server far: wrapper nowhere → elsewhere",
                            "foreign server old_far: added (FOREIGN DATA WRAPPER nowhere)",
                            "user mapping postgres@old_far: added",
                            "foreign table old_rate: added (SERVER old_far)"),
                    lines("DROP SERVER far CASCADE; CREATE SERVER far VERSION '17' FOREIGN DATA WRAPPER nowhere"
                            + " OPTIONS (host 'db.example', password 's3cret-server');"
                            + " CREATE USER MAPPING FOR CURRENT_USER SERVER far OPTIONS (user 'a', password 'b');"
                            + " CREATE FOREIGN TABLE remote_rate (currency char(3) OPTIONS (column_name 'ccy') NOT NULL,"
                            + " rate numeric) SERVER far OPTIONS (table_name 'rates');"
                            + " COMMENT ON FOREIGN TABLE remote_rate IS 'Exchange rates'",
                            "foreign server far: type postgresql → (none)"),
                    lines("ALTER SERVER far VERSION '18'", "foreign server far: version 17 → 18"),
                    lines("ALTER SERVER far OPTIONS (SET host 'db2.example')",
                            "foreign server far: options host=db.example, password → host=db2.example, password"),
                    lines("ALTER SERVER far OPTIONS (ADD port '5433', DROP password)",
                            "foreign server far: options host=db.example, password → host=db.example, port=5433"),
                    lines("CREATE ROLE kinds_db_owner SUPERUSER; ALTER SERVER far OWNER TO kinds_db_owner",
                            "foreign server far: owner postgres → kinds_db_owner [ownership]"),
                    lines("GRANT USAGE ON FOREIGN SERVER far TO PUBLIC", "foreign server far: privileges (none) →"
                            + " =U/postgres, postgres=U/postgres [ownership]"),
                    lines("COMMENT ON SERVER far IS 'The far one'",
                            "foreign server far: comment (none) → The far one [comment]"),
                    // user mappings
                    lines("CREATE USER MAPPING FOR PUBLIC SERVER far OPTIONS (password 'n3w-s3cret')",
                            "user mapping public@far: added"),
                    lines("DROP USER MAPPING FOR CURRENT_USER SERVER far", "user mapping postgres@far: removed"),
                    lines("ALTER USER MAPPING FOR CURRENT_USER SERVER far OPTIONS (DROP user)",
                            "user mapping postgres@far: option names password, user → password"),
                    lines("ALTER USER MAPPING FOR CURRENT_USER SERVER far OPTIONS (ADD sslkey '/keys/app.key')",
                            "user mapping postgres@far: option names password, user → password, sslkey, user"),
                    // foreign tables
                    lines("CREATE FOREIGN TABLE billing.remote (id int) SERVER far",
                            "foreign table billing.remote: added (SERVER far)"),
                    lines("DROP FOREIGN TABLE remote_rate", "foreign table remote_rate: removed (SERVER far)"),
                    lines("CREATE SERVER near FOREIGN DATA WRAPPER nowhere; DROP FOREIGN TABLE remote_rate;"
                            + " CREATE FOREIGN TABLE remote_rate (currency char(3) OPTIONS (column_name 'ccy') NOT NULL,"
                            + " rate numeric) SERVER near OPTIONS (table_name 'rates');"
                            + " COMMENT ON FOREIGN TABLE remote_rate IS 'Exchange rates'",
                            "foreign server near: added (FOREIGN DATA WRAPPER nowhere)",
                            "foreign table remote_rate: server far → near"),
                    lines("ALTER FOREIGN TABLE remote_rate OPTIONS (SET table_name 'fx_rates')",
                            "foreign table remote_rate: options table_name=rates → table_name=fx_rates"),
                    lines("ALTER FOREIGN TABLE remote_rate OPTIONS (ADD schema_name 'fx')",
                            "foreign table remote_rate: options table_name=rates → schema_name=fx, table_name=rates"),
                    lines("ALTER FOREIGN TABLE remote_rate ADD CONSTRAINT rate_positive CHECK (rate > 0)",
                            "foreign table remote_rate: constraints (none) → rate_positive CHECK ((rate > (0)::numeric))"),
                    lines("CREATE TABLE rate_base (currency char(3)); ALTER FOREIGN TABLE remote_rate INHERIT rate_base",
                            "table rate_base: added",
                            "table remote_rate: column currency: inheritance (none) → local and inherited",
                            "foreign table remote_rate: parents (none) → public.rate_base"),
                    lines("CREATE TABLE rate (currency char(3) NOT NULL, rate numeric) PARTITION BY LIST (currency);"
                            + " ALTER TABLE rate ATTACH PARTITION remote_rate FOR VALUES IN ('EUR')",
                            "repeated:",
                            "  2 × column inheritance: (none) → inherited (remote_rate.currency, remote_rate.rate)",
                            "each difference:",
                            "table rate: added",
                            "table remote_rate: column currency: inheritance (none) → inherited",
                            "table remote_rate: column rate: inheritance (none) → inherited",
                            "foreign table remote_rate: parents (none) → public.rate",
                            "foreign table remote_rate: partition bound (none) → FOR VALUES IN ('EUR')"),
                    lines("ALTER FOREIGN TABLE remote_rate ALTER COLUMN rate OPTIONS (ADD column_name 'value')",
                            "foreign table remote_rate: column options currency column_name=ccy →"
                            + " currency column_name=ccy, rate column_name=value"),
                    lines("ALTER FOREIGN TABLE remote_rate ADD COLUMN note text",
                            "table remote_rate: column note: added (text)"),
                    lines("ALTER FOREIGN TABLE remote_rate DROP COLUMN rate",
                            "table remote_rate: column rate: removed (numeric)"),
                    lines("ALTER FOREIGN TABLE remote_rate ALTER COLUMN rate TYPE double precision",
                            "table remote_rate: column rate: type numeric → double precision"),
                    lines("ALTER FOREIGN TABLE remote_rate ALTER COLUMN currency DROP NOT NULL",
                            "table remote_rate: column currency: not null true → false"),
                    lines("CREATE ROLE kinds_db_owner; ALTER FOREIGN TABLE remote_rate OWNER TO kinds_db_owner",
                            "foreign table remote_rate: owner postgres → kinds_db_owner [ownership]"),
                    lines("COMMENT ON FOREIGN TABLE remote_rate IS NULL",
                            "foreign table remote_rate: comment Exchange rates → (none) [comment]"));
        }

        /** A foreign table's privileges; PostgreSQL 17 added MAINTAIN ({@code m}) to the owner's. */
        @Test
        void reportsThePrivilegesOfAForeignTable() throws Exception {
            String owner = server.majorVersion() >= 17 ? "arwdDxtm" : "arwdDxt";
            assertThat(linesAfter("GRANT SELECT ON remote_rate TO PUBLIC")).containsExactly("foreign table remote_rate:"
                    + " privileges (none) → =r/postgres, postgres=" + owner + "/postgres [ownership]");
        }

        /** Every query that reads options applies the one rule for secrets, in the same words. */
        @Test
        void everyOptionQueryLeavesOutTheSameSecrets() {
            String rule = "CASE WHEN o.option_name ~* '(pass|secret|token|key|credential|auth|pwd)' THEN o.option_name";
            assertThat(Map.of("foreign_data_wrappers", 1, "foreign_servers", 1, "foreign_tables", 2))
                    .allSatisfy((query, count) -> assertThat(dev.driftless.internal.schema.CatalogQueries
                            .query(query, server.majorVersion()).split(java.util.regex.Pattern.quote(rule), -1))
                            .as(query).hasSize(count + 1));
            assertThat(dev.driftless.internal.schema.CatalogQueries.query("user_mappings", server.majorVersion()))
                    .doesNotContain("option_value");
        }

        /** A changed password is no difference: its value is never read, so it is in no snapshot and no report. */
        @Test
        void neverReadsAPassword() throws Exception {
            assertThat(linesAfter("ALTER SERVER far OPTIONS (SET password 'n3w-s3cret');"
                    + " ALTER USER MAPPING FOR CURRENT_USER SERVER far OPTIONS (SET password 'n3w-s3cret')")).isEmpty();
            assertThat(base.foreignServers()).singleElement().satisfies(s ->
                    assertThat(s.options()).containsExactly("host=db.example", "password"));
            assertThat(base.userMappings()).singleElement().satisfies(m ->
                    assertThat(m.optionNames()).containsExactly("password", "user"));
            assertThat(base.foreignTable("remote_rate").orElseThrow().column("currency").orElseThrow().notNull())
                    .isTrue();
            assertThat(base.toJson()).contains("\"password\"").doesNotContain("s3cret").doesNotContain("remote_app");
            SchemaDiff dropped = SchemaDiff.between(base, SchemaSnapshot.empty(),
                    DiffOptions.defaults().comparingOwnersAndPrivileges());
            SchemaDiff added = SchemaDiff.between(SchemaSnapshot.empty(), base);
            for (SchemaDiff diff : List.of(dropped, added)) {
                assertThat(diff.toText()).contains("foreign server far").contains("user mapping postgres@far");
                for (DiffRenderer renderer : List.of(new TextDiffRenderer(), new MarkdownDiffRenderer(),
                        new HtmlDiffRenderer(), new JsonDiffRenderer())) {
                    assertThat(renderer.render(diff)).doesNotContain("s3cret").doesNotContain("remote_app");
                }
            }
        }
    }

    /** Every renderer reports the new kinds under their own names when they are dropped. */
    @Test
    void everyRendererReportsTheDatabaseWideAndTextSearchKinds() {
        SchemaSnapshot without = new SchemaSnapshot(base.schemas(), base.extensions(), base.tables(), base.views(),
                base.sequences(), base.functions(), base.enums(), base.domains(), base.compositeTypes(),
                base.collations(), null, null, null, null, null, null, null, null, null, null, base.notCompared());
        SchemaDiff diff = SchemaDiff.between(base, without);
        assertThat(diff.toText()).isEqualTo("""
                10 differences (10 structure)
                publication booking_changes: removed (FOR TABLE public.booking, TABLE public.party)
                foreign server far: removed (FOREIGN DATA WRAPPER nowhere)
                event trigger note_ddl: removed (ON ddl_command_end WHEN TAG IN (ALTER TABLE, CREATE TABLE) EXECUTE\
                 FUNCTION public.note_ddl())
                foreign data wrapper nowhere: removed
                user mapping postgres@far: removed
                text search parser default_copy: removed
                text search dictionary english_stem_nostop: removed (TEMPLATE = snowball, language = 'english')
                text search configuration plain_english: removed (PARSER = "default")
                foreign table remote_rate: removed (SERVER far)
                text search template simple_copy: removed
                """);
        assertThat(new MarkdownDiffRenderer().render(diff)).contains("## publication booking\\_changes\n")
                .contains("## user mapping postgres@far\n");
        assertThat(new HtmlDiffRenderer().render(diff)).contains("<h2>event trigger note_ddl</h2>")
                .contains("<h2>text search configuration plain_english</h2>");
        assertThat(new JsonDiffRenderer().render(diff)).contains("\"kind\" : \"FOREIGN_TABLE\"")
                .contains("\"kind\" : \"TEXT_SEARCH_TEMPLATE\"").contains("\"name\" : \"simple_copy\"");
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
