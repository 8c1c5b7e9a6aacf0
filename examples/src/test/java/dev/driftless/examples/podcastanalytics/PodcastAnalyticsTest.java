package dev.driftless.examples.podcastanalytics;

import dev.driftless.examples.ExampleDatabases;
import dev.driftless.schema.ConstraintType;
import dev.driftless.schema.Constraint;
import dev.driftless.schema.Index;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Table;
import dev.driftless.server.Database;
import dev.driftless.sql.ScriptException;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Podcast analytics: a multi-tenant platform whose whole schema is one idempotent master migration
 * ({@code CREATE ... IF NOT EXISTS} everywhere), run on every deploy. Downloads become a TimescaleDB hypertable where
 * the extension exists.
 */
class PodcastAnalyticsTest {

    static final SqlScript MASTER = SqlScript.at("classpath:podcast-analytics/master.sql");

    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void drop() {
        databases.forEach(ExampleDatabases::drop);
    }

    @Test
    void theMasterMigrationIsIdempotent() {
        Database db = keep(ExampleDatabases.fromScript(MASTER));
        SchemaSnapshot once = ExampleDatabases.snapshot(db);

        ExampleDatabases.run(MASTER, db);

        SchemaDiff diff = SchemaDiff.between(once, ExampleDatabases.snapshot(db));
        assertThat(diff.isEmpty()).as(diff.toText()).isTrue();
    }

    @Test
    void aStatementWithoutIfNotExistsBreaksTheSecondRun() {
        SqlScript broken = SqlScript.at("classpath:podcast-analytics/broken/master_not_idempotent.sql");
        Database db = keep(ExampleDatabases.fromScript(broken));

        assertThatThrownBy(() -> ExampleDatabases.run(broken, db))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("classpath:podcast-analytics/broken/master_not_idempotent.sql:66:1 [42P07] "
                        + "relation \"episode_podcast_idx\" already exists");
    }

    @Test
    void keyTablesExtensionsAndTenantIndexesExist() {
        SchemaSnapshot schema = ExampleDatabases.snapshot(keep(ExampleDatabases.fromScript(MASTER)));

        assertThat(schema.tables()).extracting(Table::name)
                .contains("tenant", "podcast", "episode", "download", "daily_episode_stats");
        assertThat(schema.extensions()).extracting(e -> e.name()).contains("uuid-ossp", "pg_trgm", "pgcrypto");
        assertThat(tablesWithoutATenantIndex(schema)).isEmpty();
    }

    @Test
    void searchColumnsHaveTrigramIndexes() {
        SchemaSnapshot schema = ExampleDatabases.snapshot(keep(ExampleDatabases.fromScript(MASTER)));

        for (String table : List.of("podcast", "episode")) {
            assertThat(schema.table(table).orElseThrow().indexes())
                    .as("trigram index on %s.title", table)
                    .anySatisfy(i -> {
                        assertThat(i.method()).isEqualTo("gin");
                        assertThat(i.keys()).containsExactly("title gin_trgm_ops");
                    });
        }
    }

    @Test
    void everyForeignKeyIsIndexed() {
        SchemaSnapshot schema = ExampleDatabases.snapshot(keep(ExampleDatabases.fromScript(MASTER)));

        assertThat(unindexedForeignKeys(schema)).isEmpty();
    }

    @Test
    void anUnindexedForeignKeyIsCaught() {
        SqlScript broken = SqlScript.at("classpath:podcast-analytics/broken/master_unindexed_fk.sql");
        SchemaSnapshot schema = ExampleDatabases.snapshot(keep(ExampleDatabases.fromScript(broken)));

        // episode.podcast_id lost its index too, but the unique (podcast_id, guid) index still covers it.
        assertThat(unindexedForeignKeys(schema)).containsExactly(
                "daily_episode_stats.daily_episode_stats_episode_id_fkey (episode_id)");
    }

    @Test
    void downloadsAreAHypertableWhereTimescaleExists() throws SQLException {
        Database db = keep(ExampleDatabases.fromScript(MASTER));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            Assumptions.assumeTrue(available(s, "timescaledb"), "The timescaledb extension is not available on this "
                    + "server (" + ExampleDatabases.server() + "): the hypertable test runs with a Timescale image, "
                    + "e.g. DRIFTLESS_PROVIDER=docker DRIFTLESS_POSTGRES_IMAGE=timescale/timescaledb:latest-pg17");
        }
        SqlScript timescale = SqlScript.at("classpath:podcast-analytics/timescale.sql");
        ExampleDatabases.run(timescale, db);
        ExampleDatabases.run(timescale, db);   // idempotent too
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT hypertable_name FROM timescaledb_information.hypertables")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("download");
        }
    }

    /** Tenant-scoped tables (those with a tenant_id column) need an index whose first key is tenant_id. */
    static List<String> tablesWithoutATenantIndex(SchemaSnapshot schema) {
        return schema.tables().stream()
                .filter(t -> t.column("tenant_id").isPresent() && !t.name().equals("tenant"))
                .filter(t -> t.indexes().stream().noneMatch(i -> !i.keys().isEmpty() && firstWord(i.keys().get(0)).equals("tenant_id")))
                .map(Table::name)
                .toList();
    }

    /** Foreign keys whose columns are not the leading keys of some index of their table. */
    static List<String> unindexedForeignKeys(SchemaSnapshot schema) {
        List<String> unindexed = new ArrayList<>();
        for (Table table : schema.tables()) {
            for (Constraint fk : table.constraints()) {
                if (fk.type() == ConstraintType.FOREIGN_KEY && table.indexes().stream().noneMatch(i -> leads(i, fk.columns()))) {
                    unindexed.add(table.name() + "." + fk.name() + " (" + String.join(", ", fk.columns()) + ")");
                }
            }
        }
        return unindexed;
    }

    private static boolean leads(Index index, List<String> columns) {
        if (index.keys().size() < columns.size() || index.predicate() != null) {
            return false;
        }
        List<String> leading = index.keys().subList(0, columns.size()).stream().map(PodcastAnalyticsTest::firstWord).toList();
        return leading.containsAll(columns);
    }

    private static String firstWord(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(0, space);
    }

    private static boolean available(Statement s, String extension) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_available_extensions WHERE name = '" + extension + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private Database keep(Database db) {
        databases.add(db);
        return db;
    }
}
