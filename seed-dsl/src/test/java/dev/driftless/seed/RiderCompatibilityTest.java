package dev.driftless.seed;

import dev.driftless.server.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static dev.driftless.seed.TestDatabases.execute;
import static dev.driftless.seed.TestDatabases.query;
import static dev.driftless.seed.TestDatabases.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Datasets written the way Database Rider's documentation writes them (upper- and lower-case names, replacements,
 * empty table entries, schema prefixes, CSV folders) against a schema with folded and quoted names: each loads, or is
 * refused with the message stated here.
 */
class RiderCompatibilityTest {

    private static final Instant NOW = Instant.parse("2025-01-19T10:00:00Z");

    private Database db;
    private Seeder seed;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh(Schemas.RIDER);
        seed = Seeder.on(db).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        TestDatabases.drop(db);
    }

    @Test
    void upperCaseYamlLoadsIntoFoldedTablesWithReplacements() {
        seed.load("fixtures/rider/users.yml");
        assertThat(query(db, "SELECT id, name, email FROM \"user\" ORDER BY id")).containsExactly(
                Arrays.asList("1", "@realpestano", null), Arrays.asList("2", "@dbunit", null));
        assertThat(query(db, "SELECT id, content, date::text, stamp::text, user_id FROM tweet")).containsExactly(
                List.of("abcdef12345", "dbunit rules!", "2025-01-19 10:00:00", "2025-01-19 11:00:00+00", "1"));
        assertThat(single(db, "SELECT count(*) FROM follower")).isEqualTo("1");
    }

    @Test
    void lowerCaseJsonWithASchemaPrefixIncludeAndUnixTimestamp() {
        seed.load("fixtures/rider/users-lower.json");
        assertThat(query(db, "SELECT content, likes, date::text FROM tweet")).containsExactly(
                List.of("dbunit rules!", Long.toString(NOW.getEpochSecond()), "2025-01-20 10:00:00"));
        assertThat(single(db, "SELECT count(*) FROM \"user\" WHERE email IS NULL")).isEqualTo("2");
    }

    @Test
    void upperCaseFlatXmlAndCsvFolderWithTrimmedHeaders() {
        seed.load("fixtures/rider/users.xml");
        assertThat(single(db, "SELECT date::text FROM tweet")).isEqualTo("2025-01-18 10:00:00");
        Database other = TestDatabases.fresh(Schemas.RIDER);
        try {
            Seeder.on(other).load("fixtures/rider/csv");
            assertThat(query(other, "SELECT id, name, email FROM \"user\" ORDER BY id")).containsExactly(
                    Arrays.asList("1", "@realpestano", null), Arrays.asList("2", "@dbunit", null));
            assertThat(single(other, "SELECT content FROM tweet")).isEqualTo("dbunit rules!");
        } finally {
            TestDatabases.drop(other);
        }
    }

    @Test
    void aCsvFolderWithoutTableOrdering() {
        assertThat(Fixture.of("fixtures/rider/csv-unordered").tables()).containsExactly("USER");
        seed.load("fixtures/rider/csv-unordered");
        assertThat(single(db, "SELECT name FROM \"user\"")).isEqualTo("@realpestano");
    }

    @Test
    void quotedMixedCaseNamesAreFoundWhenUnambiguous() {
        seed.load("fixtures/rider/quoted.yml");
        assertThat(query(db, "SELECT \"Id\", \"Owner\", \"OWNER\" FROM \"Account\"")).containsExactly(
                List.of("1", "folded nowhere, spelt exactly", "the other one"));
        assertThat(single(db, "SELECT total FROM sales.invoice")).isEqualTo("10.50");
    }

    @Test
    void namesThatDifferOnlyInCaseAreAmbiguous() {
        assertThatThrownBy(() -> seed.load("fixtures/rider/ambiguous.yml"))
                .isInstanceOf(SeedException.class)
                .hasMessage("Cannot load fixtures: 2 problems found before anything was inserted:\n"
                        + "  - fixtures/rider/ambiguous.yml:2, table mixed, row 1: table \"mixed\" is ambiguous: 2 tables"
                        + " differ from it only in case, \"MIXED\" and \"Mixed\". Write the name exactly as the table you"
                        + " mean is spelt.\n"
                        + "  - fixtures/rider/ambiguous.yml:4, table Account, row 1, column owner: table Account: column"
                        + " \"owner\" is ambiguous: 2 columns differ from it only in case, \"OWNER\" and \"Owner\"."
                        + " Write the name exactly as the column you mean is spelt.\n"
                        + "Nothing was inserted. Fix the fixture and load again.");
    }

    @Test
    void scriptsAndUnknownReplacementsAreRefusedNeverStoredAsText() {
        assertThatThrownBy(() -> seed.load("fixtures/rider/scripted.yml"))
                .isInstanceOf(SeedException.class)
                .hasMessage("Cannot load fixtures: 5 problems found before anything was inserted:\n"
                        + "  - fixtures/rider/scripted.yml:2, table USER, row 1, column name: \"groovy:new Date()"
                        + ".toString()\" is a Database Rider script, and Driftless does not run scripts in datasets;"
                        + " write the value itself, or a placeholder ($now-1d, $today, $ref:alias)\n"
                        + "  - fixtures/rider/scripted.yml:4, table USER, row 2, column name: \"js:'a' + 'b'\" is a"
                        + " Database Rider script, and Driftless does not run scripts in datasets; write the value"
                        + " itself, or a placeholder ($now-1d, $today, $ref:alias)\n"
                        + "  - fixtures/rider/scripted.yml:7, table TWEET, row 1, column date: \"[DAY,PLUS,1]\" is not a"
                        + " replacement Driftless knows, and it is not stored as text; write [null], [DAY,NOW] (DAY,"
                        + " HOUR, MIN or SEC with NOW, PLUS_ONE, ...), [UNIX_TIMESTAMP] or [INCLUDE]path, or a"
                        + " placeholder ($now+1d, $today)\n"
                        + "  - fixtures/rider/scripted.yml:9, table TWEET, row 2, column date: \"[DAY,SOON]\" is not a"
                        + " Database Rider date replacement; DAY takes MONTH_AFTER, MONTH_BEFORE, NOW, TOMORROW,"
                        + " WEEK_AFTER, WEEK_BEFORE, YEAR_AFTER, YEAR_BEFORE, YESTERDAY (or write $now+1d, $now-2h)\n"
                        + "  - fixtures/rider/scripted.yml:11, table TWEET, row 3, column content: \"[NOTHING]\" is not a"
                        + " replacement Driftless knows, and it is not stored as text; write [null], [DAY,NOW] (DAY,"
                        + " HOUR, MIN or SEC with NOW, PLUS_ONE, ...), [UNIX_TIMESTAMP] or [INCLUDE]path, or a"
                        + " placeholder ($now+1d, $today)\n"
                        + "Nothing was inserted. Fix the fixture and load again.");
        assertThat(single(db, "SELECT count(*) FROM \"user\"")).isEqualTo("0");
    }

    @Test
    void anEmptyTableEntryIsEmptiedOnlyByTruncateAndLoad() {
        execute(db, "INSERT INTO \"user\" VALUES (9, 'kept', NULL); INSERT INTO user_details VALUES (1, 9, 'bio')");
        seed.load(Fixture.parse("empty.yml", "USER_DETAILS:\n"));
        assertThat(single(db, "SELECT count(*) FROM user_details")).isEqualTo("1");   // load: left as it is
        seed.truncateAndLoad(Fixture.parse("empty.yml", "USER_DETAILS:\n"));
        assertThat(single(db, "SELECT count(*) FROM user_details")).isEqualTo("0");   // CLEAN_INSERT: emptied
        assertThat(Fixture.of("fixtures/rider/users.yml").emptyTables()).containsExactly("USER_DETAILS");
        assertThat(Fixture.of("fixtures/rider/users.xml").emptyTables()).containsExactly("USER_DETAILS");
    }

    @Test
    void anEmptyTableEntryMustNameATable() {
        assertThatThrownBy(() -> seed.load("fixtures/rider/unknown-empty.yml"))
                .isInstanceOf(SeedException.class)
                .hasMessage("Cannot load fixtures: 1 problem found before anything was inserted:\n"
                        + "  - fixtures/rider/unknown-empty.yml:1, table USER_DETAIL (no rows): unknown table"
                        + " \"USER_DETAIL\"; did you mean \"user_details\"?\n"
                        + "Nothing was inserted. Fix the fixture and load again.");
    }
}
