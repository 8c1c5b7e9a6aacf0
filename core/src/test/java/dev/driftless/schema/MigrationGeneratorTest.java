package dev.driftless.schema;

import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per kind a probe: schema A, schema B, the exact up script the generator writes, and that applying it to A gives B
 * and its down script gives A again, on a real server (the default major, or {@code -Dschema.test.major=14}).
 */
class MigrationGeneratorTest {

    private static MigrationGenerator generator;

    @BeforeAll
    static void server() {
        // -Dschema.test.major=14 runs these probes on another major (the catalogs print differently).
        Integer major = Integer.getInteger("schema.test.major");
        PostgresServer server = major == null ? TestServers.embedded() : TestServers.embedded(major);
        generator = MigrationGenerator.on(server);
    }

    private static GeneratedMigration generate(String a, String b) {
        return generator.generate(SchemaSource.of(SqlScript.of("a.sql", a)), SchemaSource.of(SqlScript.of("b.sql", b)));
    }

    private static GeneratedMigration assertVerified(String a, String b, String expectedUp) {
        GeneratedMigration migration = generate(a, b);
        assertThat(migration.verification().message()).isEqualTo("verified: up gives B, down gives A again");
        assertThat(migration.verified()).isTrue();
        // The expected texts are PostgreSQL 17's: PostgreSQL 14 prints a view's query with qualified columns.
        assertThat(migration.up()).isEqualTo(expectedUp);
        return migration;
    }

    @Test
    void schemaAndTableAreCreatedAndDropped() {
        assertVerified("", """
                CREATE SCHEMA billing;
                CREATE TABLE billing.invoice (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    total numeric(10,2) NOT NULL DEFAULT 0,
                    note text CHECK (note <> '')
                );
                COMMENT ON TABLE billing.invoice IS 'Bills';
                CREATE INDEX invoice_total_idx ON billing.invoice (total);
                """, """
                CREATE SCHEMA "billing";

                CREATE TABLE "billing"."invoice" (
                    "id" bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
                    "total" numeric(10,2) DEFAULT 0 NOT NULL,
                    "note" text,
                    CONSTRAINT "invoice_note_check" CHECK (note <> ''::text),
                    CONSTRAINT "invoice_pkey" PRIMARY KEY (id)
                );

                CREATE INDEX invoice_total_idx ON billing.invoice USING btree (total);

                COMMENT ON TABLE "billing"."invoice" IS 'Bills';
                """);
    }

    @Test
    void enumValueIsAddedInItsPlace() {
        assertVerified("""
                CREATE TYPE status AS ENUM ('new', 'done');
                CREATE TABLE task (id int, state status NOT NULL DEFAULT 'new');
                """, """
                CREATE TYPE status AS ENUM ('draft', 'new', 'paid', 'done', 'archived');
                CREATE TABLE task (id int, state status NOT NULL DEFAULT 'new');
                """, """
                ALTER TYPE "public"."status" ADD VALUE 'draft' BEFORE 'new';

                ALTER TYPE "public"."status" ADD VALUE 'paid' BEFORE 'done';

                ALTER TYPE "public"."status" ADD VALUE 'archived' AFTER 'done';
                """);
    }

    @Test
    void typeChangeNeedingACastIsWrittenWithUsingAndMarked() {
        GeneratedMigration migration = assertVerified("""
                CREATE TABLE item (id int, amount text, code varchar(10));
                """, """
                CREATE TABLE item (id int, amount integer, code varchar(20));
                """, """
                -- driftless: loses data: column public.item.amount changes type from text to integer (values that do not fit fail or are cut)
                ALTER TABLE "public"."item" ALTER COLUMN "amount" TYPE integer USING "amount"::integer;

                ALTER TABLE "public"."item" ALTER COLUMN "code" TYPE character varying(20) USING "code"::character varying(20);
                """);
        assertThat(migration.lossy()).containsExactly("-- driftless: loses data: column public.item.amount changes type "
                + "from text to integer (values that do not fit fail or are cut)\n"
                + "ALTER TABLE \"public\".\"item\" ALTER COLUMN \"amount\" TYPE integer USING \"amount\"::integer;");
        assertThat(migration.down()).isEqualTo("""
                -- driftless: loses data: column public.item.amount changes type from integer to text (values that do not fit fail or are cut)
                ALTER TABLE "public"."item" ALTER COLUMN "amount" TYPE text USING "amount"::text;

                -- driftless: loses data: column public.item.code changes type from character varying(20) to character varying(10) (values that do not fit fail or are cut)
                ALTER TABLE "public"."item" ALTER COLUMN "code" TYPE character varying(10) USING "code"::character varying(10);
                """);
    }

