package dev.driftless.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code DriftlessConfig} holds every configuration key Driftless reads, and resolves a key's value.
 *
 * <p>Precedence, highest first: a value set in code (an annotation attribute or a builder call, handled by the
 * caller), a system property ({@code -Ddriftless.postgres.image=...}), an environment variable (the key upper-cased
 * with dots as underscores: {@code DRIFTLESS_POSTGRES_IMAGE}), a {@code driftless.properties} file at the root of
 * the class path, then the built-in default.
 *
 * <p>Each key is documented once, here and in {@code docs/configuration.md}.
 */
public final class DriftlessConfig {

    /** Which provider supplies the PostgreSQL server: {@code auto} (default), {@code embedded}, {@code docker}, {@code external}. */
    public static final String PROVIDER = "driftless.provider";

    /** Major version of the embedded server: 14, 15, 16, 17 (default) or 18. */
    public static final String POSTGRES_VERSION = "driftless.postgres.version";

    /** Docker image for the {@code docker} provider; any PostgreSQL-compatible image (postgis, timescaledb, pgvector). */
    public static final String POSTGRES_IMAGE = "driftless.postgres.image";

    /** JDBC URL of a server the user runs; setting it makes {@code auto} choose the {@code external} provider. */
    public static final String JDBC_URL = "driftless.jdbc.url";

    /** User for {@link #JDBC_URL}; it needs the {@code CREATEDB} privilege. Default {@code postgres}. */
    public static final String JDBC_USER = "driftless.jdbc.user";

    /** Password for {@link #JDBC_URL}. Never logged. */
    public static final String JDBC_PASSWORD = "driftless.jdbc.password";

    /** {@code true} keeps the embedded data directory and the Docker container between runs, so templates are reused. */
    public static final String REUSE = "driftless.reuse";

    /** {@code true} makes the Docker-provider tests of Driftless itself fail instead of skip when Docker is absent. */
    public static final String REQUIRE_DOCKER = "driftless.require.docker";

    /**
     * Maven repository from which the embedded binaries are resolved when neither the class path nor the local Maven
     * repository has them, instead of Maven Central; the mirrors, proxies and credentials of the Maven settings apply to
     * it (its id is {@code driftless-embedded}). Default {@link #DEFAULT_EMBEDDED_REPOSITORY}.
     */
    public static final String EMBEDDED_REPOSITORY = "driftless.embedded.repository";

    /**
     * The Maven settings file through which the embedded binaries are resolved (local repository, offline, mirrors,
     * proxies, credentials), instead of {@code ~/.m2/settings.xml}. Default: Maven's own files.
     */
    public static final String MAVEN_SETTINGS = "driftless.maven.settings";

    /**
     * Folder in which the embedded server's throw-away data directory is created. Default {@code /dev/shm} (memory)
     * where it exists with 2 GB free, else the temporary folder. Reused data directories ({@link #REUSE}) live in the
     * cache folder instead.
     */
    public static final String EMBEDDED_DATA_PARENT = "driftless.embedded.data.parent";

    /** Folder for Driftless' caches (downloaded binaries, reused data directories). Default {@code ~/.cache/driftless}. */
    public static final String CACHE_DIR = "driftless.cache.dir";

    /**
     * How many copies of a template are made ahead of demand, in the background, once a template has been asked for a
     * copy. Default 2; 0 makes every copy on request.
     */
    public static final String CLONE_PREFETCH = "driftless.clone.prefetch";

    /**
     * How PostgreSQL 15+ copies a template: {@code FILE_COPY} (default; twice as fast as {@code WAL_LOG} for
     * test-sized templates in the clone benchmark) or {@code WAL_LOG} (PostgreSQL's own default).
     */
    public static final String CLONE_STRATEGY = "driftless.clone.strategy";

    /**
     * {@code true} keeps the database of a failed {@code @MigratedDatabase} test instead of dropping it, and publishes
     * its connection string (without password) as a report entry of that test. Default {@code false}. Also read as a
     * JUnit configuration parameter ({@code junit-platform.properties}) when no other source sets it.
     */
    public static final String KEEP_FAILED = "driftless.keepFailed";

    /**
     * Whether golden schema snapshots ({@code matchesSnapshot(path)} in the assertions module) are rewritten with the
     * current schema instead of compared. Default {@code false}; set {@code -Ddriftless.updateSnapshots=true} once to
     * accept a schema change, then review the snapshot file's diff.
     */
    public static final String UPDATE_SNAPSHOTS = "driftless.updateSnapshots";

    /**
     * The folder where assertions write their HTML reports (schema differences). Default {@code target/driftless},
     * relative to the working directory.
     */
    public static final String REPORT_DIR = "driftless.report.dir";

    /**
     * The secret with which Driftless signs the ownership marker of every database it creates, and checks it before
     * it copies, renames or drops one. Default: a random key in {@code owner.key} in the cache folder, made on first
     * use. Set the same value on every machine that shares one external server or reusable container, so that each
     * recognises (and cleans up) what the others made. Never logged.
     */
    public static final String OWNER_KEY = "driftless.owner.key";

    /** Default Docker image: a current official PostgreSQL image. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    /** Default {@link #EMBEDDED_REPOSITORY}: Maven Central, with the id {@code central}, so that mirrors of it apply. */
    public static final String DEFAULT_EMBEDDED_REPOSITORY = "https://repo.maven.apache.org/maven2";

    /** Default embedded major version. */
    public static final int DEFAULT_POSTGRES_VERSION = 17;

    private static final String PROPERTIES_FILE = "driftless.properties";

    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Properties fileProperties;

    private DriftlessConfig(Map<String, String> environment, Properties systemProperties, Properties fileProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.fileProperties = fileProperties;
    }

    /**
     * Reads the configuration of this JVM: system properties, environment and {@code driftless.properties}.
     *
     * @return the configuration, never {@code null}
     */
    public static DriftlessConfig load() {
        return new DriftlessConfig(System.getenv(), System.getProperties(), readPropertiesFile());
    }

    /**
     * Builds a configuration from explicit sources, for tests and tools that must not read the JVM's own.
     *
     * @param environment the environment variables
     * @param systemProperties the system properties
     * @param fileProperties the content of a {@code driftless.properties} file
     * @return the configuration, never {@code null}
     */
    public static DriftlessConfig of(Map<String, String> environment, Properties systemProperties, Properties fileProperties) {
        return new DriftlessConfig(Map.copyOf(environment), (Properties) systemProperties.clone(),
                (Properties) fileProperties.clone());
    }

    /**
     * Returns the environment variable that carries a key: {@code driftless.postgres.image} → {@code DRIFTLESS_POSTGRES_IMAGE}.
     *
     * @param key a configuration key
     * @return the variable's name
     */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /**
     * Resolves a key by precedence: system property, environment variable, {@code driftless.properties}.
     * Blank values count as unset.
     *
     * @param key a configuration key, one of the constants of this class
     * @return the value, or empty when no source sets it
     */
    public Optional<String> get(String key) {
        String value = systemProperties.getProperty(key);
        if (isBlank(value)) {
            value = environment.get(environmentName(key));
        }
        if (isBlank(value)) {
            value = fileProperties.getProperty(key);
        }
        return isBlank(value) ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Resolves a boolean key; only {@code true} (any case) is true.
     *
     * @param key a configuration key
     * @param defaultValue the value when no source sets it
     * @return the value
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(v -> v.equalsIgnoreCase("true")).orElse(defaultValue);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Properties readPropertiesFile() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = DriftlessConfig.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(PROPERTIES_FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PROPERTIES_FILE + " from the class path", e);
        }
        return properties;
    }
}
