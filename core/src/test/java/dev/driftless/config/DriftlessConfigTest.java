package dev.driftless.config;

import dev.driftless.DriftlessException;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import dev.driftless.testing.GuideSnippets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriftlessConfigTest {

    @Test
    void systemPropertyBeatsEnvironmentBeatsPropertiesFile() {
        Properties system = properties(DriftlessConfig.POSTGRES_IMAGE, "from-system");
        Map<String, String> env = Map.of("DRIFTLESS_POSTGRES_IMAGE", "from-env", "DRIFTLESS_PROVIDER", "docker");
        Properties file = properties(DriftlessConfig.POSTGRES_IMAGE, "from-file");
        file.setProperty(DriftlessConfig.PROVIDER, "external");
        file.setProperty(DriftlessConfig.POSTGRES_VERSION, "16");

        DriftlessConfig config = DriftlessConfig.of(env, system, file);

        assertThat(config.get(DriftlessConfig.POSTGRES_IMAGE)).hasValue("from-system");
        assertThat(config.get(DriftlessConfig.PROVIDER)).hasValue("docker");
        assertThat(config.get(DriftlessConfig.POSTGRES_VERSION)).hasValue("16");
        assertThat(config.get(DriftlessConfig.JDBC_URL)).isEmpty();
    }

    @Test
    void blankValuesCountAsUnset() {
        DriftlessConfig config = DriftlessConfig.of(Map.of("DRIFTLESS_PROVIDER", "  "),
                properties(DriftlessConfig.PROVIDER, ""), properties(DriftlessConfig.PROVIDER, "embedded"));
        assertThat(config.get(DriftlessConfig.PROVIDER)).hasValue("embedded");
    }

    @Test
    void keysMapMechanicallyToEnvironmentVariables() {
        assertThat(DriftlessConfig.environmentName(DriftlessConfig.POSTGRES_IMAGE)).isEqualTo("DRIFTLESS_POSTGRES_IMAGE");
        assertThat(DriftlessConfig.environmentName(DriftlessConfig.JDBC_URL)).isEqualTo("DRIFTLESS_JDBC_URL");
        assertThat(DriftlessConfig.environmentName(DriftlessConfig.REQUIRE_DOCKER)).isEqualTo("DRIFTLESS_REQUIRE_DOCKER");
    }

    @Test
    void serverConfigReadsEveryServerKey() {
        Properties file = new Properties();
        file.setProperty(DriftlessConfig.PROVIDER, "EXTERNAL");
        file.setProperty(DriftlessConfig.JDBC_URL, "jdbc:postgresql://db/app");
        file.setProperty(DriftlessConfig.JDBC_USER, "ci");
        file.setProperty(DriftlessConfig.JDBC_PASSWORD, "pw");
        file.setProperty(DriftlessConfig.REUSE, "true");

        ServerConfig config = ServerConfig.from(DriftlessConfig.of(Map.of(), new Properties(), file));

        assertThat(config.provider()).isEqualTo(ProviderKind.EXTERNAL);
        assertThat(config.jdbcUrl()).hasValue("jdbc:postgresql://db/app");
        assertThat(config.user()).hasValue("ci");
        assertThat(config.reuse()).isTrue();
        assertThat(config.toString()).isEqualTo("ServerConfig[external, jdbc:postgresql://db/app, user ci, reuse]");
    }

    @Test
    void explainsAnUnknownProviderAndAMalformedVersion() {
        assertThatThrownBy(() -> ProviderKind.parse("podman"))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Unknown PostgreSQL provider 'podman' (driftless.provider). Use one of: auto, embedded,"
                        + " docker, external.");
        assertThatThrownBy(() -> ServerConfig.from(DriftlessConfig.of(Map.of("DRIFTLESS_POSTGRES_VERSION", "latest"),
                new Properties(), new Properties())))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("driftless.postgres.version must be a PostgreSQL major version such as 17, but is 'latest'.");
    }

    @Test
    void configurationsThatStartTheSameServerAreEqual() {
        ServerConfig embeddedFromEnvironment = ServerConfig.from(DriftlessConfig.of(
                Map.of("DRIFTLESS_PROVIDER", "embedded", "DRIFTLESS_POSTGRES_IMAGE", "postgres:15"),
                new Properties(), new Properties()));

        assertThat(embeddedFromEnvironment).isEqualTo(ServerConfig.embedded()).hasSameHashCodeAs(ServerConfig.embedded());
        assertThat(ServerConfig.embedded(16)).isNotEqualTo(ServerConfig.embedded());
        assertThat(ServerConfig.docker("postgres:15")).isEqualTo(ServerConfig.docker("postgres:15").withPostgresVersion(16))
                .isNotEqualTo(ServerConfig.docker("postgres:16"));
        assertThat(ServerConfig.embedded().withReuse(true)).isNotEqualTo(ServerConfig.embedded());
    }

    @Test
    void defaultsToAutoWithTheCurrentImageAndVersion() {
        ServerConfig config = ServerConfig.from(DriftlessConfig.of(Map.of(), new Properties(), new Properties()));
        assertThat(config.provider()).isEqualTo(ProviderKind.AUTO);
        assertThat(config.postgresVersion()).isEqualTo(17);
        assertThat(config.image()).isEqualTo("postgres:17");
    }

    @Test
    void readsWhereAndHowTheEmbeddedBinariesAreResolved() {
        ServerConfig configured = ServerConfig.from(DriftlessConfig.of(Map.of(
                "DRIFTLESS_PROVIDER", "embedded",
                "DRIFTLESS_MAVEN_SETTINGS", "/ci/settings.xml",
                "DRIFTLESS_EMBEDDED_REPOSITORY", "https://nexus.example.com/maven2"), new Properties(), new Properties()));
        ServerConfig defaults = ServerConfig.from(DriftlessConfig.of(Map.of(), new Properties(), new Properties()));

        assertThat(configured.mavenSettings()).hasValue(Path.of("/ci/settings.xml"));
        assertThat(configured.binaryRepository()).isEqualTo("https://nexus.example.com/maven2");
        assertThat(defaults.mavenSettings()).isEmpty();
        assertThat(defaults.binaryRepository()).isEqualTo("https://repo.maven.apache.org/maven2");
        assertThat(configured).isNotEqualTo(defaults.withProvider(ProviderKind.EMBEDDED));
    }

    @Test
    void docsListEveryKey() throws IOException, IllegalAccessException {
        String page = Files.readString(GuideSnippets.repositoryRoot().resolve("docs/configuration.md"));
        List<String> missing = new ArrayList<>();
        for (Field field : DriftlessConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String
                    && ((String) field.get(null)).startsWith("driftless.")
                    && !page.contains("| `" + field.get(null) + "` |")) {
                missing.add((String) field.get(null));
            }
        }
        assertThat(missing).as("keys docs/configuration.md does not list").isEmpty();
    }

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
