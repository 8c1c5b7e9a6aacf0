package dev.driftless.internal.migration.flyway;

import dev.driftless.migration.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link FlywaySources}: each source read, their precedence, connection settings left out, and unreadable files. */
class FlywaySourcesTest {

    @TempDir
    Path root;

    private FlywaySources.Resolved resolve(Map<String, String> explicit, Map<String, String> environment,
            List<String> files) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.resolve("classes").toUri().toURL()}, null)) {
            return FlywaySources.resolve(explicit, environment, files, loader, root);
        }
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), text);
    }

    @Test
    void eachSourceIsReadAndTheMoreSpecificOneWins() throws IOException {
        write("classes/application.properties", """
                spring.flyway.locations=classpath:db/migration,classpath:db/callbacks
                spring.flyway.default-schema=front_desk
                spring.flyway.placeholders.currency=CHF
                spring.flyway.placeholders.region=alps
                spring.flyway.url=jdbc:postgresql://production/studio
                """);
        write("classes/db/flyway.conf", """
                flyway.schemas=studio
                flyway.placeholders.currency=GBP
                flyway.placeholders.tenant=acme
                flyway.password=secret
                """);

        FlywaySources.Resolved resolved = resolve(Map.of("flyway.placeholders.tenant", "globex"),
                Map.of("FLYWAY_PLACEHOLDERS_CURRENCY", "USD", "FLYWAY_OUT_OF_ORDER", "true", "HOME", "/root"),
                List.of());

        assertThat(resolved.configFile()).isEqualTo("classpath:db/flyway.conf");
        assertThat(resolved.config()).containsExactly(
                Map.entry("flyway.defaultSchema", "front_desk"),
                Map.entry("flyway.locations", "classpath:db/migration,classpath:db/callbacks"),
                Map.entry("flyway.outOfOrder", "true"),
                Map.entry("flyway.placeholders.currency", "USD"),
                Map.entry("flyway.placeholders.region", "alps"),
                Map.entry("flyway.placeholders.tenant", "globex"),
                Map.entry("flyway.schemas", "studio"));
        assertThat(resolved.origins()).containsEntry("flyway.schemas", "classpath:db/flyway.conf")
                .containsEntry("flyway.placeholders.currency", "FLYWAY_* environment")
                .containsEntry("flyway.placeholders.region", "spring.flyway.* (application properties)")
                .containsEntry("flyway.placeholders.tenant", "the settings in code");
    }

    @Test
    void aNamedTomlFileIsReadWithTheTablesOfItsEnvironment() throws IOException {
        write("conf/flyway.toml", """
                [environments.test]
                url = "jdbc:postgresql://localhost/studio"
                schemas = ["studio", "audit"]

                [flyway]
                environment = "test"
                locations = ["filesystem:sql/migrations"] # the project's folder
                outOfOrder = true

                [flyway.placeholders]
                currency = "EUR"
                """);

        FlywaySources.Resolved resolved = resolve(Map.of(), Map.of(), List.of("conf/flyway.toml"));

        assertThat(resolved.config()).containsExactly(
                Map.entry("flyway.locations", "filesystem:sql/migrations"),
                Map.entry("flyway.outOfOrder", "true"),
                Map.entry("flyway.placeholders.currency", "EUR"),
                Map.entry("flyway.schemas", "studio,audit"));
    }

    @Test
    void withoutAnySourceNothingIsSet() throws IOException {
        FlywaySources.Resolved resolved = resolve(Map.of(), Map.of(), List.of());

        assertThat(resolved.config()).isEmpty();
        assertThat(resolved.configFile()).isNull();
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithItsLine() throws IOException {
        write("flyway.toml", """
                [flyway]
                locations = ["classpath:db/migration"]
                placeholders = { currency = "EUR" }
                """);

        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), List.of("flyway.toml")))
                .isInstanceOf(MigrationException.class)
                .hasMessage(root.resolve("flyway.toml") + ":3: cannot read this Flyway configuration: inline tables"
                        + " ({...}) are not read here; write a [table] instead");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), List.of("missing.conf")))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The Flyway configuration file missing.conf is not there (looked at "
                        + root.resolve("missing.conf") + ")");
    }
}
