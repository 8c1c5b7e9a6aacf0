package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.anyValue;
import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.matching;
import static dev.driftless.assertions.DriftlessAssertions.notNullValue;
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

class TableDataAssertTest {

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
                    CREATE TABLE party (
                        party_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        display_name text NOT NULL,
                        status text NOT NULL,
                        vip boolean NOT NULL DEFAULT false,
                        joined_at timestamptz,
                        token uuid DEFAULT '6f1c2a9e-3b1d-4c55-9a7e-2f0d8b1c4e11'
                    );
                    INSERT INTO party (display_name, status, vip, joined_at, token) VALUES
                        ('Alice', 'Active', true, '2025-01-19 10:00:00+00', NULL),
                        ('Bob', 'Active', false, '2025-02-01 09:30:00+00', DEFAULT);
                    CREATE TABLE rate_card_item (item text, price_cents bigint);
                    INSERT INTO rate_card_item VALUES ('room', 1050), ('extra', NULL);
                    CREATE TABLE outbox (id int PRIMARY KEY);
                    """);
        }
    }

    @AfterAll
    static void dropDatabase() {
        server.drop(db);
    }

    @Test
    void rowCount() {
        assertThat(table(ds, "party")).hasRowCount(2).isNotEmpty();
        assertThat(table(ds, "outbox")).isEmpty();
        assertFailure("hasRowCount", """

                Expecting actual:
                  table public.party (2 rows)
                to have 3 rows
                but found 2:
                  {party_id=1, display_name=Alice, status=Active, vip=t, joined_at=2025-01-19 10:00:00+00}
                  {party_id=2, display_name=Bob, status=Active, vip=f, joined_at=2025-02-01 09:30:00+00}""", () -> assertThat(table(ds, "party")).ignoringColumns("token").hasRowCount(3));
        assertFailure("isEmpty", """

                Expecting actual:
                  table public.rate_card_item (2 rows)
                to have 0 rows
                but found 2:
                  {item=room, price_cents=1050}
                  {item=extra, price_cents=null}""", () -> assertThat(table(ds, "rate_card_item")).isEmpty());
        assertFailure("isNotEmpty", """

                Expecting actual:
                  table public.outbox (0 rows)
                not to be empty""", () -> assertThat(table(ds, "outbox")).isNotEmpty());
    }

    @Test
    void containsRowsComparesOnlyTheColumnsGivenAsTheServerReadsThem() {
        assertThat(table(ds, "party"))
                .containsRows(row("display_name", "Alice", "vip", true, "joined_at", "2025-01-19T10:00:00Z"))
                .containsRows(row("display_name", "Bob", "party_id", 2, "token", matching("[0-9a-f-]{36}")));
        assertFailure("containsRows", """

                Expecting actual:
                  table public.party (2 rows)
                to contain:
                  {display_name=Alice}
                  {display_name=Carol}
                but could not find:
                  {display_name=Carol}
                in:
                  {party_id=1, display_name=Alice, status=Active, vip=t}
                  {party_id=2, display_name=Bob, status=Active, vip=f}""", () -> assertThat(table(ds, "party")).ignoringColumns("token", "joined_at")
                .containsRows(row("display_name", "Alice"), row("display_name", "Carol")));
    }

    @Test
    void doesNotContainRows() {
        assertThat(table(ds, "party")).doesNotContainRows(row("status", "Deleted"));
        assertFailure("doesNotContainRows", """

                Expecting actual:
                  table public.party (2 rows)
                not to contain:
                  {display_name=Bob}
                but found:
                  {party_id=2, display_name=Bob, status=Active, vip=f}""", () -> assertThat(table(ds, "party")).ignoringColumns("token", "joined_at")
                .doesNotContainRows(row("display_name", "Bob")));
    }

    @Test
    void containsExactlyRowsInAnyOrder() {
        assertThat(table(ds, "party")).containsExactlyRows(row("display_name", "Bob", "token", notNullValue()),
                row("display_name", "Alice", "token", null));
        assertFailure("containsExactlyRows", """

                Expecting actual:
                  table public.party (2 rows)
                to contain exactly, in any order:
                  {display_name=Alice}
                  {display_name=Carol}
                but could not find:
                  {display_name=Carol}
                and found unexpected:
                  {party_id=2, display_name=Bob, status=Active, vip=f}""", () -> assertThat(table(ds, "party")).ignoringColumns("token", "joined_at")
                .containsExactlyRows(row("display_name", "Alice"), row("display_name", "Carol")));
    }

    @Test
    void containsExactlyRowsInOrder() {
        assertThat(table(ds, "party")).containsExactlyRowsInOrder(row("party_id", 1), row("party_id", 2));
        assertFailure("containsExactlyRowsInOrder", """

