package dev.driftless.junit.internal;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code DatabaseBinding} lets a framework that gives a test its database itself (driftless-spring: the application
 * context's {@code DataSource} follows each test's copy) hand that database to the {@code @MigratedDatabase}
 * extension's parameters, so a test sees one database whichever way it asks for it. Implementations are found with
 * {@link java.util.ServiceLoader}; one whose framework is not on the class path is skipped.
 */
public interface DatabaseBinding {

    /**
     * Returns the database this framework bound to the test of a context.
     *
     * @param context the test's (or class's) extension context
     * @return the bound database, empty when this framework does not run the test's database
     * @throws IllegalStateException when it runs the test's database but none is bound at this point (a constructor
     *         parameter, say), with a message saying where to ask instead
     */
    Optional<Bound> bound(ExtensionContext context);

    /**
     * Tells whether a parameter is this framework's to resolve (Spring's {@code @Autowired} parameters), so that the
     * extension does not compete for it.
     *
     * @param parameter the parameter
     * @param context the extension context
     * @return {@code true} to leave it to the framework
     */
    boolean resolves(ParameterContext parameter, ExtensionContext context);

    /**
     * {@code Bound} is a database a framework bound to a test. The framework creates and drops it.
     *
     * @param database the test's database
     * @param server the server it lives on
     * @param dataSource the data source the framework's code uses for it, injected for {@code DataSource} parameters
     */
    record Bound(Database database, PostgresServer server, DataSource dataSource) {

        /**
         * Checks that no component is {@code null}.
         *
         * @param database the value for the {@code database} record component
         * @param server the value for the {@code server} record component
         * @param dataSource the value for the {@code dataSource} record component
         */
        public Bound {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(dataSource, "dataSource");
        }
    }
}
