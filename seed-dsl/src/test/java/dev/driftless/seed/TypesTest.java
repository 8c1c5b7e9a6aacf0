package dev.driftless.seed;

import dev.driftless.server.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.driftless.seed.TestDatabases.query;
import static org.assertj.core.api.Assertions.assertThat;

class TypesTest {

    static final String SCHEMA = """
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE TABLE everything (
              id serial PRIMARY KEY, t text, vc varchar(10), i2 smallint, i4 int, i8 bigint, num numeric(10,2),
              b boolean, u uuid, d date, ts timestamp, tstz timestamptz, iv interval, j json, jb jsonb,
              ia int[], ta text[], m mood, ma mood[], bin bytea, ip inet, f8 double precision);
            """;

    private static final String ROW = """
              t: "Tab\\there, quote \\" and backslash \\\\"
              vc: short
              i2: 32767
              i4: -7
              i8: 9007199254740993
              num: 10.50
              b: true
              u: 0b3d8f2e-9c4a-4f1e-8d2b-6a7c5e4f3a21
              d: 2025-01-19
              ts: 2025-01-19 10:00:00
              tstz: 2025-01-19T10:00:00+02:00
              iv: 1 day 2 hours
              j: {a: 1, b: [true, null]}
              jb: [1, "two", {three: 3}]
              ia: [1, 2, 3]
              ta: [plain, "with, comma", "with \\"quote\\"", null]
              m: happy
              ma: [sad, ok]
              bin: AAEC/w==
              ip: 192.168.0.1/24
              f8: 1.5e10
            """;

    private static final String SELECT = "SELECT t, vc, i2, i4, i8, num, b, u, d, ts, tstz AT TIME ZONE 'UTC', iv,"
            + " j::text, jb::text, ia[2], ta[2], ta[3], ta[4] IS NULL, m, ma[1], encode(bin, 'hex'), ip, f8"
            + " FROM everything";

    private static final List<String> EXPECTED = List.of("Tab\there, quote \" and backslash \\", "short", "32767",
            "-7", "9007199254740993", "10.50", "t", "0b3d8f2e-9c4a-4f1e-8d2b-6a7c5e4f3a21", "2025-01-19",
            "2025-01-19 10:00:00", "2025-01-19 08:00:00", "1 day 02:00:00", "{\"a\":1,\"b\":[true,null]}",
            "[1, \"two\", {\"three\": 3}]", "2", "with, comma", "with \"quote\"", "t", "happy", "sad", "000102ff",
            "192.168.0.1/24", "15000000000");

    private Database db;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh(SCHEMA);
    }

    @AfterEach
    void tearDown() {
        TestDatabases.drop(db);
    }

    @Test
    void everyTypeFromYamlThroughInsertReturning() {
        Seeder.on(db).load(Fixture.parse("types.yml", "everything:\n  - _alias: all\n" + ROW.indent(2)));

        assertThat(query(db, SELECT)).containsExactly(EXPECTED);
    }

    @Test
    void everyTypeFromYamlThroughCopy() {
        Seeder.on(db).withCopyThreshold(1).load(Fixture.parse("types.yml", "everything:\n  -\n" + ROW.indent(2)));

        assertThat(query(db, SELECT)).containsExactly(EXPECTED);
    }

    @Test
    void everyTypeFromJson() {
        Seeder.on(db).load(Fixture.parse("types.json", """
                {"everything": [{"t": "x", "num": 10.50, "b": false, "j": {"a": [1, 2]}, "jb": {"k": "v"},
                  "ia": [[1, 2], [3, 4]], "bin": "AAEC/w==", "m": "ok", "tstz": "2025-01-19T10:00:00Z"}]}
                """));

        assertThat(query(db, "SELECT num, b, j::text, jb->>'k', ia[2][1], encode(bin, 'hex'), m,"
                + " tstz AT TIME ZONE 'UTC' FROM everything"))
                .containsExactly(List.of("10.50", "f", "{\"a\":[1,2]}", "v", "3", "000102ff", "ok",
                        "2025-01-19 10:00:00"));
    }

    enum Mood { sad, ok, happy }

    @Test
    void everyTypeFromJavaValues() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("a", 1);
        json.put("b", Arrays.asList(true, null));
        Seeder.on(db).into("everything").row(r -> r
                .set("t", "Tab\there, quote \" and backslash \\").set("vc", "short").set("i2", (short) 32767)
                .set("i4", -7).set("i8", 9007199254740993L).set("num", new BigDecimal("10.50")).set("b", true)
                .set("u", UUID.fromString("0b3d8f2e-9c4a-4f1e-8d2b-6a7c5e4f3a21")).set("d", LocalDate.of(2025, 1, 19))
                .set("ts", LocalDateTime.of(2025, 1, 19, 10, 0))
                .set("tstz", OffsetDateTime.of(2025, 1, 19, 10, 0, 0, 0, ZoneOffset.ofHours(2)))
                .set("iv", Duration.ofHours(26)).set("j", json)
                .set("jb", List.of(1, "two", Map.of("three", 3))).set("ia", List.of(1, 2, 3))
                .set("ta", Arrays.asList("plain", "with, comma", "with \"quote\"", null)).set("m", Mood.happy)
                .set("ma", new Mood[] {Mood.sad, Mood.ok}).set("bin", new byte[] {0, 1, 2, (byte) 0xff})
                .set("ip", "192.168.0.1/24").set("f8", 1.5e10))
                .load();

        List<String> expected = new java.util.ArrayList<>(EXPECTED);
        expected.set(11, "26:00:00");
        assertThat(query(db, SELECT)).containsExactly(expected);
    }

    @Test
    void timePlaceholdersAreEvaluatedOncePerLoad() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2025-03-10T12:30:00Z"), ZoneOffset.UTC);
        Seeder.on(db).withClock(clock).load(Fixture.parse("times.yml", """
                everything:
                  - tstz: $now
                    ts: $now-1d
                    d: $today+7d
                  - tstz: $now+2h
                    ts: $now-30m
                    d: $today-2w
                    t: $$now is literal
                """));

        assertThat(query(db, "SELECT tstz AT TIME ZONE 'UTC', ts, d, t FROM everything ORDER BY id")).containsExactly(
                Arrays.asList("2025-03-10 12:30:00", "2025-03-09 12:30:00", "2025-03-17", null),
                List.of("2025-03-10 14:30:00", "2025-03-10 12:00:00", "2025-02-24", "$now is literal"));
    }
}
