package dev.driftless.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ServerConfig} describes which PostgreSQL server to obtain and how Driftless works on it: the provider and
 * its settings, where caches and data directories go, how templates are copied. It is read once, at the edge
 * ({@link #fromEnvironment()} and the factories, which take this JVM's settings for everything they do not name, or
 * an annotation's or a command line's overrides on top); nothing below reads the configuration again.
 *
 * <p>Two equal configurations share one server per JVM (see {@link PostgresServer#shared(ServerConfig)}).
 * {@link #toString()} never shows a password or the owner key.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.fromEnvironment();                 // auto, as configured
 * ServerConfig config = ServerConfig.embedded(16);                      // embedded PostgreSQL 16
 * ServerConfig config = ServerConfig.docker("postgis/postgis:16-3.4");  // any compatible image
 * ServerConfig config = ServerConfig.external("jdbc:postgresql://db:5432/postgres", "ci", secret);
 * }</pre>
 */
public final class ServerConfig {

    /** How PostgreSQL 15 and later copy a template database ({@code CREATE DATABASE ... STRATEGY}). */
    public enum CloneStrategy {
        /** Copy the files; the faster for test-sized templates (see docs/performance.md). The default. */
        FILE_COPY,
        /** Copy through the write-ahead log, PostgreSQL's own default. */
        WAL_LOG
    }

    private static final int DEFAULT_PREFETCH = 2;

    private final ProviderKind provider;
    private final int postgresVersion;
    private final String image;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean reuse;
    private final Path cacheDir;
    private final Path dataParent;
    private final CloneStrategy cloneStrategy;
    private final int clonePrefetch;
    private final String ownerKey;
    private final String binaryRepository;
    private final Path mavenSettings;

    private ServerConfig(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.postgresVersion = b.postgresVersion;
        this.image = Objects.requireNonNull(b.image, "image");
        this.jdbcUrl = b.jdbcUrl;
        this.user = b.user;
        this.password = b.password;
        this.reuse = b.reuse;
        this.cacheDir = b.cacheDir;
        this.dataParent = b.dataParent;
        this.cloneStrategy = b.cloneStrategy;
        this.clonePrefetch = b.clonePrefetch;
        this.ownerKey = b.ownerKey;
        this.binaryRepository = b.binaryRepository;
        this.mavenSettings = b.mavenSettings;
    }

    /** A configuration for one provider, with this JVM's settings for everything else (cache folder, clones, ...). */
    private static ServerConfig of(ProviderKind provider, int postgresVersion, String image, String jdbcUrl,
                                   String user, String password) {
        Builder b = new Builder();
        b.withSettingsOf(DriftlessConfig.load());
        b.provider = provider;
        b.postgresVersion = postgresVersion;
        b.image = image;
        b.jdbcUrl = jdbcUrl;
        b.user = user;
        b.password = password;
        return b.build();
    }

    private Builder builder() {
        Builder b = new Builder();
        b.provider = provider;
        b.postgresVersion = postgresVersion;
        b.image = image;
        b.jdbcUrl = jdbcUrl;
        b.user = user;
        b.password = password;
        b.reuse = reuse;
        b.cacheDir = cacheDir;
        b.dataParent = dataParent;
        b.cloneStrategy = cloneStrategy;
        b.clonePrefetch = clonePrefetch;
        b.ownerKey = ownerKey;
        b.binaryRepository = binaryRepository;
        b.mavenSettings = mavenSettings;
        return b;
    }

    private ServerConfig with(java.util.function.Consumer<Builder> change) {
        Builder copy = builder();
        change.accept(copy);
        return copy.build();
    }

    /** The settings while a configuration is put together; never escapes this class. */
    private static final class Builder {
        private ProviderKind provider;
        private int postgresVersion;
        private String image;
        private String jdbcUrl;
        private String user;
        private String password;
        private boolean reuse;
        private Path cacheDir = Paths.get(System.getProperty("user.home"), ".cache", "driftless");
        private Path dataParent;
        private CloneStrategy cloneStrategy = CloneStrategy.FILE_COPY;
        private int clonePrefetch = DEFAULT_PREFETCH;
        private String ownerKey;
        private String binaryRepository = DriftlessConfig.DEFAULT_EMBEDDED_REPOSITORY;
        private Path mavenSettings;

        /** Takes the settings that do not choose a server: where caches go, how templates are copied. */
        private void withSettingsOf(DriftlessConfig config) {
            config.get(DriftlessConfig.CACHE_DIR).ifPresent(dir -> cacheDir = Paths.get(dir));
            config.get(DriftlessConfig.EMBEDDED_DATA_PARENT).ifPresent(dir -> dataParent = Paths.get(dir));
            config.get(DriftlessConfig.CLONE_STRATEGY).ifPresent(value -> cloneStrategy = parseStrategy(value));
            config.get(DriftlessConfig.CLONE_PREFETCH).ifPresent(value -> clonePrefetch = parsePrefetch(value));
            config.get(DriftlessConfig.OWNER_KEY).ifPresent(value -> ownerKey = value);
            config.get(DriftlessConfig.EMBEDDED_REPOSITORY).ifPresent(value -> binaryRepository = value);
            config.get(DriftlessConfig.MAVEN_SETTINGS).ifPresent(file -> mavenSettings = Paths.get(file));
        }

        private ServerConfig build() {
            return new ServerConfig(this);
        }
    }

    /**
     * Reads the configuration of this JVM (system properties, environment, {@code driftless.properties}).
     *
     * @return the configuration, {@code auto} unless configured otherwise
     * @throws DriftlessException when a value is malformed; the message names the key
     */
    public static ServerConfig fromEnvironment() {
        return from(DriftlessConfig.load());
    }

    /**
     * Builds the server configuration from resolved settings.
     *
     * @param config the resolved settings
     * @return the configuration
     * @throws DriftlessException when a value is malformed (an unknown provider, a version that is not a number, ...)
     */
    public static ServerConfig from(DriftlessConfig config) {
        ProviderKind provider = config.get(DriftlessConfig.PROVIDER).map(ProviderKind::parse).orElse(ProviderKind.AUTO);
        int version = config.get(DriftlessConfig.POSTGRES_VERSION).map(ServerConfig::parseMajor)
                .orElse(DriftlessConfig.DEFAULT_POSTGRES_VERSION);
        Builder b = new Builder();
        b.provider = provider;
        b.postgresVersion = version;
        b.image = config.get(DriftlessConfig.POSTGRES_IMAGE).orElse(DriftlessConfig.DEFAULT_IMAGE);
        b.jdbcUrl = config.get(DriftlessConfig.JDBC_URL).orElse(null);
        b.user = config.get(DriftlessConfig.JDBC_USER).orElse(null);
        b.password = config.get(DriftlessConfig.JDBC_PASSWORD).orElse(null);
        b.reuse = config.getBoolean(DriftlessConfig.REUSE, false);
        b.withSettingsOf(config);
        return b.build();
    }

    /**
     * The embedded provider with the given major version.
     *
     * @param majorVersion 14 to 18
     * @return the configuration
     */
    public static ServerConfig embedded(int majorVersion) {
        return of(ProviderKind.EMBEDDED, majorVersion, DriftlessConfig.DEFAULT_IMAGE, null, null, null);
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
        return of(ProviderKind.DOCKER, DriftlessConfig.DEFAULT_POSTGRES_VERSION, image, null, null, null);
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
        return of(ProviderKind.EXTERNAL, DriftlessConfig.DEFAULT_POSTGRES_VERSION, DriftlessConfig.DEFAULT_IMAGE,
                Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password);
    }

    /**
     * Returns a copy with another provider.
     *
     * @param newProvider the provider
     * @return the copy
     */
    public ServerConfig withProvider(ProviderKind newProvider) {
        return with(copy -> copy.provider = Objects.requireNonNull(newProvider, "provider"));
    }

    /**
     * Returns a copy with another embedded major version.
     *
     * @param majorVersion 14 to 18
     * @return the copy
     */
    public ServerConfig withPostgresVersion(int majorVersion) {
        return with(copy -> copy.postgresVersion = majorVersion);
    }

    /**
     * Returns a copy with another Docker image.
     *
     * @param newImage the image
     * @return the copy
     */
    public ServerConfig withImage(String newImage) {
        return with(copy -> copy.image = Objects.requireNonNull(newImage, "image"));
    }

    /**
     * Returns a copy that reaches a server the user runs, keeping every other setting.
     *
     * @param newJdbcUrl the JDBC URL of any database on that server
     * @param newUser a user with {@code CREATEDB}, or {@code null} for the URL's or {@code postgres}
     * @param newPassword the password, may be {@code null}
     * @return the copy, with the external provider
     */
    public ServerConfig withJdbcUrl(String newJdbcUrl, String newUser, String newPassword) {
        return with(copy -> {
            copy.provider = ProviderKind.EXTERNAL;
            copy.jdbcUrl = Objects.requireNonNull(newJdbcUrl, "jdbcUrl");
            copy.user = newUser;
            copy.password = newPassword;
        });
    }

    /**
     * Returns a copy that keeps the server's data between runs (embedded data directory, reusable container).
     *
     * @param newReuse whether to reuse
     * @return the copy
     */
    public ServerConfig withReuse(boolean newReuse) {
        return with(copy -> copy.reuse = newReuse);
    }

    /**
     * Returns a copy with another cache folder (binaries, reused data directories, the owner key).
     *
     * @param folder the folder
     * @return the copy
     */
    public ServerConfig withCacheDir(Path folder) {
        return with(copy -> copy.cacheDir = Objects.requireNonNull(folder, "folder"));
    }

    /**
     * Returns a copy whose throw-away embedded data directories go into another folder.
     *
     * @param folder the folder, or {@code null} for the default (memory where possible)
     * @return the copy
     */
    public ServerConfig withDataParent(Path folder) {
        return with(copy -> copy.dataParent = folder);
    }

    /**
     * Returns a copy that makes another number of template copies ahead of demand.
     *
     * @param copies 0 or more
     * @return the copy
     */
    public ServerConfig withClonePrefetch(int copies) {
        if (copies < 0) {
            throw new IllegalArgumentException("copies must be 0 or more, but is " + copies);
        }
        return with(copy -> copy.clonePrefetch = copies);
    }

    /**
     * Returns a copy that copies templates another way.
     *
     * @param strategy the strategy
     * @return the copy
     */
    public ServerConfig withCloneStrategy(CloneStrategy strategy) {
        return with(copy -> copy.cloneStrategy = Objects.requireNonNull(strategy, "strategy"));
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

    /** @return Driftless' cache folder ({@code driftless.cache.dir}, default {@code ~/.cache/driftless}) */
    public Path cacheDir() {
        return cacheDir;
    }

    /** @return where throw-away embedded data directories go ({@code driftless.embedded.data.parent}), if set */
    public Optional<Path> dataParent() {
        return Optional.ofNullable(dataParent);
    }

    /** @return how templates are copied ({@code driftless.clone.strategy}) */
    public CloneStrategy cloneStrategy() {
        return cloneStrategy;
    }

    /** @return how many copies of a template are made ahead of demand ({@code driftless.clone.prefetch}) */
    public int clonePrefetch() {
        return clonePrefetch;
    }

    /** @return the owner key ({@code driftless.owner.key}), if set; never print it */
    public Optional<String> ownerKey() {
        return Optional.ofNullable(ownerKey);
    }

    /** @return the Maven repository the embedded binaries are resolved from ({@code driftless.embedded.repository}) */
    public String binaryRepository() {
        return binaryRepository;
    }

    /** @return the Maven settings file the embedded binaries are resolved with ({@code driftless.maven.settings}), if set */
    public Optional<Path> mavenSettings() {
        return Optional.ofNullable(mavenSettings);
    }

    private static int parseMajor(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new DriftlessException("driftless.postgres.version must be a PostgreSQL major version such as 17, but is '"
                    + value + "'.");
        }
    }

    private static int parsePrefetch(String value) {
        try {
            int prefetch = Integer.parseInt(value);
            if (prefetch >= 0) {
                return prefetch;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new DriftlessException(DriftlessConfig.CLONE_PREFETCH + " must be a whole number of copies, 0 or more,"
                + " but is '" + value + "'.");
    }

    private static CloneStrategy parseStrategy(String value) {
        try {
            return CloneStrategy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DriftlessException(DriftlessConfig.CLONE_STRATEGY + " must be FILE_COPY or WAL_LOG, but is '"
                    + value + "'.");
        }
    }

    /**
     * Two configurations are equal when they would start the same server and use it the same way: only the settings
     * the provider uses count (an embedded configuration ignores the Docker image, a Docker one the embedded version,
     * and so on).
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
        List<Object> common = Arrays.asList(cacheDir, cloneStrategy, clonePrefetch, ownerKey);
        switch (provider) {
            case EMBEDDED:
                return List.of(postgresVersion, common, Optional.ofNullable(dataParent), binaryRepository,
                        Optional.ofNullable(mavenSettings));
            case DOCKER:
                return List.of(image, common);
            case EXTERNAL:
                return Arrays.asList(jdbcUrl, user, password, common);
            default:
                return Arrays.asList(postgresVersion, image, jdbcUrl, user, password, common, dataParent,
                        binaryRepository, mavenSettings);
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
                text.append(", ").append(Redaction.url(jdbcUrl)).append(", user ")
                        .append(user == null ? "postgres" : user);
                break;
            default:
                text.append(", postgres ").append(postgresVersion).append(", image ").append(image);
                if (jdbcUrl != null) {
                    text.append(", ").append(Redaction.url(jdbcUrl));
                }
        }
        if (reuse) {
            text.append(", reuse");
        }
        return text.append(']').toString();
    }
}
