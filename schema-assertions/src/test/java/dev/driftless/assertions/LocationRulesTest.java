package dev.driftless.assertions;

import dev.driftless.migration.MigrationChain;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.Seeder;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One set of lookup rules for every kind of file: a schema script, a migration chain, a fixture and expected data are
 * found alike, written as {@code classpath:}, as a plain path found on the class path, as {@code filesystem:}, or as a
 * relative path found in the module's base directory (Maven's {@code basedir}) rather than the working directory.
 */
class LocationRulesTest {

    private static final List<String> FILES = List.of("schema.sql", "migrations/001_party.sql", "fixture.yml",
            "expected.yml");

    private static PostgresServer server;

    @TempDir
    static Path moduleDir;

    private Database database;
    private String basedir;

    @BeforeAll
    static void copyTheFilesIntoAnotherFolder() throws IOException {
        server = TestServers.embedded();
        for (String file : FILES) {
            Path target = moduleDir.resolve("elsewhere/locations").resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = LocationRulesTest.class.getResourceAsStream("/locations/" + file)) {
                Files.copy(in, target);
            }
        }
    }

    @AfterEach
    void cleanUp() {
        if (basedir == null) {
            System.clearProperty("basedir");
        } else {
            System.setProperty("basedir", basedir);
        }
        if (database != null) {
            server.drop(database);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"classpath:locations/", "locations/", "filesystem:ABSOLUTE", "BASEDIR"})
    void everyKindOfFileIsFoundTheSameWay(String form) throws Exception {
        basedir = System.getProperty("basedir");
        String prefix = switch (form) {
            case "filesystem:ABSOLUTE" -> "filesystem:" + moduleDir.resolve("elsewhere/locations") + "/";
            case "BASEDIR" -> {
                // A relative path that exists only below the module's base directory, not the working directory.
                System.setProperty("basedir", moduleDir.resolve("elsewhere").toString());
                yield "locations/";
            }
            default -> form;
        };
        if (form.equals("locations/")) {
            assertThat(Path.of("locations")).as("only on the class path, not in the working directory").doesNotExist();
        }

        SqlScript schema = SqlScript.at(prefix + "schema.sql");
        MigrationChain chain = MigrationChain.at(prefix + "migrations");
        Fixture fixture = Fixture.of(prefix + "fixture.yml");

        assertThat(chain.migrations()).hasSize(1);
        database = server.createDatabase();
        try (Connection connection = database.connect()) {
            ScriptRunner.create().run(schema, connection);
        }
        Seeder.on(database).load(fixture);
        assertThat(table(database.dataSource(), "party")).matchesFixture(prefix + "expected.yml");
    }
}