    @Test
    void foreignKeyIsAddedNotValidThenValidated() {
        assertVerified("""
                CREATE TABLE party (id int PRIMARY KEY);
                CREATE TABLE booking (id int PRIMARY KEY, party_id int);
                """, """
                CREATE TABLE party (id int PRIMARY KEY);
                CREATE TABLE booking (id int PRIMARY KEY, party_id int REFERENCES party (id) ON DELETE CASCADE,
                    CONSTRAINT booking_id_check CHECK (id > 0));
                CREATE UNIQUE INDEX booking_party_idx ON booking (party_id);
                """, """
                ALTER TABLE "public"."booking" ADD CONSTRAINT "booking_id_check" CHECK (id > 0) NOT VALID;

                ALTER TABLE "public"."booking" VALIDATE CONSTRAINT "booking_id_check";

                ALTER TABLE "public"."booking" ADD CONSTRAINT "booking_party_id_fkey" FOREIGN KEY (party_id) REFERENCES public.party(id) ON DELETE CASCADE NOT VALID;

                ALTER TABLE "public"."booking" VALIDATE CONSTRAINT "booking_party_id_fkey";

                CREATE UNIQUE INDEX booking_party_idx ON public.booking USING btree (party_id);
                """);
    }

    @Test
    void viewUsingAChangedColumnIsRecreated() {
        assertVerified("""
                CREATE TABLE item (id int, price numeric(8,2));
                CREATE VIEW priced AS SELECT id, price FROM item;
                CREATE VIEW expensive AS SELECT id FROM priced WHERE price > 100;
                COMMENT ON VIEW expensive IS 'Over 100';
                """, """
                CREATE TABLE item (id int, price numeric(12,2));
                CREATE VIEW priced AS SELECT id, price FROM item;
                CREATE VIEW expensive AS SELECT id FROM priced WHERE price > 100;
                COMMENT ON VIEW expensive IS 'Over 100';
                """, """
                DROP VIEW "public"."expensive";

                DROP VIEW "public"."priced";

                ALTER TABLE "public"."item" ALTER COLUMN "price" TYPE numeric(12,2) USING "price"::numeric(12,2);

                CREATE VIEW "public"."priced" AS
                SELECT id,
                    price
                   FROM public.item;

                CREATE VIEW "public"."expensive" AS
                SELECT id
                   FROM public.priced
                  WHERE price > 100::numeric;

                COMMENT ON VIEW "public"."expensive" IS 'Over 100';
                """);
    }

    @Test
    void droppedColumnIsMarkedAsLosingData() {
        GeneratedMigration migration = assertVerified("""
                CREATE TABLE party (id int, name text, fax text);
                """, """
                CREATE TABLE party (id int, name text NOT NULL DEFAULT '', email text);
                COMMENT ON COLUMN party.name IS 'Display name';
                """, """
                ALTER TABLE "public"."party" ADD COLUMN "email" text;

                -- driftless: loses data: column public.party.fax is dropped with its values
                ALTER TABLE "public"."party" DROP COLUMN "fax";

                ALTER TABLE "public"."party" ALTER COLUMN "name" SET NOT NULL;

                ALTER TABLE "public"."party" ALTER COLUMN "name" SET DEFAULT ''::text;

                COMMENT ON COLUMN "public"."party"."name" IS 'Display name';
                """);
        assertThat(migration.lossy()).containsExactly("-- driftless: loses data: column public.party.fax is dropped "
                + "with its values\nALTER TABLE \"public\".\"party\" DROP COLUMN \"fax\";");
    }

    @Test
    void aColumnOrderTheScriptsCannotRestoreIsReportedNotHidden() {
        GeneratedMigration migration = generate("""
                CREATE TABLE party (id int, fax text, name text);
                """, """
                CREATE TABLE party (id int, name text);
                """);
        assertThat(migration.verified()).isFalse();
        assertThat(migration.verification().message()).isEqualTo("""
                not verified:
                  after the down script, the schema differs from A (- A, + result): 1 difference (1 column order)
                    table party: column order id, fax, name → id, name, fax [column order]""");
    }

