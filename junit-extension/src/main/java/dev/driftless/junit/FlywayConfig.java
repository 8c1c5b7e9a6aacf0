package dev.driftless.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @FlywayConfig} is the Flyway configuration of a {@link MigratedDatabase} class built by the real Flyway
 * ({@link dev.driftless.migration.Engine#FLYWAY}, or {@link dev.driftless.migration.Engine#AUTO} on a folder with
 * Flyway's file names while {@code org.flywaydb:flyway-core} is on the test class path): the settings a project
 * keeps in {@code flyway.conf}, {@code flyway.toml} or {@code spring.flyway.*}, written as they are there. It is only
 * used as the value of {@link MigratedDatabase#flyway()}.
 *
 * <pre>{@code
 * @MigratedDatabase(migrations = "classpath:db/migration",
 *         flyway = @FlywayConfig(locations = "classpath:db/callbacks", placeholders = {"currency=EUR", "tenant=acme"}))
 * class InvoiceRepositoryTest { ... }
 * }</pre>
 *
 * <p>Every attribute left empty keeps what the project's own configuration says: the {@code FLYWAY_*} environment,
 * then a {@code flyway.toml}/{@code flyway.conf} beside the migrations (or the {@link #configFiles()}), then
 * {@code spring.flyway.*} in {@code application.yml}/{@code application.properties}, then Flyway's defaults. An
 * attribute set here wins over all of them. Connection settings are never read: Flyway migrates the database the
 * extension gives it. Everything Flyway reads (every resource in every location, these settings, the Java migration
 * classes) is part of the template's key, so changing a placeholder builds a new template.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface FlywayConfig {

    /**
     * {@code locations} are further Flyway locations after the {@link MigratedDatabase#migrations()} folder, e.g.
     * {@code {"classpath:db/callbacks", "classpath:db/java"}} for SQL callbacks ({@code afterMigrate.sql}) and Java
     * migrations; {@code classpath:} or {@code filesystem:} as in Flyway.
     *
     * @return the locations, none by default
     */
    String[] locations() default {};

    /**
     * {@code placeholders} are Flyway placeholders as {@code "name=value"}, e.g. {@code {"currency=EUR"}} for
     * {@code ${currency}}; Flyway's built-ins ({@code ${flyway:defaultSchema}}, ...) need none.
     *
     * @return the placeholders, none by default
     */
    String[] placeholders() default {};

    /**
     * {@code schemas} are the schemas Flyway manages (Flyway's {@code schemas}); the first is the default schema
     * unless {@link #defaultSchema()} is set.
     *
     * @return the schemas, none by default
     */
    String[] schemas() default {};

    /**
     * {@code defaultSchema} is the schema of Flyway's history table and of the migrations' {@code search_path}.
     *
     * @return the schema, empty for the configured one
     */
    String defaultSchema() default "";

    /**
     * {@code table} is the name of Flyway's history table.
     *
     * @return the table, empty for the configured one ({@code flyway_schema_history} by default)
     */
    String table() default "";

    /**
     * {@code outOfOrder} is {@code "true"} or {@code "false"}: whether Flyway applies a migration below the highest
     * applied one. Empty keeps the configured value (Flyway's default is {@code false}).
     *
     * @return {@code "true"}, {@code "false"} or empty
     */
    String outOfOrder() default "";

    /**
     * {@code configFiles} are {@code flyway.toml} or {@code flyway.conf} files, relative to the working directory, read
     * instead of the one found beside the migrations; later ones win.
     *
     * @return the files, none by default
     */
    String[] configFiles() default {};
}
