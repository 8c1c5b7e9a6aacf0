package dev.driftless.examples;

import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.ChangeCategory;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.Equivalence;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaInspector;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ExamplesAcrossMajorsTest} builds each of the five examples (its master schema and its migration chain) on
 * PostgreSQL 15 and on 17, and on 14 and on 18, and compares the two: with {@link Equivalence#CROSS_MAJOR_PRINTING}
 * they are the same schema; without it, what the servers print differently is still reported.
 */
class ExamplesAcrossMajorsTest {

    private static final String DIR = "src/test/resources/";
    private static final DiffOptions ACROSS_MAJORS = DiffOptions.defaults()
            .treatingAsEqual(Equivalence.CROSS_MAJOR_PRINTING);

    static Stream<Arguments> builds() {
        return Stream.of(15, 14).flatMap(older -> Stream.of("studio/init_schema.sql", "studio/migrations",
                "podcast-analytics/master.sql", "driving-school/migrations", "field-service/schema.sql",
                "field-service/migrations", "trading/schema.sql", "trading/migrations")
                .map(source -> Arguments.of(source, older, older == 15 ? 17 : 18)));
    }

    @ParameterizedTest(name = "{0} on {1} and {2}")
    @MethodSource("builds")
    void anExampleBuiltOnAnOlderMajorIsTheSameSchemaAsOnANewerOne(String source, int older, int newer) {
        SchemaSnapshot old = build(TestServers.embedded(older), source);
        SchemaSnapshot current = build(TestServers.embedded(newer), source);
        assertThat(old.tables()).isNotEmpty();
        // Contrib extensions come with the server (18 ships pgcrypto 1.4): a version, not a printing difference.
        DiffOptions options = newer == 18 ? ACROSS_MAJORS.ignoringExtensionVersions() : ACROSS_MAJORS;
        assertThat(SchemaDiff.between(old, current, options).toText()).isEqualTo("no differences\n");
        assertThat(SchemaDiff.between(current, old, options).toText()).isEqualTo("no differences\n");
        assertThat(SchemaDiff.between(old, current, ACROSS_MAJORS).toText()).isEqualTo(
                newer == 18 && source.startsWith("podcast-analytics") ? """
                        1 difference (1 extension version)
                        extension pgcrypto: version 1.3 → 1.4 [extension version]
                        """ : "no differences\n");
    }

    /** The one example with a single-table view: PostgreSQL 16 stopped qualifying its columns. */
    @Test
    void withoutTheNormalisationThePrintingDifferenceIsReported() {
        String source = "podcast-analytics/master.sql";
        SchemaDiff diff = SchemaDiff.between(build(TestServers.embedded(15), source),
                build(TestServers.embedded(17), source));
        assertThat(diff.toText()).isEqualTo("""
                1 difference (1 code)
                view episode_downloads_30d: definition changed [code]:
                    -  SELECT d.tenant_id,
                    -     d.episode_id,
                    -     count(*) AS downloads
                    -    FROM public.download d
                    -   WHERE d.downloaded_at > (now() - '30 days'::interval)
                    -   GROUP BY d.tenant_id, d.episode_id;
                    +  SELECT tenant_id,
                    +     episode_id,
                    +     count(*) AS downloads
                    +    FROM public.download d
                    +   WHERE downloaded_at > (now() - '30 days'::interval)
                    +   GROUP BY tenant_id, episode_id;
                """);
        assertThat(diff.changes()).extracting(c -> c.category()).containsExactly(ChangeCategory.CODE);
    }

    private static SchemaSnapshot build(PostgresServer server, String source) {
        Database db = server.createDatabase();
        try {
            if (source.endsWith(".sql")) {
                try (Connection c = db.connect()) {
                    ScriptRunner.create().run(SqlScript.at(DIR + source), c);
                }
            } else {
                Migrator.of(MigrationChain.at(DIR + source), db).migrateToLatest();
            }
            return SchemaInspector.create().inspect(db);
        } catch (SQLException e) {
            throw new AssertionError(e);
        } finally {
            server.drop(db);
        }
    }
}
