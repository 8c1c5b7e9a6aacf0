package dev.driftless.seed;

import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.Table;
import dev.driftless.server.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.driftless.seed.TestDatabases.execute;
import static dev.driftless.seed.TestDatabases.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which tables fixtures can name: those core's schema snapshot reads, except partitions (rows go in through the
 * parent), plus an extension's configuration tables (their rows are the user's).
 */
class CatalogFiltersTest {

    private static final String SCHEMA = """
            CREATE EXTENSION citext;
            CREATE TABLE plain (id int PRIMARY KEY, name text);
            CREATE TABLE ext_member (id int PRIMARY KEY);
            ALTER EXTENSION citext ADD TABLE ext_member;
            CREATE TABLE ext_config (id int PRIMARY KEY, name text);
            ALTER EXTENSION citext ADD TABLE ext_config;
            CREATE SCHEMA ext_schema;
            ALTER EXTENSION citext ADD SCHEMA ext_schema;
            CREATE TABLE ext_schema.inside (id int PRIMARY KEY);
            CREATE TABLE measurement (id int, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE measurement_2025 PARTITION OF measurement FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            """;

    private Database db;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh(SCHEMA);
        // What pg_extension_config_dump('ext_config', '') records; it can only be called from an extension's script.
        execute(db, "UPDATE pg_extension SET extconfig = ARRAY['ext_config'::regclass]::oid[], extcondition ="
                + " ARRAY['']::text[] WHERE extname = 'citext'");
    }

    @AfterEach
    void tearDown() {
        TestDatabases.drop(db);
    }

    @Test
    void fixturesSeeTheTablesCoreReadsButPartitionsAndWithExtensionConfigurationTables() {
        Map<String, Long> seen = Seeder.on(db).rowCounts("plain", "ext_member", "ext_config", "ext_schema.inside",
                "measurement", "measurement_2025");

        assertThat(seen.keySet()).containsExactly("plain", "ext_config", "measurement");
        assertThat(SchemaInspector.create().inspect(db).tables()).map(Table::name)
                .containsExactlyInAnyOrder("plain", "measurement", "measurement_2025");
    }

    @Test
    void aTableAnExtensionOwnsIsUnknownToFixturesAndItsConfigurationTableLoads() {
        Seeder seed = Seeder.on(db);

        assertThatThrownBy(() -> seed.load(Fixture.parse("ext.yml", "ext_member:\n  - id: 1\n")))
                .hasMessage("Cannot load fixtures: 1 problem found before anything was inserted:\n"
                        + "  - ext.yml:2, table ext_member, row 1: unknown table \"ext_member\"\n"
                        + "Nothing was inserted. Fix the fixture and load again.");
        seed.load(Fixture.parse("config.yml", "ext_config:\n  - id: 1\n    name: custom\n"));
        assertThat(single(db, "SELECT name FROM ext_config")).isEqualTo("custom");
    }
}
