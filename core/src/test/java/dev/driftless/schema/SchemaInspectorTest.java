package dev.driftless.schema;

import dev.driftless.DriftlessException;
import dev.driftless.internal.schema.CatalogQueries;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the inspector reads, its filters, JSON round trip, and that it leaves the connection as it found it. */
class SchemaInspectorTest {

    private static PostgresServer server;
    private static Database db;
    private static SchemaSnapshot snapshot;

    @BeforeAll
    static void read() {
        server = TestServers.embedded();
        db = TestSchemas.copyOf(server, TestSchemas.EVERY_KIND);
        snapshot = TestSchemas.snapshot(db);
    }

    @AfterAll
    static void drop() {
        server.drop(db);
    }

    @Test
    void readsTablesColumnsAndKeysAsPostgresqlPrintsThem() {
        Table booking = snapshot.table("booking").orElseThrow();
        assertThat(booking.columns()).extracting(Column::name).containsExactly("booking_id", "party_id",
                "resource_id", "status", "starts_at", "ends_at", "price", "nights");
        assertThat(booking.column("booking_id").orElseThrow().identity()).isEqualTo("BY DEFAULT");
        assertThat(booking.column("status").orElseThrow()).isEqualTo(new Column("status", 4, "public.booking_status",
                true, "'Pending'::public.booking_status", null, null, null, null, null, null, null, null, null, null));
        assertThat(booking.column("starts_at").orElseThrow().type()).isEqualTo("timestamp without time zone");
        assertThat(booking.column("nights").orElseThrow().generated())
                .isEqualTo("GREATEST(1, ends_at::date - starts_at::date)");
        Constraint fk = booking.constraint("booking_resource_fk").orElseThrow();
        assertThat(fk.foreignKey()).isEqualTo(new ForeignKey("public.resource", java.util.List.of("resource_id"),
                "NO ACTION", "RESTRICT", "FULL"));
        assertThat(fk.deferrable()).isTrue();
        assertThat(fk.initiallyDeferred()).isTrue();
        assertThat(booking.primaryKey().orElseThrow().columns()).containsExactly("booking_id");
        Index starts = booking.index("booking_starts_idx").orElseThrow();
        assertThat(starts.keys()).containsExactly("resource_id", "starts_at DESC");
        assertThat(starts.include()).containsExactly("status");
        assertThat(starts.predicate()).isEqualTo("status <> 'Cancelled'::public.booking_status");
        assertThat(snapshot.table("party").orElseThrow().index("party_name_pattern_idx").orElseThrow().keys())
                .containsExactly("display_name varchar_pattern_ops", "display_name COLLATE \"C\" DESC NULLS LAST",
                        "email NULLS FIRST");
        assertThat(snapshot.table("billing.invoice").orElseThrow().constraint("invoice_party_fk").orElseThrow()
                .validated()).isFalse();
        assertThat(snapshot.table("party").orElseThrow().column("email").orElseThrow().comment())
                .isEqualTo("Lower-case e-mail address");
    }

