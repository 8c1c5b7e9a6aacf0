package dev.driftless.migration;

import dev.driftless.internal.migration.flyway.FlywaySources;
import dev.driftless.internal.migration.liquibase.LiquibaseEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code LiquibaseSettings} configures the real Liquibase (4.x) as a {@link MigrationEngine}, the way the user's
 * project configures it for production. Immutable; each {@code with...} returns new settings.
 *
 * <pre>{@code
 * MigrationEngine engine = LiquibaseSettings.defaults()
 *     .withChangelog("classpath:db/changelog/db.changelog-master.xml")
 *     .withContexts("test")
 *     .withParameter("currency", "EUR")
 *     .engine();
 * }</pre>
 *
 * <p>Each changeSet the contexts and labels select is one {@link Migration}: its version is its position in the
 * changelog, {@code 1} to {@code N}, and its description {@code id by author}, with the changelog file as the name of
 * its script. Settings made here win over Spring Boot's {@code spring.liquibase.*} ({@code change-log},
 * {@code contexts}, {@code label-filter}, {@code parameters.*}, {@code default-schema}) in {@code application.yml} or
 * {@code application.properties} on the class path, which win over Liquibase's and Spring's defaults (the changelog
 * {@code classpath:db/changelog/db.changelog-master.yaml}).
 */
public final class LiquibaseSettings {

    /** Spring Boot's default changelog, used when no source names one. */
    private static final String DEFAULT_CHANGELOG = "classpath:db/changelog/db.changelog-master.yaml";

    private final String changelog;
    private final List<String> contexts;
    private final List<String> labels;
    private final Map<String, String> parameters;
    private final String defaultSchema;
    private final ClassLoader classLoader;
    private final Path workingDirectory;

    private LiquibaseSettings(String changelog, List<String> contexts, List<String> labels,
            Map<String, String> parameters, String defaultSchema, ClassLoader classLoader, Path workingDirectory) {
        this.changelog = changelog;
        this.contexts = contexts == null ? null : List.copyOf(contexts);
        this.labels = labels == null ? null : List.copyOf(labels);
        this.parameters = Map.copyOf(parameters);
        this.defaultSchema = defaultSchema;
        this.classLoader = classLoader;
        this.workingDirectory = workingDirectory;
    }

    /** @return settings that set nothing themselves: Spring's {@code spring.liquibase.*}, else the defaults */
    public static LiquibaseSettings defaults() {
        return new LiquibaseSettings(null, null, null, Map.of(), null, null, null);
    }

    /**
     * @param location the master changelog: {@code classpath:db/changelog/db.changelog-master.yaml}, or a file path
     *                 (relative to the working directory), in XML, YAML, JSON or formatted SQL
     * @return new settings
     */
    public LiquibaseSettings withChangelog(String location) {
        return new LiquibaseSettings(Objects.requireNonNull(location, "location"), contexts, labels, parameters,
                defaultSchema, classLoader, workingDirectory);
    }

    /**
     * @param contexts the contexts Liquibase runs with, e.g. {@code test}; none (the default) runs every changeSet
     * @return new settings
     */
    public LiquibaseSettings withContexts(String... contexts) {
        return new LiquibaseSettings(changelog, List.of(contexts), labels, parameters, defaultSchema, classLoader,
                workingDirectory);
    }

    /**
     * @param labels the label expressions Liquibase filters with, e.g. {@code billing}; none runs every changeSet
     * @return new settings
     */
    public LiquibaseSettings withLabels(String... labels) {
        return new LiquibaseSettings(changelog, contexts, List.of(labels), parameters, defaultSchema, classLoader,
                workingDirectory);
    }

    /**
     * @param name a changelog parameter, as in {@code ${currency}}
     * @param value its value
     * @return new settings
     */
    public LiquibaseSettings withParameter(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(parameters);
        next.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new LiquibaseSettings(changelog, contexts, labels, next, defaultSchema, classLoader, workingDirectory);
    }

    /**
     * @param schema the schema Liquibase creates objects and its {@code databasechangelog} tables in
     * @return new settings
     */
    public LiquibaseSettings withDefaultSchema(String schema) {
        return new LiquibaseSettings(changelog, contexts, labels, parameters, Objects.requireNonNull(schema, "schema"),
                classLoader, workingDirectory);
    }

    /**
     * @param loader the class loader for {@code classpath:} changelogs and Spring's files, instead of the thread's
     *               context class loader
     * @return new settings
     */
    public LiquibaseSettings withClassLoader(ClassLoader loader) {
        return new LiquibaseSettings(changelog, contexts, labels, parameters, defaultSchema,
                Objects.requireNonNull(loader, "loader"), workingDirectory);
    }

    /**
     * @param directory where a changelog given as a relative file path is found, instead of the working directory
     * @return new settings
     */
    public LiquibaseSettings withWorkingDirectory(Path directory) {
        return new LiquibaseSettings(changelog, contexts, labels, parameters, defaultSchema, classLoader,
                Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Makes the engine: merges the settings with Spring's and checks that Liquibase is on the class path.
     *
     * @return the engine, never {@code null}
     * @throws MigrationException when Liquibase is not on the class path (the message says what to add), or Spring's
     *                            files cannot be read
     */
    public MigrationEngine engine() {
        ClassLoader loader = OptionalLibraries.loader(classLoader);
        OptionalLibraries.require(loader, OptionalLibraries.LIQUIBASE, "Liquibase is not on the class path: add"
                + " org.liquibase:liquibase-core (4.x) to the test dependencies, or use Driftless's own runner"
                + " (MigrationEngine.driftless(MigrationChain.at(...)))");
        Map<String, String> spring = FlywaySources.springProperties(loader, "spring.liquibase.");
        Map<String, String> mergedParameters = new LinkedHashMap<>();
        spring.forEach((k, v) -> {
            if (k.startsWith("parameters.")) {
                mergedParameters.put(k.substring("parameters.".length()), v);
            }
        });
        mergedParameters.putAll(parameters);
        String location = changelog != null ? changelog : spring.getOrDefault("change-log", DEFAULT_CHANGELOG);
        Path directory = workingDirectory != null ? workingDirectory : Path.of("").toAbsolutePath();
        return LiquibaseEngine.create(location,
                contexts != null ? contexts : split(spring.get("contexts")),
                labels != null ? labels : split(spring.get("label-filter")),
                mergedParameters, defaultSchema != null ? defaultSchema : spring.get("default-schema"), loader,
                directory);
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** @return e.g. {@code LiquibaseSettings[changelog=classpath:db/changelog/db.changelog-master.xml]} */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (changelog != null) {
            parts.add("changelog=" + changelog);
        }
        if (contexts != null) {
            parts.add("contexts=" + String.join(",", contexts));
        }
        if (labels != null) {
            parts.add("labels=" + String.join(",", labels));
        }
        parameters.forEach((k, v) -> parts.add("parameter " + k + "=" + v));
        if (defaultSchema != null) {
            parts.add("defaultSchema=" + defaultSchema);
        }
        return "LiquibaseSettings" + parts;
    }
}