    @Test
    void sequencesAndExtensionsAreCreatedAndDropped() {
        assertVerified("""
                CREATE SEQUENCE old_seq;
                """, """
                CREATE EXTENSION pgcrypto;
                CREATE SEQUENCE invoice_no START 1000 INCREMENT 10;
                CREATE TABLE invoice (id serial PRIMARY KEY, no bigint NOT NULL DEFAULT nextval('invoice_no'));
                """, """
                CREATE EXTENSION "pgcrypto" SCHEMA "public" VERSION '1.3';

                CREATE SEQUENCE "public"."invoice_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

                CREATE SEQUENCE "public"."invoice_no" AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1 NO CYCLE;

                CREATE TABLE "public"."invoice" (
                    "id" integer DEFAULT nextval('public.invoice_id_seq'::regclass) NOT NULL,
                    "no" bigint DEFAULT nextval('public.invoice_no'::regclass) NOT NULL,
                    CONSTRAINT "invoice_pkey" PRIMARY KEY (id)
                );

                ALTER SEQUENCE "public"."invoice_id_seq" OWNED BY "public"."invoice"."id";

                DROP SEQUENCE "public"."old_seq";
                """);
    }

    @Test
    void unsupportedChangeFailsTheVerificationWithTheRemainingDifferences() {
        GeneratedMigration migration = generate("""
                CREATE TABLE t (id int);
                """, """
                CREATE TABLE t (id int);
                CREATE AGGREGATE total(numeric) (SFUNC = numeric_add, STYPE = numeric);
                """);
        assertThat(migration.verified()).isFalse();
        assertThat(migration.verification().message()).isEqualTo("""
                not verified:
                  not generated: aggregate total(numeric): added (SFUNC = numeric_add, STYPE = numeric)
                  not generated in the down script: aggregate total(numeric): removed (SFUNC = numeric_add, STYPE = numeric)
                  after the up script, the schema differs from B (- B, + result): 1 difference (1 structure)
                    aggregate total(numeric): removed (SFUNC = numeric_add, STYPE = numeric)""");
    }

    @Test
    void constraintsIndexesDefaultsIdentityAndViewsChange() {
        assertVerified("""
                CREATE TABLE party (id int NOT NULL, email text, code int DEFAULT 1);
                CREATE UNIQUE INDEX party_id_key ON party (id);
                CREATE TABLE booking (id int, party_id int, CONSTRAINT booking_party_fk FOREIGN KEY (party_id)
                    REFERENCES party (id) ON DELETE CASCADE);
                CREATE INDEX party_email_idx ON party (email);
                ALTER TABLE party ADD CONSTRAINT party_code_check CHECK (code > 0);
                """, """
                CREATE SCHEMA audit;
                COMMENT ON SCHEMA audit IS 'Who did what';
                CREATE TYPE audit.kind AS ENUM ('insert', 'update');
                CREATE TABLE party (id int NOT NULL GENERATED BY DEFAULT AS IDENTITY, email text UNIQUE, code int DEFAULT 2,
                    CONSTRAINT party_pkey PRIMARY KEY (id));
                CREATE UNIQUE INDEX party_id_key ON party (id);
                CREATE TABLE booking (id int, party_id int, CONSTRAINT booking_party_fk FOREIGN KEY (party_id)
                    REFERENCES party (id) ON DELETE RESTRICT);
                CREATE INDEX party_email_idx ON party (lower(email));
                ALTER TABLE party ADD CONSTRAINT party_code_check CHECK (code > 1);
                CREATE VIEW party_emails AS SELECT email FROM party;
                CREATE MATERIALIZED VIEW party_count AS SELECT count(*) AS n FROM party;
                """, """
                CREATE SCHEMA "audit";

                CREATE TYPE "audit"."kind" AS ENUM ('insert', 'update');

                ALTER TABLE "public"."booking" DROP CONSTRAINT "booking_party_fk";

                ALTER TABLE "public"."party" DROP CONSTRAINT "party_code_check";

                DROP INDEX "public"."party_email_idx";

                ALTER TABLE "public"."party" ALTER COLUMN "code" SET DEFAULT 2;

                ALTER TABLE "public"."party" ALTER COLUMN "id" ADD GENERATED BY DEFAULT AS IDENTITY;

                ALTER TABLE "public"."party" ADD CONSTRAINT "party_email_key" UNIQUE (email);

                ALTER TABLE "public"."party" ADD CONSTRAINT "party_pkey" PRIMARY KEY (id);

                ALTER TABLE "public"."booking" ADD CONSTRAINT "booking_party_fk" FOREIGN KEY (party_id) REFERENCES public.party(id) ON DELETE RESTRICT NOT VALID;

                ALTER TABLE "public"."booking" VALIDATE CONSTRAINT "booking_party_fk";

                ALTER TABLE "public"."party" ADD CONSTRAINT "party_code_check" CHECK (code > 1) NOT VALID;

                ALTER TABLE "public"."party" VALIDATE CONSTRAINT "party_code_check";

                CREATE INDEX party_email_idx ON public.party USING btree (lower(email));

                CREATE MATERIALIZED VIEW "public"."party_count" AS
                SELECT count(*) AS n
                   FROM public.party;

                CREATE VIEW "public"."party_emails" AS
                SELECT email
                   FROM public.party;

                COMMENT ON SCHEMA "audit" IS 'Who did what';
                """);
    }