                Expecting actual:
                  table public.party (2 rows)
                to contain exactly, in order:
                  {display_name=Bob}
                  {display_name=Alice}
                but:
                  row 1 was {party_id=1, display_name=Alice, status=Active, vip=t}, expected {display_name=Bob}
                  row 2 was {party_id=2, display_name=Bob, status=Active, vip=f}, expected {display_name=Alice}""", () -> assertThat(table(ds, "party")).ignoringColumns("token", "joined_at")
                .containsExactlyRowsInOrder(row("display_name", "Bob"), row("display_name", "Alice")));
    }

    @Test
    void matchesFixtureFilesInEveryFormat() {
        assertThat(table(ds, "party")).ignoringColumns("token", "vip").matchesFixture("expected/parties.yml");
        assertThat(table(ds, "party")).matchesFixture("expected/parties.json");
        assertThat(table(ds, "party")).ignoringColumns("token").matchesFixture("expected/parties.xml");
        assertFailure("matchesFixture", """

                Expecting actual:
                  table public.party (2 rows)
                to contain exactly the rows of expected/parties-wrong.yml, in any order:
                  {display_name=Alice, status=Active}
                  {display_name=Carol, status=Active}
                but could not find:
                  {display_name=Carol, status=Active}
                and found unexpected:
                  {party_id=2, display_name=Bob, status=Active, vip=f}""", () -> assertThat(table(ds, "party")).ignoringColumns("token", "joined_at")
                .matchesFixture("expected/parties-wrong.yml"));
    }

    @Test
    void aReferenceInExpectedDataIsRefused() {
        assertThatThrownBy(() -> assertThat(table(ds, "party")).matchesFixture("expected/parties-ref.yml"))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Expected data expected/parties-ref.yml:2, table party, row 1, column party_id: a $ref"
                        + " cannot be compared (references resolve when loading only). Write the value, or $any /"
                        + " $notNull / $regex:<pattern>.");
    }

    @Test
    void columnValues() {
        assertThat(table(ds, "rate_card_item")).column("price_cents").containsExactly(1050, null)
                .containsExactlyInAnyOrder(null, "1050").contains(1050).and().hasRowCount(2);
        assertThat(table(ds, "party")).column("party_id").allMatch(notNullValue()).allMatch(matching("[0-9]+"))
                .containsExactly(anyValue(), "$regex:2");
        assertFailure("columnContainsExactly", """

                Expecting actual:
                  column public.rate_card_item.price_cents values:
                    1050, null
                to contain exactly, in order:
                  1000
                but found:
                  1050, null""", () -> assertThat(table(ds, "rate_card_item")).column("price_cents").containsExactly(1000));
        assertFailure("columnContainsExactlyInAnyOrder", """

                Expecting actual:
                  column public.party.display_name values:
                    Alice, Bob
                to contain exactly, in any order:
                  Bob, Carol
                but could not find:
                  Carol
                and found unexpected:
                  Alice""", () -> assertThat(table(ds, "party")).column("display_name")
                .containsExactlyInAnyOrder("Bob", "Carol"));
        assertFailure("columnContains", """

                Expecting actual:
                  column public.party.status values:
                    Active, Active
                to contain:
                  Active, Deleted
                but could not find:
                  Deleted""", () -> assertThat(table(ds, "party")).column("status").contains("Active", "Deleted"));
        assertFailure("columnAllMatch", """

                Expecting actual:
                  column public.rate_card_item.price_cents values:
                    1050, null
                to all match:
                  $notNull
                but these do not:
                  row 2: null""", () -> assertThat(table(ds, "rate_card_item")).column("price_cents").allMatch(notNullValue()));
        assertFailure("columnMissing", """

                Expecting actual:
                  table public.rate_card_item (2 rows)
                to have column:
                  "price"
                but found columns:
                  "item", "price_cents\"""", () -> assertThat(table(ds, "rate_card_item")).column("price"));
    }

    @Test
    void mistakesInExpectedValuesAreExplained() {
        assertThatThrownBy(() -> assertThat(table(ds, "party")).containsRows(row("nmae", "Alice")))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Table public.party has no column \"nmae\"; its columns are party_id, display_name, status,"
                        + " vip, joined_at, token. Fix the expected rows.");
        assertThatThrownBy(() -> assertThat(table(ds, "party")).containsRows(row("joined_at", "yesterday-ish")))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("The expected value \"yesterday-ish\" of column public.party.joined_at is not a valid"
                        + " timestamp with time zone: [22007] ERROR: invalid input syntax for type timestamp with time"
                        + " zone: \"yesterday-ish\". Write it as PostgreSQL accepts it, or match it with a placeholder"
                        + " ($any, $notNull, $regex:...).");
        assertThatThrownBy(() -> assertThat(table(ds, "parties")))
                .isInstanceOf(DriftlessException.class)
                .hasMessageStartingWith("Cannot read table parties: there is no such table in database "
                        + db.name() + " (search_path \"$user\", public).");
    }
}
