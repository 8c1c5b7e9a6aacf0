package dev.driftless.schema;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link SchemaSnapshot}'s lookups read names: as PostgreSQL reads the same text (checked against the server's
 * own {@code to_regclass} with the default {@code search_path}), plus the rule for bare names outside {@code public}.
 */
class SchemaSnapshotLookupTest {

    private static final String DDL = """
            CREATE EXTENSION IF NOT EXISTS pgcrypto;
            CREATE SCHEMA app;
            CREATE SCHEMA "Sales";
            CREATE SCHEMA lone;
            CREATE SCHEMA other;
            CREATE TABLE orders (id int);
            CREATE TABLE "Orders" (id int);
            CREATE TABLE app.orders (id int);
            CREATE TABLE "Sales"."Leads" (id int);
            CREATE TABLE "Sales".leads (id int);
            CREATE TABLE "a.b" (id int);
            CREATE TABLE "say ""hi""\" (id int);
            CREATE TABLE lone.invoice (id int);
            CREATE TABLE app.twice (id int);
            CREATE TABLE other.twice (id int);
            CREATE VIEW app.recent AS SELECT 1 AS x;
            CREATE SEQUENCE "Sales".lead_seq;
            CREATE TYPE app.mood AS ENUM ('ok');
            CREATE DOMAIN lone.email AS text;
            CREATE TYPE "Sales"."Pair" AS (a int, b int);
            CREATE FUNCTION touch() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION touch(p integer) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION app.touch(p text) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION app.price(a integer, b character varying) RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION app.dup() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE FUNCTION other.dup() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE PROCEDURE lone.purge() LANGUAGE sql AS 'SELECT 1';
            """;

    // Names whose table the server finds with search_path = public exactly as the snapshot does.
    private static final List<String> TABLE_NAMES = List.of("orders", "ORDERS", "\"Orders\"", "public.orders",
            "Public.Orders", "public.\"Orders\"", "app.orders", "APP.ORDERS", " app . orders ",
            "\"Sales\".\"Leads\"", "\"Sales\".LEADS", "Sales.Leads", "\"a.b\"", "public.\"a.b\"", "a.b",
            "\"say \"\"hi\"\"\"", "nope", "app.nope");

    private static SchemaSnapshot snapshot;
    private static final Map<String, Optional<String>> RESOLVED_BY_SERVER = new HashMap<>();

    @BeforeAll
    static void read() throws SQLException {
        PostgresServer server = TestServers.embedded();
        Database db = TestSchemas.copyOf(server, DDL);
        try (Connection c = db.connect(); Statement set = c.createStatement();
                PreparedStatement ps = c.prepareStatement("SELECT n.nspname || '.' || c.relname FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
            snapshot = TestSchemas.snapshot(db);
            set.execute("SET search_path = public");
            for (String name : TABLE_NAMES) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    RESOLVED_BY_SERVER.put(name, rs.next() ? Optional.of(rs.getString(1)) : Optional.empty());
                }
            }
        } finally {
            server.drop(db);
        }
    }

    @Test
    void tableNamesReadAsPostgresqlReadsThem() {
        for (String name : TABLE_NAMES) {
            assertThat(snapshot.table(name).map(t -> t.schema() + "." + t.name())).as(name)
                    .isEqualTo(RESOLVED_BY_SERVER.get(name));
        }
        assertThat(snapshot.table("\"Orders\"").orElseThrow().name()).isEqualTo("Orders");
        assertThat(snapshot.table("\"say \"\"hi\"\"\"").orElseThrow().name()).isEqualTo("say \"hi\"");
    }

    @Test
    void aBareNameOutsidePublicIsFoundInTheOneSchemaThatHasIt() {
        assertThat(snapshot.table("invoice").map(Table::schema)).contains("lone");
        assertThat(snapshot.table("LEADS").map(Table::schema)).contains("Sales");
        assertThat(snapshot.table("twice")).as("app.twice and other.twice: ambiguous").isEmpty();
        assertThat(snapshot.table("other.twice").map(Table::schema)).contains("other");
    }

    @Test
    void textsSqlCannotReadAsANameFindNothing() {
        for (String name : List.of("app.orders.id", "\"orders", "orders\"", "", "  ", "app.", ".orders", "\"\"",
                "app..orders", "\"Orders\"x")) {
            assertThat(snapshot.table(name)).as(name).isEmpty();
        }
        assertThat(SchemaSnapshot.qualifiedName("app.orders.id")).isEqualTo("app.orders.id");
    }

    @Test
    void everyKindIsLookedUpTheSameWay() {
        assertThat(snapshot.view("RECENT").map(View::schema)).contains("app");
        assertThat(snapshot.sequence("lead_seq").map(Sequence::schema)).contains("Sales");
        assertThat(snapshot.sequence("\"Sales\".lead_seq")).isPresent();
        assertThat(snapshot.enumType("App.Mood").map(EnumType::name)).contains("mood");
        assertThat(snapshot.domain("email").map(Domain::schema)).contains("lone");
        assertThat(snapshot.compositeType("\"Sales\".\"Pair\"")).isPresent();
        assertThat(snapshot.compositeType("Sales.Pair")).isEmpty();
        assertThat(snapshot.schema("App").map(Schema::name)).contains("app");
        assertThat(snapshot.schema("\"Sales\"")).isPresent();
        assertThat(snapshot.schema("Sales")).isEmpty();
        assertThat(snapshot.schema("public.app")).isEmpty();
        assertThat(snapshot.extension("PGCRYPTO").map(Extension::name)).contains("pgcrypto");
        assertThat(snapshot.extension("\"PGCRYPTO\"")).isEmpty();
        assertThat(snapshot.extension("public.pgcrypto")).isEmpty();
    }

    @Test
    void functionsByNameOrSignature() {
        assertThat(snapshot.functions("touch")).extracting(f -> f.schema() + "." + f.signature())
                .containsExactly("public.touch()", "public.touch(integer)");
        assertThat(snapshot.functions("TOUCH( INTEGER )")).extracting(Routine::signature)
                .containsExactly("touch(integer)");
        assertThat(snapshot.functions("touch(text)")).as("only app has that signature")
                .extracting(Routine::schema).containsExactly("app");
        assertThat(snapshot.functions("app.touch")).extracting(Routine::signature).containsExactly("touch(text)");
        assertThat(snapshot.functions("price(INTEGER, character  varying)")).extracting(Routine::schema)
                .containsExactly("app");
        assertThat(snapshot.functions("dup")).as("app.dup and other.dup: ambiguous").isEmpty();
        assertThat(snapshot.functions("other.dup()")).extracting(Routine::schema).containsExactly("other");
        assertThat(snapshot.functions("purge")).extracting(Routine::procedure).containsExactly(true);
        assertThat(snapshot.functions("touch(bigint)")).isEmpty();
        assertThat(snapshot.functions("\"TOUCH\"")).isEmpty();
    }

    @Test
    void qualifiedNamesOfTables() {
        assertThat(SchemaSnapshot.qualifiedName("Party")).isEqualTo("public.party");
        assertThat(SchemaSnapshot.qualifiedName("billing.\"Invoice\"")).isEqualTo("billing.Invoice");
        assertThat(snapshot.qualifiedTableName("invoice")).isEqualTo("lone.invoice");
        assertThat(snapshot.qualifiedTableName("\"Orders\"")).isEqualTo("public.Orders");
        assertThat(snapshot.qualifiedTableName("Customer")).isEqualTo("public.customer");
    }
}