    @Test
    void functionsAndTriggersAreCreatedReplacedAndDropped() {
        assertVerified("""
                CREATE TABLE item (id int, touched timestamptz);
                CREATE FUNCTION double_it(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT n * 2';
                CREATE FUNCTION gone() RETURNS integer LANGUAGE sql AS 'SELECT 1';
                """, """
                CREATE TABLE item (id int, touched timestamptz);
                CREATE FUNCTION double_it(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT n + n';
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.touched := now();
                    RETURN NEW;
                END
                $$;
                COMMENT ON FUNCTION touch() IS 'Sets touched';
                CREATE FUNCTION triple(n integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN n * 3;
                CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW EXECUTE FUNCTION touch();
                """, """
                SET check_function_bodies = false;

                CREATE OR REPLACE FUNCTION "public"."double_it"(n integer) RETURNS integer
                    LANGUAGE "sql" IMMUTABLE PARALLEL UNSAFE
                AS $function$SELECT n + n$function$;

                CREATE FUNCTION "public"."touch"() RETURNS trigger
                    LANGUAGE "plpgsql" VOLATILE PARALLEL UNSAFE
                AS $function$
                BEGIN
                    NEW.touched := now();
                    RETURN NEW;
                END
                $function$;

                CREATE FUNCTION "public"."triple"(n integer) RETURNS integer
                    LANGUAGE "sql" IMMUTABLE PARALLEL UNSAFE
                RETURN (n * 3);

                CREATE TRIGGER item_touch BEFORE UPDATE ON public.item FOR EACH ROW EXECUTE FUNCTION public.touch();

                COMMENT ON FUNCTION "public"."touch"() IS 'Sets touched';

                DROP FUNCTION "public"."gone"();
                """);
    }

    @Test
    void domainsAreCreatedAndChanged() {
        assertVerified("""
                CREATE DOMAIN amount AS numeric(10,2) DEFAULT 0;
                CREATE DOMAIN code AS text;
                CREATE TABLE price (id int, value amount);
                """, """
                CREATE DOMAIN amount AS numeric(10,2) NOT NULL CONSTRAINT amount_positive CHECK (VALUE >= 0);
                CREATE DOMAIN email AS text COLLATE "C" CHECK (VALUE LIKE '%@%');
                COMMENT ON DOMAIN email IS 'An address';
                CREATE TABLE price (id int, value amount, contact email);
                """, """
                ALTER DOMAIN "public"."amount" SET NOT NULL;

                ALTER DOMAIN "public"."amount" DROP DEFAULT;

                ALTER DOMAIN "public"."amount" ADD CONSTRAINT "amount_positive" CHECK (VALUE >= 0::numeric) NOT VALID;

                ALTER DOMAIN "public"."amount" VALIDATE CONSTRAINT "amount_positive";

                CREATE DOMAIN "public"."email" AS text COLLATE pg_catalog."C";

                ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_check" CHECK (VALUE ~~ '%@%'::text) NOT VALID;

                ALTER DOMAIN "public"."email" VALIDATE CONSTRAINT "email_check";

                ALTER TABLE "public"."price" ADD COLUMN "contact" public.email;

                COMMENT ON DOMAIN "public"."email" IS 'An address';

                DROP DOMAIN "public"."code";
                """);
    }

    @Test
    void aDefaultThatCannotBeCastIsDroppedAroundTheTypeChange() {
        assertVerified("""
                CREATE TABLE item (id int, code text NOT NULL DEFAULT '0', size smallint DEFAULT 1);
                """, """
                CREATE TABLE item (id int, code integer NOT NULL DEFAULT 0, size bigint DEFAULT 1);
                """, """
                ALTER TABLE "public"."item" ALTER COLUMN "code" DROP DEFAULT;

                -- driftless: loses data: column public.item.code changes type from text to integer (values that do not fit fail or are cut)
                ALTER TABLE "public"."item" ALTER COLUMN "code" TYPE integer USING "code"::integer;

                ALTER TABLE "public"."item" ALTER COLUMN "code" SET DEFAULT 0;

                ALTER TABLE "public"."item" ALTER COLUMN "size" DROP DEFAULT;

                ALTER TABLE "public"."item" ALTER COLUMN "size" TYPE bigint USING "size"::bigint;

                ALTER TABLE "public"."item" ALTER COLUMN "size" SET DEFAULT 1;
                """);
    }
}
