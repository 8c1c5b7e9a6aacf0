package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.row;
import static dev.driftless.assertions.DriftlessAssertions.table;
import static dev.driftless.assertions.Failures.assertFailure;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expected-data files written the way Database Rider's documentation writes them (upper-case names, {@code regex:},
 * {@code [null]}, empty entries, CSV folders) pass and fail as Rider's {@code @ExpectedDataSet} would.
 */
class RiderExpectedDataTest {

    private static PostgresServer server;
    private static Database db;
    private static DataSource ds;

    @BeforeAll
    static void createTables() throws Exception {
        server = Schemas.server();
        db = server.createDatabase();
        ds = db.dataSource();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE "user" (id int PRIMARY KEY, name text, email text);
                    INSERT INTO "user" VALUES (1, '@realpestano', NULL), (2, '@dbunit', 'dbunit@example.com');
                    CREATE TABLE tweet (id text PRIMARY KEY, content text);
                    INSERT INTO tweet VALUES ('abcdef12345', 'dbunit rules!');
                    CREATE TABLE user_details (id int PRIMARY KEY, bio text);
                    CREATE TABLE "Mixed" (id int PRIMARY KEY);
                    CREATE TABLE "MIXED" (id int PRIMARY KEY);
                    """);
        }
    }

    @AfterAll
    static void dropDatabase() {
        server.drop(db);
    }

    @Test
    void upperCaseNamesResolveLikeTheSeedersInTablesFilesAndColumns() {
        assertThat(table(ds, "USER")).matchesFixture("expected/rider/users.yml");
        assertThat(table(ds, "USER")).containsRows(row("NAME", "@dbunit", "EMAIL", "dbunit@example.com"));
        assertThat(table(ds, "USER")).column("NAME").containsExactly("@realpestano", "@dbunit");
        assertThat(table(ds, "USER")).ignoringColumns("EMAIL").matchesFixture("expected/rider/csv");
        assertThat(table(ds, "TWEET")).matchesFixture("expected/rider/tweets.xml");
    }

    @Test
    void regexMatchesTheWholeValueAsInRider() {
        assertThat(table(ds, "user")).ignoringColumns("email").matchesFixture("expected/rider/users-regex.yml");
        assertFailure("riderRegex", """

                Expecting actual:
                  table public.tweet (1 row)
                to contain exactly the rows of expected/rider/tweet-regex.yml, in any order:
                  {content=regex:rules}
                but could not find:
                  {content=regex:rules}
                and found unexpected:
                  {id=abcdef12345, content=dbunit rules!}""", () -> assertThat(table(ds, "tweet"))
                .matchesFixture("expected/rider/tweet-regex.yml"));
    }

    @Test
    void containsIsRidersContainsAndMatchesFixtureItsEquality() {
        assertThat(table(ds, "user")).containsRowsOf("expected/rider/one-user.yml");
        assertFailure("riderContains", """

                Expecting actual:
                  table public.user (2 rows)
                to contain exactly the rows of expected/rider/one-user.yml, in any order:
                  {name=@dbunit}
                but found unexpected:
                  {id=1, name=@realpestano, email=null}""", () -> assertThat(table(ds, "user"))
                .matchesFixture("expected/rider/one-user.yml"));
        assertFailure("riderContainsMissing", """

                Expecting actual:
                  table public.tweet (1 row)
                to contain:
                  {content=dbunit rules!}
                  {content=regex:rules}
                but could not find:
                  {content=regex:rules}
                in:
                  {id=abcdef12345, content=dbunit rules!}""", () -> assertThat(table(ds, "tweet"))
                .containsRowsOf("expected/rider/tweet-contains.yml"));
    }

    @Test
    void anEmptyEntryExpectsNoRowsAndAMissingTableIsLoud() {
        assertThat(table(ds, "USER_DETAILS")).matchesFixture("expected/rider/tweets.xml");
        assertThatThrownBy(() -> assertThat(table(ds, "USER")).matchesFixture("expected/rider/tweets.xml"))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Expected data expected/rider/tweets.xml has no rows for table public.user; it names TWEET,"
                        + " USER_DETAILS. Add the table's rows to it, or an empty entry (\"user:\" in YAML) to expect"
                        + " no rows.");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> assertThat(table(ds, "USER")).matchesFixture("expected/rider/misspelt.yml"))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Table public.user has no column \"NMAE\" (did you mean \"name\"?); its columns are id,"
                        + " name, email. Fix the expected rows.");
        assertThatThrownBy(() -> assertThat(table(ds, "USER")).matchesFixture("expected/rider/scripted.yml"))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Expected data expected/rider/scripted.yml:2, table USER, row 1, column NAME:"
                        + " \"js:value.startsWith('@')\" is a Database Rider script, and Driftless does not run scripts"
                        + " in datasets; write the value itself, or a placeholder ($now-1d, $today, $ref:alias).");
        assertThatThrownBy(() -> assertThat(table(ds, "mixed")))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("table \"mixed\" is ambiguous: 2 tables differ from it only in case, \"MIXED\" and"
                        + " \"Mixed\". Write the name exactly as the table you mean is spelt.");
        assertThatThrownBy(() -> assertThat(table(ds, "tweets")))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Cannot read table tweets: there is no such table in database " + db.name()
                        + " (search_path \"$user\", public). Check the name, or qualify it with its schema; did you"
                        + " mean \"tweet\"?");
    }
}
