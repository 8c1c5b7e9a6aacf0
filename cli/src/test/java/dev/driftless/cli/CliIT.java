package dev.driftless.cli;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code CliIT} runs the real jar in a child JVM: exit codes, standard output and error, report files. */
class CliIT {

    private static final String DIR = "src/test/resources/cli/";
    private static PostgresServer server;
    private static Database admin;

    @TempDir
    Path tmp;

    @BeforeAll
    static void server() {
        server = TestServers.embedded();
        admin = server.createDatabase();
    }

    @AfterAll
    static void drop() {
        server.drop(admin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "diff", "snapshot", "migrate", "seed"})
    void everyCommandHasHelp(String command) {
        CliProcess.Result result = CliProcess.run(command, "--help");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Usage: driftless " + command).contains("--help");
        assertThat(result.out()).doesNotContain("\u001b[");
    }

    @Test
    void noCommandIsBadInput() {
        CliProcess.Result result = CliProcess.run();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command: choose one of verify, diff, snapshot, migrate, seed");
    }

    @Test
    void verifyOnTheEmbeddedDefaultPasses() {
        CliProcess.Result result = CliProcess.run("verify", "--schema", DIR + "schema.sql", "--migrations", DIR + "migrations");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("""
                PASS  fresh install ≡ migrated path
                      the master schema and the migration chain (up to 002) build the same schema: 2 tables, 0 views, 0 functions
                PASS  migration 002 (orders) reverts
                      up then down gives back the schema of version 001, up again that of version 002
                """);
        assertThat(result.out()).contains("PASSED: 2 checks (2 passed)").contains("(embedded)");
        assertThat(result.err()).contains("Starting embedded PostgreSQL 17");
    }

    @Test
    void verifyFindsDriftAndWritesReports() throws Exception {
        Path md = tmp.resolve("verify.md");
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--schema", DIR + "drifted.sql",
                "--migrations", DIR + "migrations", "--report", md.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("""
                FAIL  fresh install ≡ migrated path
                      the migration chain (up to 002) builds another schema than the master schema (- master schema, + migrated): 1 difference (1 structure)
                        table orders: column total_cents: type bigint → integer
                """).contains("FAILED: 2 checks (1 passed, 1 failed)");
        assertThat(Files.readString(md)).startsWith("# driftless verify: failed")
                .contains("| ❌ failed | fresh install ≡ migrated path |").contains("column total\\_cents");

        Path html = tmp.resolve("verify.html");
        Path json = tmp.resolve("verify.json");
        assertThat(CliProcess.runOn(admin, "verify", "--schema", DIR + "drifted.sql", "--migrations", DIR + "migrations",
                "--report", html.toString()).exitCode()).isEqualTo(1);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("class=\"failed\">failed")
                .contains("<td>column total_cents</td><td class=\"changed\">type</td><td class=\"from\"><pre>bigint</pre></td>"
                        + "<td class=\"to\"><pre>integer</pre></td>");
        assertThat(CliProcess.runOn(admin, "verify", "--schema", DIR + "drifted.sql", "--migrations", DIR + "migrations",
                "--report", json.toString()).exitCode()).isEqualTo(1);
        assertThat(Files.readString(json)).contains("\"passed\" : false").contains("\"status\" : \"failed\"")
                .contains("\"property\" : \"type\"");
    }