    @Test
    void indexDefinitionsReadAsPgGetIndexdefPrintsThem() throws Exception {
        try (Connection c = db.connect(); Statement statement = c.createStatement()) {
            statement.execute("SET search_path = pg_catalog");
            try (ResultSet rs = statement.executeQuery("SELECT n.nspname, t.relname, i.relname,"
                    + " pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                    + " JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE n.nspname IN ('public', 'billing')")) {
                int count = 0;
                while (rs.next()) {
                    String relation = rs.getString(1) + "." + rs.getString(2);
                    List<Index> indexes = snapshot.table(relation).map(Table::indexes)
                            .orElseGet(() -> snapshot.view(relation).orElseThrow().indexes());
                    String name = rs.getString(3);
                    Index index = indexes.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
                    assertThat(index.definition()).isEqualTo(rs.getString(4));
                    count++;
                }
                assertThat(count).isGreaterThan(8);
            }
        }
    }

    @Test
    void readsColumnStorageStatisticsIdentitySequenceAndReplicaIdentity() {
        Table cache = snapshot.table("session_cache").orElseThrow();
        assertThat(cache.replicaIdentity()).isEqualTo("FULL");
        assertThat(cache.column("value").orElseThrow().statisticsTarget()).isEqualTo(200);
        assertThat(cache.column("value").orElseThrow().storage()).isEqualTo("main");
        assertThat(cache.column("key").orElseThrow().storage()).isNull();
        assertThat(snapshot.table("party").orElseThrow().column("party_id").orElseThrow().identitySequence())
                .isEqualTo("public.party_party_id_seq start 1 increment 1 min 1 max 9223372036854775807 cache 1"
                        + " no cycle");
        assertThat(snapshot.table("audit_event").orElseThrow().columns()).extracting(Column::inheritance)
                .containsExactly("inherited", null);
        assertThat(snapshot.view("confirmed_booking").orElseThrow().triggers()).extracting(Trigger::name)
                .containsExactly("confirmed_booking_insert");
        assertThat(snapshot.view("resource_usage").orElseThrow().indexes()).extracting(Index::definition)
                .containsExactly("CREATE UNIQUE INDEX resource_usage_resource_idx ON public.resource_usage USING btree"
                        + " (resource_id)");
    }

    @Test
    void readsPartitionsInheritanceUnloggedAndRowSecurity() {
        assertThat(snapshot.table("measurement").orElseThrow().partitionKey()).isEqualTo("RANGE (measured_at)");
        Table partition = snapshot.table("measurement_2025").orElseThrow();
        assertThat(partition.partitionOf()).isEqualTo("public.measurement");
        assertThat(partition.partitionBound())
                .isEqualTo("FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00')");
        assertThat(snapshot.table("audit_event").orElseThrow().inherits()).containsExactly("public.base_event");
        assertThat(snapshot.table("session_cache").orElseThrow().unlogged()).isTrue();
        Table invoice = snapshot.table("invoice").orElseThrow();
        assertThat(invoice.rowSecurity()).isTrue();
        assertThat(invoice.forceRowSecurity()).isTrue();
        assertThat(invoice.policies()).containsExactly(new Policy("invoice_owner", "SELECT", true,
                java.util.List.of("public"), "party_id = current_setting('app.party_id'::text)::bigint", null));
    }

    @Test
    void readsSequencesViewsFunctionsAndTypes() {
        assertThat(snapshot.sequence("billing.invoice_number_seq").orElseThrow()).isEqualTo(new Sequence("billing",
                "invoice_number_seq", "integer", 1000, 5, 1000, 999999, 1, true, null,
                snapshot.sequence("billing.invoice_number_seq").orElseThrow().owner(), java.util.List.of(), null));
        assertThat(snapshot.sequence("resource_resource_id_seq").orElseThrow().ownedBy())
                .isEqualTo("public.resource.resource_id");
        assertThat(snapshot.view("resource_usage").orElseThrow().materialized()).isTrue();
        assertThat(snapshot.view("confirmed_booking").orElseThrow().definition()).contains("FROM public.booking");
        Routine touch = snapshot.functions("touch_party").get(0);
        assertThat(touch.securityDefiner()).isTrue();
        assertThat(touch.language()).isEqualTo("plpgsql");
        assertThat(touch.returns()).isEqualTo("trigger");
        assertThat(snapshot.functions("public.cancel_booking")).singleElement()
                .satisfies(p -> assertThat(p.procedure()).isTrue());
        assertThat(snapshot.enums().get(0).labels()).containsExactly("Pending", "Confirmed", "Cancelled");
        Domain domain = snapshot.domains().get(0);
        assertThat(domain.baseType()).isEqualTo("numeric(10,2)");
        assertThat(domain.constraints()).containsExactly(
                new DomainConstraint("amount_positive", "CHECK (VALUE >= 0::numeric)", true));
        assertThat(snapshot.compositeTypes().get(0).attributes()).containsExactly(
                new Attribute("low", "numeric(10,2)", null), new Attribute("high", "numeric(10,2)", null),
                new Attribute("label", "text", "pg_catalog.\"C\""));
    }

    @Test
    void leavesOutObjectsCreatedByExtensions() {
        // pgcrypto creates some forty functions in public; only the extension itself is listed.
        assertThat(snapshot.functions()).extracting(Routine::name)
                .containsExactly("booking_nights", "cancel_booking", "label_in", "label_out", "note_ddl", "total_amount",
                        "touch_party");
        assertThat(snapshot.extensions()).extracting(Extension::name).contains("pgcrypto");
    }

    @Test
    void filtersBySchemaKindAndName() {
        SchemaSnapshot billing = SchemaInspector.create(SchemaFilter.all().schemas("billing")).inspect(db);
        assertThat(billing.tables()).extracting(Table::name).containsExactly("invoice");
        assertThat(billing.functions()).isEmpty();
        // Database-wide kinds belong to no schema: read whatever the schemas; a publication lists only their tables.
        assertThat(billing.publications()).singleElement().satisfies(p -> assertThat(p.tables()).isEmpty());
        assertThat(billing.eventTriggers()).extracting(EventTrigger::name).containsExactly("note_ddl");
        assertThat(billing.foreignTables()).isEmpty();
        assertThat(billing.textSearchConfigurations()).isEmpty();
        // public.party is not read, yet the foreign key to it names its column.
        assertThat(billing.table("invoice").orElseThrow().constraint("invoice_party_fk").orElseThrow().foreignKey()
                .referencedColumns()).containsExactly("party_id");

        SchemaSnapshot constraintsOnly = SchemaInspector.create(
                SchemaFilter.all().kinds(ObjectKind.TABLE, ObjectKind.CONSTRAINT)).inspect(db);
        Table booking = constraintsOnly.table("booking").orElseThrow();
        assertThat(booking.columns()).isEmpty();
        assertThat(booking.constraint("booking_resource_fk").orElseThrow().columns()).containsExactly("resource_id");

        SchemaSnapshot tablesOnly = SchemaInspector.create(
                SchemaFilter.all().kinds(ObjectKind.TABLE, ObjectKind.COLUMN)).inspect(db);
        assertThat(tablesOnly.tables()).isNotEmpty();
        assertThat(tablesOnly.tables()).allSatisfy(t -> assertThat(t.indexes()).isEmpty());
        assertThat(tablesOnly.views()).isEmpty();
        assertThat(tablesOnly.sequences()).isEmpty();
        assertThat(tablesOnly.publications()).isEmpty();
        assertThat(tablesOnly.foreignServers()).isEmpty();
        assertThat(tablesOnly.functions()).isEmpty();

        SchemaSnapshot withoutHistory = SchemaInspector.create(
                SchemaFilter.all().excluding("driftless_schema_history", "public.touch_party")).inspect(db);
        assertThat(withoutHistory.table("driftless_schema_history")).isEmpty();
        assertThat(withoutHistory.functions("touch_party")).isEmpty();
        assertThat(withoutHistory.table("booking")).isPresent();
    }

    @Test
    void leavesTheConnectionAsItFoundIt() throws Exception {
        try (Connection c = db.connect(); Statement statement = c.createStatement()) {
            statement.execute("SET search_path = billing, public");
            SchemaSnapshot read = SchemaInspector.create().inspect(c);
            assertThat(read).isEqualTo(snapshot);
            assertThat(c.getAutoCommit()).isTrue();
            try (ResultSet rs = statement.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("billing, public");
            }
        }
    }

    @Test
    void jsonIsStableAndReadsBackEqual(@TempDir Path dir) throws Exception {
        String json = snapshot.toJson();
        assertThat(SchemaSnapshot.fromJson(json)).isEqualTo(snapshot);
        assertThat(SchemaSnapshot.fromJson(json).toJson()).isEqualTo(json);
        assertThat(json).startsWith("{\n  \"accessMethods\" : [").doesNotContain("\r")
                .contains("\n        { \"name\" : \"display_name\", \"notNull\" : true, \"position\" : 2,"
                        + " \"type\" : \"character varying(100)\" },\n");
        Path file = dir.resolve("golden/schema.json");
        snapshot.writeTo(file);
        assertThat(Files.readString(file)).isEqualTo(json);
        assertThat(SchemaSnapshot.readFrom(file)).isEqualTo(snapshot);
    }

    @Test
    void aBrokenSnapshotFileIsReportedWithItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schema.json");
        Files.writeString(file, "{\n  \"tables\" : [ { \"schema\" : \"public\", \"name\" : \"t\", \"colour\" : 1 } ]\n}\n");
        assertThatThrownBy(() -> SchemaSnapshot.readFrom(file))
                .isInstanceOf(DriftlessException.class)
                .hasMessageStartingWith(file + ":2:")
                .hasMessageContaining("not a Driftless schema snapshot: Unrecognized field \"colour\"")
                .hasMessageContaining("regenerate a hand-edited file");
        Files.writeString(file, "{ \"tables\" : [ { \"name\" : \"t\" } ] }");
        assertThatThrownBy(() -> SchemaSnapshot.readFrom(file))
                .hasMessageContaining("Cannot construct instance of `dev.driftless.schema.Table`, problem: schema is"
                        + " required");
    }

