package dev.driftless.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @LiquibaseConfig} is the Liquibase configuration of a {@link MigratedDatabase} class built by the real
 * Liquibase ({@link dev.driftless.migration.Engine#LIQUIBASE}, or {@link dev.driftless.migration.Engine#AUTO} on a
 * changelog file while {@code org.liquibase:liquibase-core} 4.x is on the test class path), written as a Liquibase
 * user passes them to {@code update}. It is only used as the value of {@link MigratedDatabase#liquibase()}.
 *
 * <pre>{@code
 * @MigratedDatabase(migrations = "classpath:db/changelog/db.changelog-master.yaml",
 *         liquibase = @LiquibaseConfig(contexts = "test", parameters = "currency=EUR"))
 * class InvoiceRepositoryTest { ... }
 * }</pre>
 *
 * <p>{@link MigratedDatabase#target()} is then a changeSet count or a tag, as the Liquibase engine reads it. These
 * settings are part of the template's key, so changing a context or a parameter builds a new template.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface LiquibaseConfig {

    /**
     * {@code contexts} are the Liquibase contexts to run, e.g. {@code {"test"}}; changeSets of other contexts are
     * left out.
     *
     * @return the contexts, none by default (every changeSet runs)
     */
    String[] contexts() default {};

    /**
     * {@code labels} are Liquibase label expressions, e.g. {@code {"!slow"}}.
     *
     * @return the labels, none by default
     */
    String[] labels() default {};

    /**
     * {@code parameters} are changelog parameters as {@code "name=value"}, e.g. {@code {"currency=EUR"}} for
     * {@code ${currency}}.
     *
     * @return the parameters, none by default
     */
    String[] parameters() default {};

    /**
     * {@code defaultSchema} is the schema Liquibase creates objects and its {@code databasechangelog} in.
     *
     * @return the schema, empty for the connection's default
     */
    String defaultSchema() default "";
}