    @Test
    void verifyIgnoresATableWhenAsked() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--schema", DIR + "drifted.sql",
                "--migrations", DIR + "migrations", "--ignore-table", "orders", "--no-reversibility");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("PASSED: 1 check (1 passed)");
    }

    @Test
    void verifyReportsADownScriptThatDoesNotRevert() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", DIR + "irreversible");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("""
                FAIL  migration 002 (orders) reverts
                      up then down does not give back the schema of version 001 (- before up, + after down): 1 difference (1 structure)
                        table customer: column vip: added (boolean not null default false)
                """);
    }

    @Test
    void verifyPassesMigrationsAfterAViewHoldingANowLiteral() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", DIR + "now-view");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("""
                PASS  migration 002 (party) reverts
                      up then down gives back the schema of version 001, up again that of version 002
                PASS  migration 003 (name) reverts
                      up then down gives back the schema of version 002, up again that of version 003
                PASS  migration 004 (idx) reverts
                      up then down gives back the schema of version 003, up again that of version 004

                PASSED: 3 checks (3 passed)""");
    }

    @Test
    void verifyReportsOnlyTheMigrationThatFailsWhenItStartsOverInANewDatabase() {
        // 002's down script forgets its table; the walk goes on in a new database whose view holds another moment.
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", DIR + "now-view-residue");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("""
                FAIL  migration 002 (party) reverts
                      up then down does not give back the schema of version 001 (- before up, + after down): 1 difference (1 structure)
                        table party: added
                      applying it again after reverting fails
                        The migration 002 party (src/test/resources/cli/now-view-residue/002_party.sql) failed and was rolled back; the check's database stays at version 001.
                        src/test/resources/cli/now-view-residue/002_party.sql:1:1 [42P07] relation "party" already exists
                          1 | CREATE TABLE party (id int PRIMARY KEY);
                PASS  migration 003 (name) reverts
                      up then down gives back the schema of version 002, up again that of version 003
                PASS  migration 004 (idx) reverts
                      up then down gives back the schema of version 003, up again that of version 004

                FAILED: 3 checks (2 passed, 1 failed)""");
    }

    @Test
    void verifyChecksIdempotency() {
        CliProcess.Result good = CliProcess.runOn(admin, "verify", "--schema", DIR + "idempotent.sql", "--idempotent");
        assertThat(good.exitCode()).as(good.toString()).isZero();
        assertThat(good.out()).contains("PASS  master schema is idempotent");

        CliProcess.Result bad = CliProcess.runOn(admin, "verify", "--schema", DIR + "schema.sql", "--idempotent");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(1);
        assertThat(bad.out()).contains("FAIL  master schema is idempotent",
                "running src/test/resources/cli/schema.sql a second time fails",
                "src/test/resources/cli/schema.sql:1:1 [42P07] relation \"customer\" already exists");
    }

    @Test
    void verifyBadInputExitsWithTwo() {
        CliProcess.Result missing = CliProcess.run("verify", "--schema", DIR + "nope.sql", "--migrations", DIR + "migrations");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("driftless verify: --schema src/test/resources/cli/nope.sql: No schema"
                + " script found at 'src/test/resources/cli/nope.sql': nothing exists there. Searched:");
        assertThat(missing.out()).isEmpty();

        CliProcess.Result broken = CliProcess.runOn(admin, "verify", "--schema", DIR + "broken.sql",
                "--migrations", DIR + "migrations");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(2);
        assertThat(broken.err()).contains("src/test/resources/cli/broken.sql:3:26 [42601] syntax error at or near \"NUL\"");

        CliProcess.Result format = CliProcess.run("verify", "--schema", DIR + "schema.sql", "--report", "out.pdf");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--report out.pdf: unknown report format; name the file .md, .html or .json");

        CliProcess.Result nothing = CliProcess.run("verify", "--schema", DIR + "schema.sql");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).isEqualTo("driftless verify: nothing to check: give --migrations DIR to compare with"
                + " --schema, or --idempotent to run the master schema twice\n");

        CliProcess.Result option = CliProcess.run("verify", "--schema");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Missing required parameter for option '--schema'").contains("Usage: driftless verify");
    }

    @Test
    void aDockerEngineOverTlsIsRefusedWithTheReasonAndTheWaysOut() throws Exception {
        // The jar leaves Testcontainers' BouncyCastle out (cli/pom.xml), so it cannot present client certificates.
        try (java.net.ServerSocket engine = new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            String uri = "tcp://127.0.0.1:" + engine.getLocalPort();

            CliProcess.Result tls = CliProcess.run(Map.of("DOCKER_HOST", uri, "DOCKER_TLS_VERIFY", "1"),
                    "verify", "--provider", "docker", "--schema", DIR + "schema.sql", "--idempotent");

            assertThat(tls.exitCode()).as(tls.toString()).isEqualTo(2);
            assertThat(tls.err()).contains("Docker at " + uri + " (DOCKER_HOST) speaks TLS, and this runtime has no TLS"
                    + " support for Testcontainers (the driftless CLI jar leaves Testcontainers' BouncyCastle out to stay"
                    + " small). Use the Docker engine's local socket, driftless.provider=embedded, or an external server"
                    + " (driftless.jdbc.url); in a build, the library has TLS support.");
        }
    }

    @Test
    void diffComparesScriptsFoldersAndVersions() {
        CliProcess.Result same = CliProcess.runOn(admin, "diff", DIR + "schema.sql", DIR + "migrations");
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).contains("No differences between");

        CliProcess.Result versions = CliProcess.runOn(admin, "diff", DIR + "migrations@001", DIR + "migrations@2");
        assertThat(versions.exitCode()).as(versions.toString()).isEqualTo(1);
        assertThat(versions.out()).contains("1 difference (1 structure)")
                .contains("table orders: added");

        CliProcess.Result unknown = CliProcess.run("diff", DIR + "schema.sql", "nowhere/at/all");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("B nowhere/at/all: No sources found at 'nowhere/at/all': nothing exists"
                + " there.");

        CliProcess.Result version = CliProcess.runOn(admin, "diff", DIR + "schema.sql", DIR + "migrations@7");
        assertThat(version.exitCode()).isEqualTo(2);
        assertThat(version.err()).contains("version 7 is not in the migration chain").contains("its versions are 001, 002");
    }

    @Test
    void historyTablesAreRecognisedByTheirColumnsAndFiltersAreTrue() throws Exception {
        String base = "CREATE SCHEMA app;\nCREATE TABLE app.item (id int PRIMARY KEY);\n";
        Path plain = Files.writeString(tmp.resolve("plain.sql"), base);
        Path golang = Files.writeString(tmp.resolve("golang.sql"), base
                + "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);\n");
        Path application = Files.writeString(tmp.resolve("application.sql"), base
                + "CREATE TABLE schema_migrations (id int, note text);\n");
        Path extension = Files.writeString(tmp.resolve("extension.sql"), base
                + "CREATE EXTENSION pgcrypto SCHEMA public;\n");

        CliProcess.Result history = CliProcess.runOn(admin, "diff", plain.toString(), golang.toString());
        assertThat(history.exitCode()).as(history.toString()).isZero();
        CliProcess.Result app = CliProcess.runOn(admin, "diff", plain.toString(), application.toString());
        assertThat(app.exitCode()).as(app.toString()).isEqualTo(1);
        assertThat(app.out()).isEqualTo("1 difference (1 structure) (- " + plain + ", + " + application + ")\n"
                + "table schema_migrations: added\n");
        CliProcess.Result ignored = CliProcess.runOn(admin, "diff", plain.toString(), application.toString(),
                "--ignore-table", "schema_migrations");
        assertThat(ignored.exitCode()).as(ignored.toString()).isZero();
        CliProcess.Result included = CliProcess.runOn(admin, "diff", plain.toString(), golang.toString(),
                "--include-table", "public.schema_migrations");
        assertThat(included.exitCode()).as(included.toString()).isEqualTo(1);
        assertThat(included.out()).isEqualTo("1 difference (1 structure) (- " + plain + ", + " + golang + ")\n"
                + "table schema_migrations: added\n");
        CliProcess.Result both = CliProcess.runOn(admin, "diff", plain.toString(), golang.toString(),
                "--include-table", "schema_migrations", "--ignore-table", "schema_migrations");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--ignore-table and --include-table both name schema_migrations: a table is"
                + " either left out or compared");

        CliProcess.Result onlyApp = CliProcess.runOn(admin, "diff", plain.toString(), extension.toString(),
                "--only-schema", "app");
        assertThat(onlyApp.exitCode()).as(onlyApp.toString()).isZero();
        CliProcess.Result withoutPublic = CliProcess.runOn(admin, "diff", plain.toString(), extension.toString(),
                "--exclude-schema", "public");
        assertThat(withoutPublic.exitCode()).as(withoutPublic.toString()).isZero();
        CliProcess.Result everything = CliProcess.runOn(admin, "diff", plain.toString(), extension.toString());
        assertThat(everything.exitCode()).as(everything.toString()).isEqualTo(1);
        assertThat(everything.out()).contains("extension pgcrypto: added");
    }

    @Test
    void equivalencesAreTreatedAsEqualOnlyWhenNamed() throws Exception {
        String base = "CREATE TABLE party (id int PRIMARY KEY);\nCREATE TABLE booking (party_id int REFERENCES party";
        Path noAction = Files.writeString(tmp.resolve("no-action.sql"), base + ");\n");
        Path restrict = Files.writeString(tmp.resolve("restrict.sql"), base + " ON DELETE RESTRICT);\n");

        CliProcess.Result reported = CliProcess.runOn(admin, "diff", noAction.toString(), restrict.toString());
        assertThat(reported.exitCode()).as(reported.toString()).isEqualTo(1);
        assertThat(reported.out()).isEqualTo("1 difference (1 structure) (- " + noAction + ", + " + restrict + ")\n"
                + "table booking: constraint booking_party_id_fkey: on delete NO ACTION → RESTRICT\n");
        CliProcess.Result equal = CliProcess.runOn(admin, "diff", noAction.toString(), restrict.toString(),
                "--treat-as-equal", "no-action-is-restrict");
        assertThat(equal.exitCode()).as(equal.toString()).isZero();
        CliProcess.Result unknown = CliProcess.runOn(admin, "diff", noAction.toString(), restrict.toString(),
                "--treat-as-equal", "restrict");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--treat-as-equal: Unknown equivalence 'restrict'; known:"
                + " no-action-is-restrict, unique-constraint-is-unique-index, identity-is-serial, cross-major-printing,"
                + " function-qualification");
        Path identity = Files.writeString(tmp.resolve("identity.sql"),
                "CREATE TABLE party (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);\n");
        Path serial = Files.writeString(tmp.resolve("serial.sql"), "CREATE TABLE party (id serial PRIMARY KEY);\n");
        CliProcess.Result serialReported = CliProcess.runOn(admin, "diff", identity.toString(), serial.toString());
        assertThat(serialReported.exitCode()).as(serialReported.toString()).isEqualTo(1);
        assertThat(serialReported.out()).startsWith("4 differences (4 structure)");
        CliProcess.Result serialEqual = CliProcess.runOn(admin, "diff", identity.toString(), serial.toString(),
                "--treat-as-equal", "identity-is-serial,no-action-is-restrict");
        assertThat(serialEqual.exitCode()).as(serialEqual.toString()).isZero();
    }

    @Test
    void snapshotWritesJsonThatDiffReads() throws Exception {
        Path json = tmp.resolve("schema.json");
        CliProcess.Result snap = CliProcess.runOn(admin, "snapshot", DIR + "migrations", "-o", json.toString());
        assertThat(snap.exitCode()).as(snap.toString()).isZero();
        assertThat(snap.out()).contains("Wrote " + json + ": 2 tables");
        assertThat(Files.readString(json)).contains("\"orders\"").doesNotContain("driftless_schema_history");

        CliProcess.Result same = CliProcess.runOn(admin, "diff", json.toString(), DIR + "schema.sql");
        assertThat(same.exitCode()).as(same.toString()).isZero();
        CliProcess.Result drifted = CliProcess.runOn(admin, "diff", json.toString(), DIR + "drifted.sql");
        assertThat(drifted.exitCode()).isEqualTo(1);
        assertThat(drifted.out()).contains("table orders: column total_cents: type integer → bigint");
    }

    @Test
    void migrateMovesAUserDatabaseUpAndDown() throws SQLException {
        Database target = server.createDatabase();
        try {
            CliProcess.Result up = CliProcess.run(java.util.Map.of("DRIFTLESS_JDBC_PASSWORD", target.password()),
                    "migrate", "--jdbc-url", target.jdbcUrl(), "--user", target.user(), "--to", "001", DIR + "migrations");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.out()).contains("Migrated the database from version <empty> to 001: applied 001.");
            assertThat(up.err()).contains("to version 001 (customers)");
            assertThat(tables(target)).isEqualTo("customer,driftless_schema_history");

            CliProcess.Result latest = CliProcess.run(java.util.Map.of("DRIFTLESS_JDBC_PASSWORD", target.password()),
                    "migrate", "--jdbc-url", target.jdbcUrl(), "--user", target.user(), DIR + "migrations");
            assertThat(latest.out()).contains("from version 001 to 002");
            assertThat(tables(target)).isEqualTo("customer,driftless_schema_history,orders");

            CliProcess.Result wrong = CliProcess.run(java.util.Map.of("DRIFTLESS_JDBC_PASSWORD", target.password()),
                    "migrate", "--jdbc-url", target.jdbcUrl(), "--user", target.user(), "--to", "9", DIR + "migrations");
            assertThat(wrong.exitCode()).isEqualTo(2);
            assertThat(wrong.err()).contains("--to 9: no such version in src/test/resources/cli/migrations; its versions are 001, 002");
        } finally {
            server.drop(target);
        }
    }

    @Test
    void connectionFailuresNeverShowThePassword() {
        CliProcess.Result result = CliProcess.run(java.util.Map.of("DRIFTLESS_JDBC_PASSWORD", "s3cret-Pa55"),
                "migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/app?password=other-s3cret", DIR + "migrations");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Cannot connect to jdbc:postgresql://127.0.0.1:1/app?password=***")
                .doesNotContain("s3cret");
    }

    @Test
    void seedRefusesFilledTablesUnlessTruncating() throws SQLException {
        Database target = server.createDatabase();
        try {
            java.util.Map<String, String> env = java.util.Map.of("DRIFTLESS_JDBC_PASSWORD", target.password());
            String[] base = {"--jdbc-url", target.jdbcUrl(), "--user", target.user()};
            assertThat(CliProcess.run(env, concat(new String[] {"migrate"}, base, DIR + "migrations")).exitCode()).isZero();

            CliProcess.Result first = CliProcess.run(env, concat(new String[] {"seed"}, base, DIR + "customers.yml"));
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.out()).contains("Seeded 4 rows into 2 tables: customer, orders.");
            assertThat(count(target, "orders")).isEqualTo(2);

            CliProcess.Result again = CliProcess.run(env, concat(new String[] {"seed"}, base, DIR + "customers.yml"));
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).contains("""
                    Refusing to seed: these tables already hold rows:
                      customer (2 rows)
                      orders (2 rows)
                    Nothing was inserted. Seed an empty database, or add --truncate to empty the fixtures' tables first.""");
            assertThat(count(target, "orders")).isEqualTo(2);

            CliProcess.Result truncating = CliProcess.run(env,
                    concat(new String[] {"seed", "--truncate"}, base, DIR + "customers.yml"));
            assertThat(truncating.exitCode()).as(truncating.toString()).isZero();
            assertThat(count(target, "orders")).isEqualTo(2);

            CliProcess.Result missing = CliProcess.run(env, concat(new String[] {"seed"}, base, DIR + "nope.yml"));
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("fixture src/test/resources/cli/nope.yml: No fixtures found at"
                    + " 'src/test/resources/cli/nope.yml': nothing exists there.");
        } finally {
            server.drop(target);
        }
    }

    private static String[] concat(String[] head, String[] middle, String last) {
        String[] all = new String[head.length + middle.length + 1];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        all[all.length - 1] = last;
        return all;
    }

    private static String tables(Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Database db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