    @Test
    void aFailedReadNamesTheSqlStateAndWhatToDo() throws Exception {
        Connection closed = db.connect();
        closed.close();
        assertThatThrownBy(() -> SchemaInspector.create().inspect(closed))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Cannot read the catalog for a schema snapshot: [08003] This connection has been closed."
                        + " Check that the user may read the system catalogs and that the server is PostgreSQL 14"
                        + " or later.");
    }

    @Test
    void choosesQueriesByServerVersion() {
        assertThat(CatalogQueries.resourceName("indexes", 14)).isEqualTo("indexes.sql");
        assertThat(CatalogQueries.resourceName("indexes", 15)).isEqualTo("indexes.pg15.sql");
        assertThat(CatalogQueries.resourceName("indexes", 17)).isEqualTo("indexes.pg15.sql");
        assertThat(CatalogQueries.resourceName("columns", 17)).isEqualTo("columns.sql");
    }

    @Test
    void readsNullsNotDistinctOnFifteenAndLater() throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute("CREATE UNIQUE INDEX party_name_nnd ON party (display_name) NULLS NOT DISTINCT");
            }
            SchemaSnapshot read = SchemaInspector.create().inspect(c);
            c.rollback();
            assertThat(read.table("party").orElseThrow().index("party_name_nnd").orElseThrow().nullsNotDistinct())
                    .isTrue();
            assertThat(SchemaDiff.between(snapshot, read).toText()).isEqualTo("""
                    1 difference (1 structure)
                    table party: index party_name_nnd: added (CREATE UNIQUE INDEX party_name_nnd ON public.party\
                     USING btree (display_name) NULLS NOT DISTINCT)
                    """);
        }
    }
}
