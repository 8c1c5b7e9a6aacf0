package dev.driftless.junit.internal;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.Provider;
import dev.driftless.migration.Layout;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;

import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
public record SetupSpec(String schema, String migrations, Optional<Layout> layout, String target, List<String> seeds,
                        Optional<ProviderKind> provider, int postgres, String image) {

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
     */
    public SetupSpec {
        seeds = List.copyOf(seeds);
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
                annotation.postgres(), annotation.image().trim());
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
        if (postgres != 0 && (postgres < 9 || postgres > 99)) {
            problems.add("postgres = " + postgres + " is not a PostgreSQL major version; use 14 to 18, or leave it out");
        }
        if (!problems.isEmpty()) {
            throw new DriftlessException("@MigratedDatabase on " + owner + " is not valid: "
                    + String.join("; ", problems) + ".");
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
        if (!seeds.isEmpty()) {
            text.append(", seed = ").append(seeds.size() == 1 ? "\"" + seeds.get(0) + "\""
                    : "{\"" + String.join("\", \"", seeds) + "\"}");
        }
        return text.toString();
    }
}
