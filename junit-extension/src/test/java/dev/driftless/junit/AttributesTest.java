package dev.driftless.junit;

import dev.driftless.junit.internal.SetupSpec;
import dev.driftless.migration.Engine;
import dev.driftless.migration.Layout;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every attribute of {@code @MigratedDatabase}, checked through what a test sees. */
class AttributesTest {

    @Test
    void schemaBuildsTheMasterSchema() {
        assertPasses(FromSchema.class);
    }

    @Test
    void migrationsRunTheChainToTheLatestVersion() {
        assertPasses(FromMigrations.class);
    }

    @Test
    void targetStopsAtAVersion() {
        assertPasses(ToTarget.class);
    }

    @Test
    void formatNamesTheLayout() {
        assertPasses(FlywayFormat.class);
    }

    @Test
    void aFormatThatDoesNotFitTheFilesIsReported() {
        EngineExecutionResults results = Kit.run(WrongFormat.class);

        assertThat(Kit.failures(results)).singleElement().asString()
                .startsWith("AttributesTest$WrongFormat: ")
                .contains("001_customers.sql");
    }

    @Test
    void seedLoadsFixturesAndSqlFilesInOrder() {
        assertPasses(Seeded.class);
    }

    @Test
    void filePathsAreRelativeToTheModuleBaseDirectory() {
        assertPasses(FilePaths.class);
    }

    @Test
    void postgresAndProviderChooseTheServer() {
        assertPasses(ExplicitServer.class);
    }

    @Test
    void imageAndProviderMakeTheServerConfiguration() {
        SetupSpec spec = new SetupSpec("", "db/shop", Optional.empty(), "", List.of(), Optional.of(ProviderKind.DOCKER), 0,
                "postgis/postgis:17-3.5");
        ServerConfig config = spec.serverConfig();
        assertThat(config.provider()).isEqualTo(ProviderKind.DOCKER);
        assertThat(config.image()).isEqualTo("postgis/postgis:17-3.5");

        SetupSpec embedded16 = new SetupSpec("", "db/shop", Optional.empty(), "", List.of(),
                Optional.of(ProviderKind.EMBEDDED), 16, "");
        assertThat(embedded16.serverConfig().postgresVersion()).isEqualTo(16);
        assertThat(embedded16.serverConfig().provider()).isEqualTo(ProviderKind.EMBEDDED);
    }

    @Test
    void neitherSchemaNorMigrationsIsAnError() {
        EngineExecutionResults results = Kit.run(Neither.class);

        assertThat(Kit.failures(results)).containsExactly("AttributesTest$Neither: @MigratedDatabase on "
                + Neither.class.getName() + " is not valid: it sets neither schema nor migrations. Set exactly one:"
                + " schema = \"sql/init_schema.sql\" (a master schema script) or migrations = \"db/migrations\" (a"
                + " folder of migrations).");
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void schemaAndMigrationsTogetherIsAnError() {
        EngineExecutionResults results = Kit.run(Both.class);

        assertThat(Kit.failures(results)).containsExactly("AttributesTest$Both: @MigratedDatabase on "
                + Both.class.getName() + " is not valid: it sets both schema = \"schema/shop.sql\" and migrations ="
                + " \"db/shop\". Set exactly one: a class is built either from the master schema or from the migration"
                + " chain (compare the two with the schema assertions instead); target = \"2\" applies to migrations,"
                + " not to a schema script; remove it.");
    }

    @Test
    void aMissingLocationListsThePlacesSearched() {
        EngineExecutionResults results = Kit.run(Missing.class);

        Path workingDir = Path.of("").toAbsolutePath();
        assertThat(Kit.failures(results)).containsExactly("AttributesTest$Missing: @MigratedDatabase(migrations ="
                + " \"db/nowhere\") on " + Missing.class.getName() + ": No migrations found at 'db/nowhere': nothing"
                + " exists there. Searched:\n  "
                + workingDir.resolve("db/nowhere") + " (file system)\n  "
                + "classpath:db/nowhere (class path)\n"
                + "Check the spelling; a file path is resolved against the working directory " + workingDir
                + ", a 'classpath:' location against the class path.");
    }

    private static void assertPasses(Class<?> fixture) {
        EngineExecutionResults results = Kit.run(fixture);
        assertThat(Kit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isPositive();
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class FromSchema {
        @Test
        void hasTheSchemasTables(TestDatabase db) {
            assertThat(db.snapshot().tables()).extracting(t -> t.schema() + "." + t.name())
                    .containsExactlyInAnyOrder("public.customer", "public.orders");
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "classpath:db/shop")
    static class FromMigrations {
        @Test
        void isAtTheLatestVersion(dev.driftless.migration.Migrator migrator, TestDatabase db) {
            assertThat(migrator.currentVersion().toString()).isEqualTo("003");
            db.execute("INSERT INTO customer (name) VALUES ('x'); INSERT INTO orders (customer_id, price, price_cents) VALUES (1, 1, 100)");
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop", target = "2")
    static class ToTarget {
        @Test
        void isAtTheTargetVersion(dev.driftless.migration.Migrator migrator, TestDatabase db) {
            assertThat(migrator.currentVersion().toString()).isEqualTo("002");
            assertThat(db.snapshot().table("public.orders").orElseThrow().column("price_cents")).isEmpty();
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/flyway", format = Format.FLYWAY, engine = Engine.DRIFTLESS)
    static class FlywayFormat {
        @Test
        void ranTheFlywayChain(dev.driftless.migration.Migrator migrator) {
            assertThat(migrator.chain().layout()).contains(Layout.FLYWAY);
            assertThat(migrator.currentVersion().toString()).isEqualTo("2");
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop", format = Format.FLYWAY)
    static class WrongFormat {
        @Test
        void neverRuns() {
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop", target = "2", seed = {"fixtures/customers.yml", "fixtures/orders.yml", "fixtures/carol.sql"})
    static class Seeded {
        @Test
        void seesTheSeedRows(TestDatabase db) throws Exception {
            try (var c = db.connect(); var rs = c.createStatement().executeQuery(
                    "SELECT string_agg(name, ',' ORDER BY id), (SELECT count(*) FROM orders WHERE price = 10.50)"
                            + " FROM customer")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Alice,Bob,Carol");
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "src/test/resources/schema/shop.sql", seed = "src/test/resources/fixtures/customers.yml")
    static class FilePaths {
        @Test
        void readsFiles(TestDatabase db) {
            assertThat(db.snapshot().table("public.customer")).isPresent();
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql", provider = Provider.EMBEDDED, postgres = 17)
    static class ExplicitServer {
        @Test
        void runsOnEmbedded17(PostgresServer server, TestReporter reporter) {
            assertThat(server.provider()).isEqualTo(ProviderKind.EMBEDDED);
            assertThat(server.majorVersion()).isEqualTo(17);
        }
    }

    @FixtureClass
    @MigratedDatabase
    static class Neither {
        @Test
        void neverRuns() {
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql", migrations = "db/shop", target = "2")
    static class Both {
        @Test
        void neverRuns() {
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/nowhere")
    static class Missing {
        @Test
        void neverRuns() {
        }
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
