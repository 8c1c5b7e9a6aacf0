package dev.driftless.examples.podcastanalytics;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.migration.MigrationChain;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.DriftlessAssertions.table;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Podcast analytics: a multi-tenant platform whose whole schema is one idempotent master migration
 * ({@code CREATE ... IF NOT EXISTS} everywhere), run on every deploy. Downloads become a TimescaleDB hypertable where
 * the extension exists.
 */
@MigratedDatabase(schema = "classpath:podcast-analytics/master.sql")
class PodcastAnalyticsTest {

    static final SqlScript MASTER = SqlScript.at("classpath:podcast-analytics/master.sql");

    @Test
    void theMasterMigrationIsIdempotent(PostgresServer server) {
        assertThatMigrations(MigrationChain.ofMasterSchema(MASTER)).on(server).areIdempotent();
    }

    @Test
    void aStatementWithoutIfNotExistsBreaksTheSecondRun(PostgresServer server) {
        MigrationChain broken = MigrationChain.ofMasterSchema(
                SqlScript.at("classpath:podcast-analytics/broken/master_not_idempotent.sql"));

        assertThatThrownBy(() -> assertThatMigrations(broken).on(server).areIdempotent())
                .hasMessage("""

                        Expecting actual:
                          migration chain classpath:podcast-analytics/broken/master_not_idempotent.sql
                        to be idempotent (each script runs twice without error, leaving the same schema)
                        but 1 migration is not:
                          1 master_not_idempotent (classpath:podcast-analytics/broken/master_not_idempotent.sql):
                            the second run failed:
                              classpath:podcast-analytics/broken/master_not_idempotent.sql:66:1 [42P07] relation "episode_podcast_idx" already exists
                                66 | CREATE INDEX episode_podcast_idx ON episode (podcast_id);
                              The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    @Test
    void keyTablesAndExtensionsExist(SchemaSnapshot schema) {
        assertThat(schema)
                .hasTable("tenant").hasTable("podcast").hasTable("episode").hasTable("download")
                .hasTable("daily_episode_stats")
                .hasExtension("uuid-ossp").hasExtension("pg_trgm").hasExtension("pgcrypto")
                .hasFunction("episode_search(uuid, text)")
                .hasView("episode_downloads_30d");
    }

    @Test
    void tenantScopedQueriesHaveAnIndexThatStartsWithTheTenant(SchemaSnapshot schema) {
        assertThat(schema).table("podcast").hasIndexOn("tenant_id", "created_at");
        assertThat(schema).table("episode").hasIndexOn("tenant_id", "published_at DESC");
        assertThat(schema).table("download").hasIndexOn("tenant_id", "downloaded_at");
        assertThat(schema).table("daily_episode_stats").hasPrimaryKey("tenant_id", "episode_id", "day");
    }

    @Test
    void searchColumnsHaveTrigramIndexes(SchemaSnapshot schema) {
        assertThat(schema).table("podcast").hasIndexOn("title gin_trgm_ops").usingMethod("gin");
        assertThat(schema).table("episode").hasIndexOn("title gin_trgm_ops").usingMethod("gin");
    }

    @Test
    void everyForeignKeyIsIndexed(SchemaSnapshot schema) {
        // Every tenant_id references tenant, so this also holds a new tenant-scoped table to an index on tenant_id.
        assertThat(schema).everyForeignKeyHasIndex();
    }

    @Test
    void downloadsAreAHypertableWhereTimescaleExists(Connection connection, DataSource dataSource,
            PostgresServer server) throws SQLException {
        assumeTrue(isAvailable(connection, "timescaledb"), "The timescaledb extension is not available on this"
                + " server (" + server + "): the hypertable test runs with a Timescale image, e.g."
                + " DRIFTLESS_PROVIDER=docker DRIFTLESS_POSTGRES_IMAGE=timescale/timescaledb:latest-pg17");
        SqlScript timescale = SqlScript.at("classpath:podcast-analytics/timescale.sql");

        ScriptRunner.create().run(timescale, connection);
        ScriptRunner.create().run(timescale, connection);   // idempotent too

        assertThat(table(dataSource, "timescaledb_information.hypertables")).column("hypertable_name")
                .containsExactly("download");
    }

    /** The same master migration without the index on {@code daily_episode_stats.episode_id}. */
    @Nested
    @MigratedDatabase(schema = "classpath:podcast-analytics/broken/master_unindexed_fk.sql")
    class AnUnindexedForeignKey {

        @Test
        void isCaught(SchemaSnapshot schema) {
            // episode.podcast_id lost its index too, but the unique (podcast_id, guid) constraint still covers it.
            assertThatThrownBy(() -> assertThat(schema).everyForeignKeyHasIndex())
                    .hasMessage("""

                            Expecting actual:
                              the schema
                            to have, for every foreign key, an index starting with its columns
                            but these foreign keys have none:
                              daily_episode_stats (episode_id) → episode (episode_id), constraint daily_episode_stats_episode_id_fkey""");
        }
    }

    private static boolean isAvailable(Connection connection, String extension) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_available_extensions WHERE name = ?")) {
            query.setString(1, extension);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
