package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.Quote;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
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
                .containsExactly("booking_nights(bigint)", "cancel_booking(bigint)", "label_in(cstring)",
                        "label_out(public.label)", "touch_party()");
        assertThat(base.enums()).hasSize(1);
        assertThat(base.domains()).hasSize(1);
        assertThat(base.compositeTypes()).hasSize(1);
        assertThat(base.rangeTypes()).extracting(RangeType::name).containsExactly("float_span");
        assertThat(base.baseTypes()).extracting(BaseType::name).containsExactly("label");
        assertThat(base.casts()).extracting(c -> c.id().name()).containsExactly("(public.label AS text)");
        assertThat(base.operators()).extracting(o -> o.id().name()).containsExactly("===(integer, integer)");
        assertThat(base.operatorClasses()).extracting(c -> c.id().name()).containsExactly("int4_hash_ops2 USING hash");
        assertThat(base.operatorFamilies()).extracting(f -> f.id().name())
                .containsExactly("int4_hash_ops2 USING hash", "int_cross_ops USING btree");
        assertThat(base.conversions()).extracting(Conversion::name).containsExactly("latin1_copy");
        assertThat(base.accessMethods()).extracting(AccessMethod::name).containsExactly("heap_copy");
        assertThat(base.transforms()).extracting(t -> t.id().name())
                .containsExactly("FOR public.label LANGUAGE plpgsql");
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
                Arguments.of("CREATE RULE audit_event_ignore AS ON INSERT TO audit_event DO INSTEAD NOTHING",
                        Map.of("rule", 1)),
                Arguments.of("CREATE STATISTICS booking_stats ON party_id, resource_id FROM booking",
                        Map.of("extended statistics", 1)),
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
                Arguments.of("GRANT UPDATE (email) ON party TO PUBLIC", Map.of("column privilege", 1)),
                Arguments.of("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC",
                        Map.of("default privilege", 1)),
                Arguments.of("SELECT lo_create(0)", Map.of("large object", 1)));
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

    // ---- range and base types, casts, operators, operator classes and families, conversions, access methods,
    // transforms: each change's report in full

    /**
     * Runs {@code setup} (may be empty), reads the snapshot, runs {@code change}, reads again, and returns the diff's
     * lines without its summary; all in one transaction, rolled back.
     */
    private static List<String> linesAfter(String setup, String change, boolean owners) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                if (!setup.isEmpty()) {
                    statement.execute(setup);
                }
                SchemaSnapshot before = setup.isEmpty() ? base : SchemaInspector.create().inspect(c);
                statement.execute(change);
                SchemaSnapshot after = SchemaInspector.create().inspect(c);
                c.rollback();
                DiffOptions options = owners ? DiffOptions.defaults().comparingOwnersAndPrivileges()
                        : DiffOptions.defaults();
                assertThat(SchemaSnapshot.fromJson(after.toJson())).isEqualTo(after);
                return TestSchemas.lines(SchemaDiff.between(before, after, options));
            }
        }
    }

    private static Arguments report(String setup, String change, String... lines) {
        return Arguments.of(setup, change, false, String.join("\n", lines));
    }

    /** A change of owner, reported when owners are compared; the role is created in the rolled-back transaction. */
    private static Arguments ownerReport(String setup, String change, String line) {
        return Arguments.of(setup, "CREATE ROLE driftless_kinds_owner; " + change, true, line);
    }

    /** The shared body of the nested classes' tests. */
    private static void assertReport(String setup, String change, boolean owners, String expected) throws Exception {
        assertEquals(expected, String.join("\n", linesAfter(setup, change, owners)), change);
    }

    /** The test of each kind's nested class: every case its static {@code cases()} lists is reported as expected. */
    abstract class KindReports {

        @ParameterizedTest(name = "{1}")
        @MethodSource("cases")
        void reportsEachChange(String setup, String change, boolean owners, String expected) throws Exception {
            assertReport(setup, change, owners, expected);
        }
    }

    private static String owner() {
        return base.rangeTypes().get(0).owner();
    }

    @Nested
    class RangeTypes extends KindReports {

        static final String INT_SPAN = "CREATE TYPE int_span AS RANGE (SUBTYPE = int4)";

        static Stream<Arguments> cases() {
            String recreate = "DROP TYPE int_span; CREATE TYPE int_span AS RANGE ";
            return Stream.of(
                    report("", INT_SPAN, "range type int_span: added (subtype integer)"),
                    report(INT_SPAN, "DROP TYPE int_span", "range type int_span: removed (subtype integer)"),
                    report(INT_SPAN, recreate + "(SUBTYPE = int8)",
                            "range type int_span: subtype integer → bigint",
                            "range type int_span: subtype opclass int4_ops → int8_ops"),
                    report("CREATE TYPE word_span AS RANGE (SUBTYPE = text)", "DROP TYPE word_span;"
                            + " CREATE TYPE word_span AS RANGE (SUBTYPE = text, SUBTYPE_OPCLASS = text_pattern_ops)",
                            "range type word_span: subtype opclass text_ops → text_pattern_ops"),
                    report("CREATE TYPE word_span AS RANGE (SUBTYPE = text)", "DROP TYPE word_span;"
                            + " CREATE TYPE word_span AS RANGE (SUBTYPE = text, COLLATION = \"C\")",
                            "range type word_span: collation pg_catalog.\"default\" → pg_catalog.\"C\""),
                    report(INT_SPAN, "DROP TYPE int_span; CREATE TYPE int_span;"
                            + " CREATE FUNCTION int_span_canonical(int_span) RETURNS int_span LANGUAGE internal"
                            + " IMMUTABLE STRICT AS 'int4range_canonical';"
                            + " CREATE TYPE int_span AS RANGE (SUBTYPE = int4, CANONICAL = int_span_canonical)",
                            "range type int_span: canonical (none) → public.int_span_canonical",
                            "function int_span_canonical(public.int_span): added"),
                    report(INT_SPAN, recreate + "(SUBTYPE = int4, SUBTYPE_DIFF = int4range_subdiff)",
                            "range type int_span: subtype diff (none) → int4range_subdiff"),
                    report(INT_SPAN, recreate + "(SUBTYPE = int4, MULTIRANGE_TYPE_NAME = int_spans)",
                            "range type int_span: multirange type public.int_span_multirange → public.int_spans"),
                    ownerReport("", "ALTER TYPE float_span OWNER TO driftless_kinds_owner",
                            "range type float_span: owner " + owner() + " → driftless_kinds_owner [ownership]"),
                    report("", "COMMENT ON TYPE float_span IS NULL",
                            "range type float_span: comment Half-open spans → (none) [comment]"));
        }

        /** A table column of a range type reads like one of any other type, whatever the order of creation. */
        @Test
        void aColumnOfARangeTypeIsReadWithItsType() {
            assertThat(base.table("price_band").orElseThrow().column("band").orElseThrow().type())
                    .isEqualTo("public.float_span");
            assertThat(base.rangeTypes().get(0)).isEqualTo(new RangeType("public", "float_span", "double precision",
                    "float8_ops", null, null, "float8mi", "public.float_spans", owner(), "Half-open spans"));
        }
    }

    @Nested
    class BaseTypes extends KindReports {

        /** Functions of the type {@code tag} that do not depend on it (made before it, kept when it is dropped). */
        static final String TAG_HELPERS = "CREATE FUNCTION tag_typmod_in(cstring[]) RETURNS int4 LANGUAGE internal"
                + " IMMUTABLE STRICT AS 'varchartypmodin';"
                + " CREATE FUNCTION tag_typmod_out(int4) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT"
                + " AS 'varchartypmodout';"
                + " CREATE FUNCTION tag_analyze(internal) RETURNS bool LANGUAGE internal STRICT AS 'ts_typanalyze';";

        /** The shell type {@code tag} and the functions that depend on it, made from built-in C functions. */
        static final String TAG_SHELL = "CREATE TYPE tag;"
                + " CREATE FUNCTION tag_in(cstring) RETURNS tag LANGUAGE internal IMMUTABLE STRICT AS 'textin';"
                + " CREATE FUNCTION tag_out(tag) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';"
                + " CREATE FUNCTION tag_recv(internal) RETURNS tag LANGUAGE internal IMMUTABLE STRICT AS 'textrecv';"
                + " CREATE FUNCTION tag_send(tag) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'textsend';";

        /** The base type {@code tag}, its functions made anew, with {@code options} added. */
        static String tag(String options) {
            return TAG_SHELL + " CREATE TYPE tag (INPUT = tag_in, OUTPUT = tag_out" + options + ")";
        }

        static Arguments recreated(String options, String... lines) {
            return report(TAG_HELPERS + tag(""), "DROP TYPE tag CASCADE; " + tag(options), lines);
        }

        static Arguments altered(String set, String line) {
            return report(TAG_HELPERS + tag(""), "ALTER TYPE tag SET (" + set + ")", line);
        }

        static Stream<Arguments> cases() {
            return Stream.of(
                    report("", "CREATE TYPE shell_only", "base type shell_only: added (shell)"),
                    report("CREATE TYPE shell_only", "DROP TYPE shell_only", "base type shell_only: removed (shell)"),
                    report(TAG_HELPERS + TAG_SHELL, "CREATE TYPE tag (INPUT = tag_in, OUTPUT = tag_out)",
                            "base type tag: shell true → false",
                            "base type tag: input (none) → public.tag_in",
                            "base type tag: output (none) → public.tag_out",
                            "base type tag: internal length (none) → VARIABLE",
                            "base type tag: alignment (none) → int4",
                            "base type tag: storage (none) → plain",
                            "base type tag: category (none) → U",
                            "base type tag: delimiter (none) → ,"),
                    report(TAG_HELPERS + tag(""), "ALTER FUNCTION tag_in(cstring) RENAME TO tag_in2",
                            "base type tag: input public.tag_in → public.tag_in2",
                            "function tag_in(cstring): removed",
                            "function tag_in2(cstring): added"),
                    report(TAG_HELPERS + tag(""), "ALTER FUNCTION tag_out(tag) RENAME TO tag_out2",
                            "base type tag: output public.tag_out → public.tag_out2",
                            "function tag_out(public.tag): removed",
                            "function tag_out2(public.tag): added"),
                    altered("RECEIVE = tag_recv", "base type tag: receive (none) → public.tag_recv"),
                    altered("SEND = tag_send", "base type tag: send (none) → public.tag_send"),
                    altered("TYPMOD_IN = tag_typmod_in", "base type tag: typmod in (none) → public.tag_typmod_in"),
                    altered("TYPMOD_OUT = tag_typmod_out",
                            "base type tag: typmod out (none) → public.tag_typmod_out"),
                    altered("ANALYZE = tag_analyze", "base type tag: analyze (none) → public.tag_analyze"),
                    altered("SUBSCRIPT = raw_array_subscript_handler",
                            "base type tag: subscript (none) → raw_array_subscript_handler"),
                    altered("STORAGE = extended", "base type tag: storage plain → extended"),
                    recreated(", INTERNALLENGTH = 16", "base type tag: internal length VARIABLE → 16"),
                    recreated(", INTERNALLENGTH = 4, PASSEDBYVALUE",
                            "base type tag: internal length VARIABLE → 4",
                            "base type tag: passed by value false → true"),
                    recreated(", ALIGNMENT = double", "base type tag: alignment int4 → double"),
                    recreated(", CATEGORY = 'S'", "base type tag: category U → S"),
                    recreated(", PREFERRED = true", "base type tag: preferred false → true"),
                    recreated(", DEFAULT = 'none'", "base type tag: default (none) → none"),
                    recreated(", SUBSCRIPT = raw_array_subscript_handler, ELEMENT = int4",
                            "base type tag: subscript (none) → raw_array_subscript_handler",
                            "base type tag: element (none) → integer"),
                    recreated(", DELIMITER = ';'", "base type tag: delimiter , → ;"),
                    recreated(", COLLATABLE = true", "base type tag: collatable false → true"),
                    ownerReport("", "ALTER TYPE label OWNER TO driftless_kinds_owner",
                            "base type label: owner " + owner() + " → driftless_kinds_owner [ownership]"),
                    report("", "COMMENT ON TYPE label IS 'Text, again'",
                            "base type label: comment Free text → Text, again [comment]"));
        }
    }

    @Nested
    class Casts extends KindReports {

        static Stream<Arguments> cases() {
            String recreate = "DROP CAST (label AS text); CREATE CAST (label AS text) ";
            return Stream.of(
                    report("", "CREATE CAST (money_range AS text) WITH INOUT",
                            "cast (public.money_range AS text): added (WITH INOUT, explicit)"),
                    report("", "DROP CAST (label AS text)",
                            "cast (public.label AS text): removed (WITHOUT FUNCTION, assignment)"),
                    report("", recreate + "WITH INOUT AS ASSIGNMENT; COMMENT ON CAST (label AS text) IS 'Same bytes'",
                            "cast (public.label AS text): method WITHOUT FUNCTION → WITH INOUT"),
                    report("CREATE FUNCTION label_text(label) RETURNS text LANGUAGE internal IMMUTABLE STRICT"
                            + " AS 'textout'", recreate + "WITH FUNCTION label_text(label) AS ASSIGNMENT;"
                            + " COMMENT ON CAST (label AS text) IS 'Same bytes'",
                            "cast (public.label AS text): method WITHOUT FUNCTION"
                            + " → WITH FUNCTION public.label_text(public.label)"),
                    report("", recreate + "WITHOUT FUNCTION AS IMPLICIT;"
                            + " COMMENT ON CAST (label AS text) IS 'Same bytes'",
                            "cast (public.label AS text): context assignment → implicit"),
                    report("", recreate + "WITHOUT FUNCTION; COMMENT ON CAST (label AS text) IS 'Same bytes'",
                            "cast (public.label AS text): context assignment → explicit"),
                    report("", "COMMENT ON CAST (label AS text) IS NULL",
                            "cast (public.label AS text): comment Same bytes → (none) [comment]"));
        }

        /** A cast between types of a schema the snapshot does not read is left out with them. */
        @Test
        void readsOnlyCastsWhoseTypesAreRead() {
            assertThat(SchemaInspector.create(SchemaFilter.all().schemas("billing")).inspect(db).casts()).isEmpty();
            assertThat(SchemaInspector.create(SchemaFilter.all().schemas("public")).inspect(db).casts())
                    .hasSize(1);
        }
    }

    @Nested
    class Operators extends KindReports {

        static final String NOT_EQUAL = "CREATE OPERATOR !== (LEFTARG = int, RIGHTARG = int, FUNCTION = int4ne)";

        static Stream<Arguments> cases() {
            String recreate = "DROP OPERATOR !== (int, int); CREATE OPERATOR !== (LEFTARG = int, RIGHTARG = int,"
                    + " FUNCTION = int4ne";
            return Stream.of(
                    report("", NOT_EQUAL, "operator !==(integer, integer): added (function int4ne)"),
                    report("", "CREATE OPERATOR - (RIGHTARG = label, FUNCTION = label_out)",
                            "operator -(NONE, public.label): added (function public.label_out)"),
                    report("", "DROP OPERATOR CLASS int4_hash_ops2 USING hash; DROP OPERATOR === (int, int)",
                            "operator ===(integer, integer): removed (function int4eq)",
                            "operator class int4_hash_ops2 USING hash: removed (for type integer family"
                            + " public.int4_hash_ops2)"),
                    report(NOT_EQUAL, "DROP OPERATOR !== (int, int);"
                            + " CREATE OPERATOR !== (LEFTARG = int, RIGHTARG = int, FUNCTION = int4lt)",
                            "operator !==(integer, integer): function int4ne → int4lt"),
                    report(NOT_EQUAL, "ALTER OPERATOR !== (int, int) SET (RESTRICT = neqsel)",
                            "operator !==(integer, integer): restrict (none) → neqsel"),
                    report(NOT_EQUAL, "ALTER OPERATOR !== (int, int) SET (JOIN = neqjoinsel)",
                            "operator !==(integer, integer): join (none) → neqjoinsel"),
                    report(NOT_EQUAL, recreate + ", COMMUTATOR = !==)",
                            "operator !==(integer, integer): commutator (none) → public.!==(integer,integer)"),
                    report(NOT_EQUAL, recreate + ", NEGATOR = ===)",
                            "operator !==(integer, integer): negator (none) → public.===(integer,integer)",
                            "operator ===(integer, integer): negator (none) → public.!==(integer,integer)"),
                    report(NOT_EQUAL, recreate + ", HASHES)", "operator !==(integer, integer): hashes false → true"),
                    report(NOT_EQUAL, recreate + ", MERGES)", "operator !==(integer, integer): merges false → true"),
                    ownerReport("", "ALTER OPERATOR === (int, int) OWNER TO driftless_kinds_owner",
                            "operator ===(integer, integer): owner " + owner()
                            + " → driftless_kinds_owner [ownership]"),
                    report("", "COMMENT ON OPERATOR === (int, int) IS NULL",
                            "operator ===(integer, integer): comment Equal, again → (none) [comment]"));
        }
    }

    @Nested
    class OperatorClasses extends KindReports {

        static final String TEXT_CLASS = "CREATE OPERATOR CLASS text_hash_ops2 FOR TYPE text USING hash AS"
                + " OPERATOR 1 =, FUNCTION 1 hashtext(text)";

        static Arguments recreated(String definition, String... lines) {
            return report(TEXT_CLASS, "DROP OPERATOR FAMILY text_hash_ops2 USING hash;"
                    + " CREATE OPERATOR CLASS text_hash_ops2 " + definition, lines);
        }

        static Stream<Arguments> cases() {
            return Stream.of(
                    report("", TEXT_CLASS,
                            "operator class text_hash_ops2 USING hash: added (for type text family"
                            + " public.text_hash_ops2)",
                            "operator family text_hash_ops2 USING hash: added"),
                    report("", "DROP OPERATOR CLASS int4_hash_ops2 USING hash",
                            "operator class int4_hash_ops2 USING hash: removed (for type integer family"
                            + " public.int4_hash_ops2)"),
                    recreated("FOR TYPE varchar USING hash AS OPERATOR 1 =(text, text), FUNCTION 1 hashtext(text)",
                            "operator class text_hash_ops2 USING hash: type text → character varying",
                            "operator class text_hash_ops2 USING hash: operators OPERATOR 1 =(text,text) → (none)",
                            "operator class text_hash_ops2 USING hash: functions FUNCTION 1 (text, text)"
                            + " hashtext(text) → (none)",
                            "operator family text_hash_ops2 USING hash: operators (none) → OPERATOR 1 =(text,text)",
                            "operator family text_hash_ops2 USING hash: functions (none) → FUNCTION 1 (text, text)"
                            + " hashtext(text)"),
                    recreated("DEFAULT FOR TYPE label USING hash AS OPERATOR 1 =(text, text),"
                            + " FUNCTION 1 hashtext(text)",
                            "operator class text_hash_ops2 USING hash: type text → public.label",
                            "operator class text_hash_ops2 USING hash: default false → true",
                            "operator class text_hash_ops2 USING hash: operators OPERATOR 1 =(text,text) → (none)",
                            "operator class text_hash_ops2 USING hash: functions FUNCTION 1 (text, text)"
                            + " hashtext(text) → (none)",
                            "operator family text_hash_ops2 USING hash: operators (none) → OPERATOR 1 =(text,text)",
                            "operator family text_hash_ops2 USING hash: functions (none) → FUNCTION 1 (text, text)"
                            + " hashtext(text)"),
                    report(TEXT_CLASS + "; CREATE OPERATOR FAMILY other_ops USING hash",
                            "DROP OPERATOR FAMILY text_hash_ops2 USING hash; CREATE OPERATOR CLASS text_hash_ops2"
                            + " FOR TYPE text USING hash FAMILY other_ops AS OPERATOR 1 =, FUNCTION 1 hashtext(text)",
                            "operator class text_hash_ops2 USING hash: family public.text_hash_ops2"
                            + " → public.other_ops",
                            "operator family text_hash_ops2 USING hash: removed"),
                    report("CREATE OPERATOR CLASS word_ops FOR TYPE text USING gist AS FUNCTION 1 gist_box_consistent"
                            + "(internal, box, smallint, oid, internal)",
                            "DROP OPERATOR FAMILY word_ops USING gist; CREATE OPERATOR CLASS word_ops FOR TYPE text"
                            + " USING gist AS FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal),"
                            + " STORAGE box",
                            "operator class word_ops USING gist: storage (none) → box"),
                    recreated("FOR TYPE text USING hash AS OPERATOR 1 ~~ (text, text), FUNCTION 1 hashtext(text)",
                            "operator class text_hash_ops2 USING hash: operators OPERATOR 1 =(text,text)"
                            + " → OPERATOR 1 ~~(text,text)"),
                    recreated("FOR TYPE text USING hash AS OPERATOR 1 =, FUNCTION 1 hashtext(text),"
                            + " FUNCTION 2 hashtextextended(text, bigint)",
                            // the optional extended hash function belongs to the family, as pg_dump prints it
                            "operator family text_hash_ops2 USING hash: functions (none)"
                            + " → FUNCTION 2 (text, text) hashtextextended(text,bigint)"),
                    ownerReport("", "ALTER OPERATOR CLASS int4_hash_ops2 USING hash OWNER TO driftless_kinds_owner",
                            "operator class int4_hash_ops2 USING hash: owner " + owner()
                            + " → driftless_kinds_owner [ownership]"),
                    report("", "COMMENT ON OPERATOR CLASS int4_hash_ops2 USING hash IS NULL",
                            "operator class int4_hash_ops2 USING hash: comment Hashes with === → (none) [comment]"));
        }
    }

    @Nested
    class OperatorFamilies extends KindReports {

        static Stream<Arguments> cases() {
            return Stream.of(
                    report("", "CREATE OPERATOR FAMILY text_cross_ops USING btree",
                            "operator family text_cross_ops USING btree: added"),
                    report("", "DROP OPERATOR FAMILY int_cross_ops USING btree",
                            "operator family int_cross_ops USING btree: removed"),
                    report("", "ALTER OPERATOR FAMILY int_cross_ops USING btree ADD OPERATOR 1 < (int4, int8)",
                            "operator family int_cross_ops USING btree: operators OPERATOR 3 =(integer,bigint)"
                            + " → OPERATOR 1 <(integer,bigint), OPERATOR 3 =(integer,bigint)"),
                    report("", "ALTER OPERATOR FAMILY int_cross_ops USING btree DROP FUNCTION 1 (int4, int8)",
                            "operator family int_cross_ops USING btree: functions FUNCTION 1 (integer, bigint)"
                            + " btint48cmp(integer,bigint) → (none)"),
                    ownerReport("", "ALTER OPERATOR FAMILY int_cross_ops USING btree OWNER TO driftless_kinds_owner",
                            "operator family int_cross_ops USING btree: owner " + owner()
                            + " → driftless_kinds_owner [ownership]"),
                    report("", "COMMENT ON OPERATOR FAMILY int_cross_ops USING btree IS 'Across widths'",
                            "operator family int_cross_ops USING btree: comment (none) → Across widths [comment]"));
        }
    }

    @Nested
    class Conversions extends KindReports {

        static Stream<Arguments> cases() {
            String recreate = "DROP CONVERSION latin1_copy; CREATE ";
            return Stream.of(
                    report("", "CREATE CONVERSION billing.utf8_latin1 FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1",
                            "conversion billing.utf8_latin1: added (UTF8 to LATIN1 from utf8_to_iso8859_1)"),
                    report("", "DROP CONVERSION latin1_copy",
                            "conversion latin1_copy: removed (LATIN1 to UTF8 from iso8859_1_to_utf8)"),
                    report("CREATE CONVERSION latin2_copy FOR 'LATIN2' TO 'UTF8' FROM iso8859_to_utf8",
                            "DROP CONVERSION latin2_copy; CREATE CONVERSION latin2_copy FOR 'LATIN3' TO 'UTF8'"
                            + " FROM iso8859_to_utf8", "conversion latin2_copy: source encoding LATIN2 → LATIN3"),
                    report("", recreate + "CONVERSION latin1_copy FOR 'LATIN1' TO 'MULE_INTERNAL'"
                            + " FROM latin1_to_mic",
                            "conversion latin1_copy: target encoding UTF8 → MULE_INTERNAL",
                            "conversion latin1_copy: function iso8859_1_to_utf8 → latin1_to_mic"),
                    report("", recreate + "DEFAULT CONVERSION latin1_copy FOR 'LATIN1' TO 'UTF8'"
                            + " FROM iso8859_1_to_utf8", "conversion latin1_copy: default false → true"),
                    ownerReport("", "ALTER CONVERSION latin1_copy OWNER TO driftless_kinds_owner",
                            "conversion latin1_copy: owner " + owner() + " → driftless_kinds_owner [ownership]"),
                    report("", "COMMENT ON CONVERSION latin1_copy IS 'Copy'",
                            "conversion latin1_copy: comment (none) → Copy [comment]"));
        }
    }

    @Nested
    class AccessMethods extends KindReports {

        static Stream<Arguments> cases() {
            String recreate = "DROP ACCESS METHOD heap_copy; CREATE ACCESS METHOD heap_copy ";
            String comment = "; COMMENT ON ACCESS METHOD heap_copy IS 'The heap, again'";
            return Stream.of(
                    report("", "CREATE ACCESS METHOD btree_copy TYPE INDEX HANDLER bthandler",
                            "access method btree_copy: added (type INDEX handler bthandler)"),
                    report("", "DROP ACCESS METHOD heap_copy",
                            "access method heap_copy: removed (type TABLE handler heap_tableam_handler)"),
                    report("", recreate + "TYPE INDEX HANDLER bthandler" + comment,
                            "access method heap_copy: type TABLE → INDEX",
                            "access method heap_copy: handler heap_tableam_handler → bthandler"),
                    report("CREATE ACCESS METHOD btree_copy TYPE INDEX HANDLER bthandler",
                            "DROP ACCESS METHOD btree_copy; CREATE ACCESS METHOD btree_copy TYPE INDEX"
                            + " HANDLER hashhandler", "access method btree_copy: handler bthandler → hashhandler"),
                    report("", "COMMENT ON ACCESS METHOD heap_copy IS NULL",
                            "access method heap_copy: comment The heap, again → (none) [comment]"));
        }
    }

    @Nested
    class Transforms extends KindReports {

        static final String TO_SQL = "CREATE FUNCTION label_to_sql(internal) RETURNS label LANGUAGE internal"
                + " IMMUTABLE STRICT AS 'textrecv'";

        static Stream<Arguments> cases() {
            return Stream.of(
                    report("", "CREATE TRANSFORM FOR label LANGUAGE sql"
                            + " (FROM SQL WITH FUNCTION array_subscript_handler(internal))",
                            "transform FOR public.label LANGUAGE sql: added (from sql"
                            + " array_subscript_handler(internal))"),
                    report("", "DROP TRANSFORM FOR label LANGUAGE plpgsql",
                            "transform FOR public.label LANGUAGE plpgsql: removed (from sql"
                            + " array_subscript_handler(internal))"),
                    report("", "CREATE OR REPLACE TRANSFORM FOR label LANGUAGE plpgsql"
                            + " (FROM SQL WITH FUNCTION raw_array_subscript_handler(internal))",
                            "transform FOR public.label LANGUAGE plpgsql: from sql array_subscript_handler(internal)"
                            + " → raw_array_subscript_handler(internal)"),
                    report(TO_SQL, "CREATE OR REPLACE TRANSFORM FOR label LANGUAGE plpgsql"
                            + " (FROM SQL WITH FUNCTION array_subscript_handler(internal),"
                            + " TO SQL WITH FUNCTION label_to_sql(internal))",
                            "transform FOR public.label LANGUAGE plpgsql: to sql (none)"
                            + " → public.label_to_sql(internal)"),
                    report("", "COMMENT ON TRANSFORM FOR label LANGUAGE plpgsql IS 'Bytes'",
                            "transform FOR public.label LANGUAGE plpgsql: comment (none) → Bytes [comment]"));
        }
    }

    /**
     * Tablespaces: where a table, an index or a materialized view is stored is compared by the tablespace's name (none
     * for the database's default); the tablespace itself, a directory of the server, is not part of the schema.
     */
    @Nested
    class Tablespaces {

        @Test
        void reportsWhereTablesIndexesAndMaterializedViewsAreStored(@TempDir Path directory) throws Exception {
            try (Connection c = db.connect(); Statement statement = c.createStatement()) {
                // CREATE TABLESPACE cannot run in a transaction: made for this test, dropped after it.
                statement.execute("CREATE TABLESPACE driftless_kinds_space LOCATION "
                        + Quote.literal(directory.toString()));
                try {
                    String space = " SET TABLESPACE driftless_kinds_space";
                    assertReport("", "ALTER TABLE party" + space,
                            false, "table party: tablespace (none) → driftless_kinds_space");
                    assertReport("", "ALTER INDEX booking_party_idx" + space, false,
                            "table booking: index booking_party_idx: tablespace (none) → driftless_kinds_space");
                    assertReport("", "ALTER MATERIALIZED VIEW resource_usage" + space, false,
                            "materialized view resource_usage: tablespace (none) → driftless_kinds_space");
                    assertReport("CREATE TABLE placed (id int) TABLESPACE driftless_kinds_space",
                            "ALTER TABLE placed SET TABLESPACE pg_default",
                            false, "table placed: tablespace driftless_kinds_space → (none)");
                    assertReport("", "CREATE INDEX party_created_idx ON party (created_at) TABLESPACE"
                            + " driftless_kinds_space", false, "table party: index party_created_idx: added"
                            + " (CREATE INDEX party_created_idx ON public.party USING btree (created_at))");
                    assertThat(base.table("party").orElseThrow().tablespace()).isNull();
                } finally {
                    statement.execute("DROP TABLESPACE driftless_kinds_space");
                }
            }
        }
    }

    /** A dropped range type and a dropped cast are reported by every renderer, under their own names. */
    @Test
    void everyRendererReportsDroppedTypesAndCasts() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute("DROP CAST (label AS text); DROP TABLE price_band; DROP TYPE float_span");
            }
            SchemaDiff diff = SchemaDiff.between(base, SchemaInspector.create().inspect(c));
            c.rollback();
            assertThat(diff.toText()).isEqualTo("3 differences (3 structure)\n"
                    + "cast (public.label AS text): removed (WITHOUT FUNCTION, assignment)\n"
                    + "range type float_span: removed (subtype double precision)\n"
                    + "table price_band: removed\n");
            assertThat(new MarkdownDiffRenderer().render(diff)).contains("## range type float\\_span\n")
                    .contains("## cast (public.label AS text)\n");
            assertThat(new HtmlDiffRenderer().render(diff)).contains("<h2>range type float_span</h2>")
                    .contains("<h2>cast (public.label AS text)</h2>");
            assertThat(new JsonDiffRenderer().render(diff)).contains("\"kind\" : \"RANGE_TYPE\"")
                    .contains("\"kind\" : \"CAST\"").contains("\"name\" : \"(public.label AS text)\"");
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
