package dev.driftless.cli;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code driftless seed} run as a user would: the real jar on a database of the test server. */
class SeedIT {

    private static final PostgresServer SERVER = TestServers.embedded();

    @TempDir
    Path tmp;

    private Database target;

    @BeforeEach
    void database() throws SQLException {
        target = SERVER.createDatabase();
        execute("CREATE TABLE note (note_id serial PRIMARY KEY, body text);"
                + "INSERT INTO note (body) SELECT 'dev ' || i FROM generate_series(1, 200) i");
    }

    @AfterEach
    void drop() {
        SERVER.drop(target);
    }

    private CliProcess.Result seed(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "seed";
        all[1] = "--jdbc-url";
        all[2] = target.jdbcUrl();
        all[3] = "--user";
        all[4] = target.user();
        System.arraycopy(args, 0, all, 5, args.length);
        return CliProcess.run(Map.of("DRIFTLESS_JDBC_PASSWORD", target.password()), all);
    }

    private Path fixture(String name, String content) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void truncateWithAMisspeltColumnChangesNothing() throws Exception {
        Path typo = fixture("typo.yml", "note:\n  - body: First\n  - boby: Second\n");

        CliProcess.Result result = seed("--truncate", typo.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Loading 2 rows into note (emptied first, in the same transaction) ...\n"
                + "driftless seed: Cannot load fixtures: 1 problem found before anything was changed:\n"
                + "  - " + typo + ":3, table note, row 2, column boby: table note has no column \"boby\"; did you"
                + " mean \"body\"?\n"
                + "Nothing was changed: the tables were not truncated and no row was inserted. Fix the fixture and"
                + " load again.\n");
        assertThat(single("SELECT count(*) FROM note")).isEqualTo("200");
    }

    @Test
    void truncateWithARowThatFailsWhileLoadingChangesNothing() throws Exception {
        Path duplicate = fixture("duplicate.yml", "note:\n  - note_id: 1\n    body: First\n  - note_id: 1\n"
                + "    body: Second\n");

        CliProcess.Result result = seed("--truncate", duplicate.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("Loading 2 rows into note (emptied first, in the same transaction) ...\n"
                + "driftless seed: Cannot load fixtures: " + duplicate + ":4, table note, row 2, column note_id"
                + " (integer) = \"1\": [23505] duplicate key value violates unique constraint \"note_pkey\"\n"
                + "  Detail: Key (note_id)=(1) already exists.\n"
                + "  Each row needs its own key: remove the duplicate, or leave the key to its default.\n"
                + "Nothing was changed: the whole load was rolled back, the truncation included; the tables hold the"
                + " rows they held before.\n");
        assertThat(single("SELECT count(*) FROM note")).isEqualTo("200");
        assertThat(single("SELECT body FROM note WHERE note_id = 1")).isEqualTo("dev 1");
    }

    @Test
    void truncateReplacesTheRows() throws Exception {
        CliProcess.Result result = seed("--truncate", fixture("notes.yml", "note:\n  - body: Only\n").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Seeded 1 row into 1 table: note.\n");
        assertThat(single("SELECT string_agg(note_id || ' ' || body, ',') FROM note")).isEqualTo("1 Only");
    }

    @Test
    void tablesWhoseNamesNeedQuoting() throws Exception {
        execute("CREATE SCHEMA \"App\";"
                + "CREATE TABLE \"App\".\"Order\" (id serial PRIMARY KEY, \"Total\" int);"
                + "CREATE TABLE \"App\".\"my table\" (id serial PRIMARY KEY, \"order id\" int REFERENCES \"App\".\"Order\");"
                + "CREATE TABLE \"App\".\"weird\"\"quote\" (id serial PRIMARY KEY, \"it's\" text)");
        Path file = fixture("app.yml", """
                App.Order:
                  - _alias: first
                    Total: 10
                App.my table:
                  - order id: $ref:first
                App.weird"quote:
                  - it's: x
                """);

        CliProcess.Result first = seed(file.toString());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).isEqualTo("Seeded 3 rows into 3 tables: App.Order, App.my table, App.weird\"quote.\n");
        assertThat(single("SELECT \"order id\" || ' ' || (SELECT \"Total\" FROM \"App\".\"Order\")"
                + " || ' ' || (SELECT \"it's\" FROM \"App\".\"weird\"\"quote\") FROM \"App\".\"my table\""))
                .isEqualTo("1 10 x");

        CliProcess.Result again = seed(file.toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("""
                Refusing to seed: these tables already hold rows:
                  App.Order (1 row)
                  App.my table (1 row)
                  App.weird"quote (1 row)
                Nothing was inserted. Seed an empty database, or add --truncate to empty the fixtures' tables first.
                """);

        CliProcess.Result truncating = seed("--truncate", file.toString());
        assertThat(truncating.exitCode()).as(truncating.toString()).isZero();
        assertThat(single("SELECT count(*) || ' ' || min(id) FROM \"App\".\"Order\"")).isEqualTo("1 1");
    }

    @Test
    void controlCharactersFromAFixtureAreShownVisibly() throws Exception {
        execute("TRUNCATE note");
        Path file = fixture("escape.yml", "note:\n  - \"\\e]0;pwned\\a\\e[2J\": x\n");

        CliProcess.Result result = seed(file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("\u001b", "\u0007").isEqualTo("Loading 1 row ...\n"
                + "driftless seed: Cannot load fixtures: 1 problem found before anything was inserted:\n"
                + "  - " + file + ":2, table note, row 1, column <U+001B>]0;pwned<U+0007><U+001B>[2J: table note has no column"
                + " \"<U+001B>]0;pwned<U+0007><U+001B>[2J\"\n"
                + "Nothing was inserted. Fix the fixture and load again.\n");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
