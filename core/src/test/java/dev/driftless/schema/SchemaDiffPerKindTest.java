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
                .containsExactly("booking_nights(bigint)", "cancel_booking(bigint)", "label_in(cstring)",
                        "label_out(public.label)", "note_ddl()", "total_amount(numeric)", "touch_party()");
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
                Arguments.of("GRANT SELECT (booking_id) ON confirmed_booking TO PUBLIC",
                        Map.of("column privilege (views, foreign tables)", 1)),
                Arguments.of("CREATE FOREIGN TABLE remote (id int, code text) SERVER far;"
                        + " CREATE STATISTICS remote_stats ON id, code FROM remote",
                        Map.of("extended statistics (foreign tables)", 1)),
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
                            "aggregate total_amount(numeric): final function (none) → pg_catalog.int4",
                            // created again under the every-kind schema's default privileges (EXECUTE not to PUBLIC)
                            "aggregate total_amount(numeric): privileges (none) → postgres=X/postgres [ownership]"),
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
        java.util.Map<String, Object> dropped = new java.util.HashMap<>();
        for (String name : List.of("textSearchConfigurations", "textSearchDictionaries", "textSearchParsers",
                "textSearchTemplates", "publications", "eventTriggers", "foreignDataWrappers", "foreignServers",
                "userMappings", "foreignTables")) {
            dropped.put(name, null);
        }
        SchemaSnapshot without = SnapshotComponents.replacing(base, dropped);
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
