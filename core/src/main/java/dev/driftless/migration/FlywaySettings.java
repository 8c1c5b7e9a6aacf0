package dev.driftless.migration;

import dev.driftless.internal.migration.flyway.FlywayEngine;
import dev.driftless.internal.migration.flyway.FlywaySources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code FlywaySettings} configures the real Flyway as a {@link MigrationEngine}, the way the user's project
 * configures it for production. Immutable; each {@code with...} returns new settings.
 *
 * <pre>{@code
 * MigrationEngine engine = FlywaySettings.defaults()
 *     .withLocations("classpath:db/migration", "classpath:db/callbacks")
 *     .withPlaceholder("tenant", "acme")
 *     .engine();
 * }</pre>
 *
 * <p>Besides the settings made here, the engine reads the user's own configuration, at least the locations,
 * placeholders and schemas of each source. Precedence, highest first:
 * <ol>
 * <li>the settings made here;</li>
 * <li>the {@code FLYWAY_*} environment ({@code FLYWAY_LOCATIONS}, {@code FLYWAY_PLACEHOLDERS_TENANT}, ...);</li>
 * <li>one configuration file: those named by {@link #withConfigFiles}, else the first {@code flyway.toml} or
 * {@code flyway.conf} found in a location's folder, its parent folder, or the working directory;</li>
 * <li>Spring Boot's {@code spring.flyway.*} in {@code application.yml} or {@code application.properties} on the class
 * path;</li>
 * <li>Flyway's defaults ({@code classpath:db/migration}, {@code flyway_schema_history}).</li>
 * </ol>
 * Connection settings (url, user, password) of every source are left out: the engine migrates the database Driftless
 * gives it.
 */
public final class FlywaySettings {

    private final Map<String, String> explicit;
    private final List<String> configFiles;
    private final Map<String, String> environment;
    private final ClassLoader classLoader;
    private final Path workingDirectory;

    private FlywaySettings(Map<String, String> explicit, List<String> configFiles, Map<String, String> environment,
            ClassLoader classLoader, Path workingDirectory) {
        this.explicit = Map.copyOf(explicit);
        this.configFiles = List.copyOf(configFiles);
        this.environment = environment == null ? null : Map.copyOf(environment);
        this.classLoader = classLoader;
        this.workingDirectory = workingDirectory;
    }

    /** @return settings that set nothing themselves: the user's configuration files, environment and Spring rule */
    public static FlywaySettings defaults() {
        return new FlywaySettings(Map.of(), List.of(), null, null, null);
    }

    /**
     * Sets any Flyway setting by its Flyway name, as in {@code flyway.conf}.
     *
     * @param name e.g. {@code flyway.sqlMigrationPrefix} or {@code sqlMigrationPrefix}
     * @param value its value; lists are comma-separated
     * @return new settings
     */
    public FlywaySettings with(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(explicit);
        String key = Objects.requireNonNull(name, "name").startsWith("flyway.") ? name : "flyway." + name;
        next.put(key, Objects.requireNonNull(value, "value"));
        return new FlywaySettings(next, configFiles, environment, classLoader, workingDirectory);
    }

    /**
     * @param locations Flyway locations, e.g. {@code classpath:db/migration}, {@code filesystem:sql/migrations}
     * @return new settings
     */
    public FlywaySettings withLocations(String... locations) {
        return with("flyway.locations", String.join(",", locations));
    }

    /**
     * Returns these settings with a location first, before the locations set in code ({@link EngineSelector} uses it
     * for the folder the user named).
     */
    FlywaySettings locatedAt(String location) {
        String more = explicit.get("flyway.locations");
        return with("flyway.locations", more == null || more.isBlank() ? location : location + "," + more);
    }

    /**
     * @param name the placeholder, as in {@code ${tenant}}
     * @param value its value
     * @return new settings
     */
    public FlywaySettings withPlaceholder(String name, String value) {
        return with("flyway.placeholders." + Objects.requireNonNull(name, "name"), value);
    }

    /**
     * @param schemas the schemas Flyway manages; the first is the default schema unless one is set
     * @return new settings
     */
    public FlywaySettings withSchemas(String... schemas) {
        return with("flyway.schemas", String.join(",", schemas));
    }

    /**
     * @param schema the schema of the history table and the migrations' {@code search_path}
     * @return new settings
     */
    public FlywaySettings withDefaultSchema(String schema) {
        return with("flyway.defaultSchema", schema);
    }

    /**
     * @param version the version {@link MigrationEngine#migrateToLatest} stops at, e.g. {@code 3}
     * @return new settings
     */
    public FlywaySettings withTarget(String version) {
        return with("flyway.target", version);
    }

    /**
     * @param allowed whether Flyway applies a pending migration below the highest applied one
     * @return new settings
     */
    public FlywaySettings withOutOfOrder(boolean allowed) {
        return with("flyway.outOfOrder", Boolean.toString(allowed));
    }

    /**
     * @param table the name of Flyway's history table, {@code flyway_schema_history} by default
     * @return new settings
     */
    public FlywaySettings withTable(String table) {
        return with("flyway.table", table);
    }

    /**
     * @param files {@code flyway.toml} or {@code flyway.conf} files, relative to the working directory; later ones win
     * @return new settings
     */
    public FlywaySettings withConfigFiles(String... files) {
        return new FlywaySettings(explicit, List.of(files), environment, classLoader, workingDirectory);
    }

    /**
     * @param variables the environment to read {@code FLYWAY_*} from instead of the process's
     * @return new settings
     */
    public FlywaySettings withEnvironment(Map<String, String> variables) {
        return new FlywaySettings(explicit, configFiles, Objects.requireNonNull(variables, "variables"), classLoader,
                workingDirectory);
    }

    /**
     * @param loader the class loader for {@code classpath:} locations, Java migrations and Spring's files, instead of
     *               the thread's context class loader
     * @return new settings
     */
    public FlywaySettings withClassLoader(ClassLoader loader) {
        return new FlywaySettings(explicit, configFiles, environment, Objects.requireNonNull(loader, "loader"),
                workingDirectory);
    }

    /**
     * @param directory where relative files and {@code filesystem:} locations are found, instead of the working
     *                  directory
     * @return new settings
     */
    public FlywaySettings withWorkingDirectory(Path directory) {
        return new FlywaySettings(explicit, configFiles, environment, classLoader,
                Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Makes the engine: merges the sources and checks that Flyway is on the class path.
     *
     * @return the engine, never {@code null}
     * @throws MigrationException when Flyway or its PostgreSQL support is not on the class path (the message says what
     *                            to add), or a configuration file cannot be read
     */
    public MigrationEngine engine() {
        ClassLoader loader = loader();
        OptionalLibraries.require(loader, OptionalLibraries.FLYWAY, "Flyway is not on the class path: add org.flywaydb:flyway-core"
                + " and org.flywaydb:flyway-database-postgresql (the same version, 10 or later) to the test"
                + " dependencies, or use Driftless's own runner (MigrationEngine.driftless(MigrationChain.at(...)))");
        OptionalLibraries.require(loader, OptionalLibraries.FLYWAY_POSTGRESQL, "Flyway's PostgreSQL support is"
                + " not on the class path: add org.flywaydb:flyway-database-postgresql, of the same version as"
                + " flyway-core");
        return FlywayEngine.create(config(loader), loader, directory());
    }

    /** @return the merged configuration of every source, as the engine hands it to Flyway; Flyway not needed */
    Map<String, String> config() {
        return config(loader());
    }

    private Map<String, String> config(ClassLoader loader) {
        return FlywaySources.resolve(explicit, environment != null ? environment : System.getenv(), configFiles, loader,
                directory()).config();
    }

    private Path directory() {
        return workingDirectory != null ? workingDirectory : Path.of("").toAbsolutePath();
    }

    private ClassLoader loader() {
        return OptionalLibraries.loader(classLoader);
    }

    /** @return e.g. {@code FlywaySettings[flyway.locations=classpath:db/migration]} */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        explicit.forEach((k, v) -> parts.add(k + "=" + v));
        return "FlywaySettings" + parts;
    }
}
