package dev.driftless.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.internal.server.Secrets;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ServerConfig} describes which PostgreSQL server to obtain: the provider and its settings.
 *
 * <p>Two equal configurations share one server per JVM (see {@link PostgresServer#shared(ServerConfig)}).
 * {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.fromEnvironment();                 // auto, as configured
 * ServerConfig config = ServerConfig.embedded(16);                      // embedded PostgreSQL 16
 * ServerConfig config = ServerConfig.docker("postgis/postgis:16-3.4");  // any compatible image
 * ServerConfig config = ServerConfig.external("jdbc:postgresql://db:5432/postgres", "ci", secret);
 * }</pre>
 */
public final class ServerConfig {

    private final ProviderKind provider;
    private final int postgresVersion;
    private final String image;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean reuse;

    private ServerConfig(ProviderKind provider, int postgresVersion, String image, String jdbcUrl, String user,
                         String password, boolean reuse) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.postgresVersion = postgresVersion;
        this.image = Objects.requireNonNull(image, "image");
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.reuse = reuse;
    }

    /**
     * Reads the configuration of this JVM (system properties, environment, {@code driftless.properties}).
     *
     * @return the configuration, {@code auto} unless configured otherwise
     */
    public static ServerConfig fromEnvironment() {
        return from(DriftlessConfig.load());
    }

    /**
     * Builds the server configuration from resolved settings.
     *
     * @param config the resolved settings
     * @return the configuration
     * @throws DriftlessException when a value is malformed (an unknown provider, a version that is not a number)
     */
    public static ServerConfig from(DriftlessConfig config) {
        ProviderKind provider = config.get(DriftlessConfig.PROVIDER).map(ProviderKind::parse).orElse(ProviderKind.AUTO);
        int version = config.get(DriftlessConfig.POSTGRES_VERSION).map(ServerConfig::parseMajor)
                .orElse(DriftlessConfig.DEFAULT_POSTGRES_VERSION);
        return new ServerConfig(provider, version,
                config.get(DriftlessConfig.POSTGRES_IMAGE).orElse(DriftlessConfig.DEFAULT_IMAGE),
                config.get(DriftlessConfig.JDBC_URL).orElse(null),
                config.get(DriftlessConfig.JDBC_USER).orElse(null),
                config.get(DriftlessConfig.JDBC_PASSWORD).orElse(null),
                config.getBoolean(DriftlessConfig.REUSE, false));
    }

    /**
     * The embedded provider with the given major version.
     *
     * @param majorVersion 14 to 18
     * @return the configuration
     */
    public static ServerConfig embedded(int majorVersion) {
        return new ServerConfig(ProviderKind.EMBEDDED, majorVersion, DriftlessConfig.DEFAULT_IMAGE, null, null, null, false);
    }

    /**
     * The embedded provider with the default major version.
     *
     * @return the configuration
     */
    public static ServerConfig embedded() {
        return embedded(DriftlessConfig.DEFAULT_POSTGRES_VERSION);
    }

    /**
     * The Docker provider with the given image.
     *
     * @param image any PostgreSQL-compatible image, e.g. {@code postgres:17} or {@code timescale/timescaledb:latest-pg17}
     * @return the configuration
     */
    public static ServerConfig docker(String image) {
        return new ServerConfig(ProviderKind.DOCKER, DriftlessConfig.DEFAULT_POSTGRES_VERSION, image, null, null, null, false);
    }

    /**
     * The external provider: a server the user runs.
     *
     * @param jdbcUrl the JDBC URL of any database on that server (Driftless creates its own databases beside it)
     * @param user a user with the {@code CREATEDB} privilege
     * @param password that user's password, may be {@code null}
     * @return the configuration
     */
    public static ServerConfig external(String jdbcUrl, String user, String password) {
        return new ServerConfig(ProviderKind.EXTERNAL, DriftlessConfig.DEFAULT_POSTGRES_VERSION,
                DriftlessConfig.DEFAULT_IMAGE, Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password, false);
    }

    /**
     * Returns a copy with another provider.
     *
     * @param newProvider the provider
     * @return the copy
     */
    public ServerConfig withProvider(ProviderKind newProvider) {
        return new ServerConfig(newProvider, postgresVersion, image, jdbcUrl, user, password, reuse);
    }

    /**
     * Returns a copy with another embedded major version.
     *
     * @param majorVersion 14 to 18
     * @return the copy
     */
    public ServerConfig withPostgresVersion(int majorVersion) {
        return new ServerConfig(provider, majorVersion, image, jdbcUrl, user, password, reuse);
    }

    /**
     * Returns a copy with another Docker image.
     *
     * @param newImage the image
     * @return the copy
     */
    public ServerConfig withImage(String newImage) {
        return new ServerConfig(provider, postgresVersion, newImage, jdbcUrl, user, password, reuse);
    }

    /**
     * Returns a copy that keeps the server's data between runs (embedded data directory, reusable container).
     *
     * @param newReuse whether to reuse
     * @return the copy
     */
    public ServerConfig withReuse(boolean newReuse) {
        return new ServerConfig(provider, postgresVersion, image, jdbcUrl, user, password, newReuse);
    }

    /** @return the provider, never {@code null} */
    public ProviderKind provider() {
        return provider;
    }

    /** @return the embedded major version */
    public int postgresVersion() {
        return postgresVersion;
    }

    /** @return the Docker image, never {@code null} */
    public String image() {
        return image;
    }

    /** @return the external JDBC URL, if configured */
    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    /** @return the external user, if configured */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** @return the external password, if configured; never print it */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** @return whether server data is kept between runs */
    public boolean reuse() {
        return reuse;
    }

    private static int parseMajor(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new DriftlessException("driftless.postgres.version must be a PostgreSQL major version such as 17, but is '"
                    + value + "'.");
        }
    }

    /**
     * Two configurations are equal when they would start the same server: only the settings the provider uses count
     * (an embedded configuration ignores the Docker image, a Docker one the embedded version, and so on).
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServerConfig)) {
            return false;
        }
        ServerConfig that = (ServerConfig) o;
        return provider == that.provider && reuse == that.reuse && relevantSettings().equals(that.relevantSettings());
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, reuse, relevantSettings());
    }

    private List<Object> relevantSettings() {
        switch (provider) {
            case EMBEDDED:
                return List.of(postgresVersion);
            case DOCKER:
                return List.of(image);
            case EXTERNAL:
                return Arrays.asList(jdbcUrl, user, password);
            default:
                return Arrays.asList(postgresVersion, image, jdbcUrl, user, password);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ServerConfig[").append(provider.displayName());
        switch (provider) {
            case EMBEDDED:
                text.append(", postgres ").append(postgresVersion);
                break;
            case DOCKER:
                text.append(", image ").append(image);
                break;
            case EXTERNAL:
                text.append(", ").append(Secrets.redactUrl(jdbcUrl)).append(", user ")
                        .append(user == null ? "postgres" : user);
                break;
            default:
                text.append(", postgres ").append(postgresVersion).append(", image ").append(image);
                if (jdbcUrl != null) {
                    text.append(", ").append(Secrets.redactUrl(jdbcUrl));
                }
        }
        if (reuse) {
            text.append(", reuse");
        }
        return text.append(']').toString();
    }
}
