package dev.driftless.junit.internal;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.Provider;
import dev.driftless.migration.Engine;
import dev.driftless.migration.Layout;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;

import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SetupSpec} is what a {@code @MigratedDatabase} asks for, apart from isolation: the same spec in several classes
 * means the same template. Immutable.
 *
 * @param schema the master schema location, or empty
 * @param migrations the migration chain location, or empty
 * @param layout the explicit layout, empty for detection
 * @param target the target version, or empty for the latest
 * @param seeds the fixture locations, in order
 * @param provider the provider kind, empty for the configured one
 * @param postgres the embedded major version, 0 for the configured one
 * @param image the Docker image, or empty for the configured one
 * @param engine the engine asked for, {@link Engine#AUTO} to pick one from the migrations
 * @param flyway the Flyway settings, {@link FlywaySpec#NONE} when none is set
 * @param liquibase the Liquibase settings, {@link LiquibaseSpec#NONE} when none is set
 */
public record SetupSpec(String schema, String migrations, Optional<Layout> layout, String target, List<String> seeds,
                        Optional<ProviderKind> provider, int postgres, String image, Engine engine, FlywaySpec flyway,
                        LiquibaseSpec liquibase) {

    /**
     * Copies the seed list.
     *
     * @param schema the value for the {@code schema} record component
     * @param migrations the value for the {@code migrations} record component
     * @param layout the value for the {@code layout} record component
     * @param target the value for the {@code target} record component
     * @param seeds the value for the {@code seeds} record component
     * @param provider the value for the {@code provider} record component
     * @param postgres the value for the {@code postgres} record component
     * @param image the value for the {@code image} record component
     * @param engine the value for the {@code engine} record component
     * @param flyway the value for the {@code flyway} record component
     * @param liquibase the value for the {@code liquibase} record component
     */
    public SetupSpec {
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(flyway, "flyway");
        Objects.requireNonNull(liquibase, "liquibase");
    }

    /**
     * Makes a spec with {@link Engine#AUTO} and no Flyway or Liquibase settings.
     *
     * @param schema the master schema location, or empty
     * @param migrations the migration chain location, or empty
     * @param layout the explicit layout, empty for detection
     * @param target the target version, or empty for the latest
     * @param seeds the fixture locations, in order
     * @param provider the provider kind, empty for the configured one
     * @param postgres the embedded major version, 0 for the configured one
     * @param image the Docker image, or empty for the configured one
     */
    public SetupSpec(String schema, String migrations, Optional<Layout> layout, String target, List<String> seeds,
            Optional<ProviderKind> provider, int postgres, String image) {
        this(schema, migrations, layout, target, seeds, provider, postgres, image, Engine.AUTO, FlywaySpec.NONE,
                LiquibaseSpec.NONE);
    }

    /**
     * Reads the spec an annotation asks for.
     *
     * @param annotation the annotation
     * @return its spec, attributes trimmed
     */
    public static SetupSpec of(MigratedDatabase annotation) {
        return new SetupSpec(annotation.schema().trim(), annotation.migrations().trim(), annotation.format().layout(),
                annotation.target().trim(), Arrays.stream(annotation.seed()).map(String::trim).toList(),
                annotation.provider() == Provider.CONFIGURED ? Optional.empty()
                        : Optional.of(ProviderKind.valueOf(annotation.provider().name())),
                annotation.postgres(), annotation.image().trim(), annotation.engine(),
                FlywaySpec.of(annotation.flyway()), LiquibaseSpec.of(annotation.liquibase()));
    }

    /**
     * Finds the annotation that applies to a class: its own (direct or composed), else its superclasses' (inherited),
     * else its enclosing class's for a {@code @Nested} (inner) class. The JUnit extension and the Spring integration
     * both look it up here, so a class means the same setup to both.
     *
     * @param testClass the test class
     * @return the annotation, empty when none applies
     */
    public static Optional<MigratedDatabase> findAnnotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = isInner(c) ? c.getEnclosingClass() : null) {
            Optional<MigratedDatabase> found = AnnotationSupport.findAnnotation(c, MigratedDatabase.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean isInner(Class<?> c) {
        return c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers());
    }

    /**
     * Checks the attributes' combination.
     *
     * @param owner the annotated class, for the message
     * @throws DriftlessException naming every problem and the fix
     */
    public void validate(String owner) {
        List<String> problems = new ArrayList<>();
        if (schema.isBlank() && migrations.isBlank()) {
            problems.add("it sets neither schema nor migrations. Set exactly one: schema = \"sql/init_schema.sql\" (a master"
                    + " schema script) or migrations = \"db/migrations\" (a folder of migrations)");
        } else if (!schema.isBlank() && !migrations.isBlank()) {
            problems.add("it sets both schema = \"" + schema + "\" and migrations = \"" + migrations + "\". Set exactly one:"
                    + " a class is built either from the master schema or from the migration chain (compare the two with"
                    + " the schema assertions instead)");
        }
        if (!schema.isBlank() && layout.isPresent()) {
            problems.add("format = " + layout.get() + " applies to migrations, not to a schema script; remove it");
        }
        if (!schema.isBlank() && !target.isBlank()) {
            problems.add("target = \"" + target + "\" applies to migrations, not to a schema script; remove it");
        }
        if (!schema.isBlank()) {
            if (engine != Engine.AUTO) {
                problems.add("engine = " + engine + " applies to migrations, not to a schema script; remove it");
            }
            if (flyway.isSet()) {
                problems.add(flyway.describe() + " applies to migrations, not to a schema script; remove it");
            }
            if (liquibase.isSet()) {
                problems.add(liquibase.describe() + " applies to migrations, not to a schema script; remove it");
            }
        } else {
            engineProblems(problems);
        }
        flyway.problems(problems);
        liquibase.problems(problems);
        if (postgres != 0 && (postgres < 9 || postgres > 99)) {
            problems.add("postgres = " + postgres + " is not a PostgreSQL major version; use 14 to 18, or leave it out");
        }
        if (!problems.isEmpty()) {
            throw new DriftlessException("@MigratedDatabase on " + owner + " is not valid: "
                    + String.join("; ", problems) + ".");
        }
    }

    /** The combinations of engine, format and engine settings a chain cannot have. */
    private void engineProblems(List<String> problems) {
        if (flyway.isSet() && (engine == Engine.DRIFTLESS || engine == Engine.LIQUIBASE)) {
            problems.add(flyway.describe() + " configures Flyway, but engine = " + engine + " does not run Flyway;"
                    + " remove it, or use engine = FLYWAY");
        }
        if (liquibase.isSet() && (engine == Engine.DRIFTLESS || engine == Engine.FLYWAY)) {
            problems.add(liquibase.describe() + " configures Liquibase, but engine = " + engine + " does not run"
                    + " Liquibase; remove it, or use engine = LIQUIBASE");
        }
        if (flyway.isSet() && liquibase.isSet() && engine == Engine.AUTO) {
            problems.add("it sets both " + flyway.describe() + " and " + liquibase.describe() + ", but one engine"
                    + " builds a chain; keep the settings of the engine your project uses");
        }
        if (layout.isPresent() && (engine == Engine.LIQUIBASE
                || engine == Engine.FLYWAY && layout.get() != Layout.FLYWAY)) {
            problems.add("format = " + layout.get() + " is a layout of Driftless's own runner, but engine = " + engine
                    + " reads " + (engine == Engine.FLYWAY ? "Flyway's file names" : "a Liquibase changelog")
                    + "; remove it");
        }
    }

    /**
     * Returns the server configuration: the JVM's, overridden by the attributes that are set.
     *
     * @return the configuration
     */
    public ServerConfig serverConfig() {
        ServerConfig config = ServerConfig.from(DriftlessConfig.load());
        if (provider.isPresent()) {
            config = config.withProvider(provider.get());
        }
        if (postgres != 0) {
            config = config.withPostgresVersion(postgres);
        }
        if (!image.isBlank()) {
            config = config.withImage(image);
        }
        return config;
    }

    /** @return the attributes that shape the template, as written in the annotation, for messages and labels */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!schema.isBlank()) {
            text.append("schema = \"").append(schema).append('"');
        } else {
            text.append("migrations = \"").append(migrations).append('"');
        }
        layout.ifPresent(l -> text.append(", format = ").append(l.name()));
        if (!target.isBlank()) {
            text.append(", target = \"").append(target).append('"');
        }
        if (engine != Engine.AUTO) {
            text.append(", engine = ").append(engine.name());
        }
        if (flyway.isSet()) {
            text.append(", ").append(flyway.describe());
        }
        if (liquibase.isSet()) {
            text.append(", ").append(liquibase.describe());
        }
        if (!seeds.isEmpty()) {
            text.append(", seed = ").append(seeds.size() == 1 ? "\"" + seeds.get(0) + "\""
                    : "{\"" + String.join("\", \"", seeds) + "\"}");
        }
        return text.toString();
    }
}
