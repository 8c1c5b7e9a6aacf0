package dev.driftless.migration;

/**
 * The one place that finds out whether an optional library (Flyway, Liquibase) is on the class path, for the engine
 * settings and {@link EngineSelector}, with the same class loader rule everywhere.
 */
final class OptionalLibraries {

    /** A class of flyway-core: its presence is what "Flyway is on the class path" means. */
    static final String FLYWAY = "org.flywaydb.core.Flyway";

    /** A class of flyway-database-postgresql, Flyway's PostgreSQL support (a separate artifact since Flyway 10). */
    static final String FLYWAY_POSTGRESQL = "org.flywaydb.database.postgresql.PostgreSQLDatabaseType";

    /** A class of liquibase-core. */
    static final String LIQUIBASE = "liquibase.Liquibase";

    private OptionalLibraries() {
    }

    /**
     * @param explicit the class loader the user gave, or {@code null}
     * @return it, else the thread's context class loader, else the one that loaded Driftless
     */
    static ClassLoader loader(ClassLoader explicit) {
        if (explicit != null) {
            return explicit;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : OptionalLibraries.class.getClassLoader();
    }

    /**
     * @param loader the class loader to look in
     * @param className the class that stands for the library
     * @return whether the class can be loaded (it is not initialised)
     */
    static boolean present(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param loader the class loader to look in
     * @param className the class that stands for the library
     * @param message what to add, for the user, when it is missing
     * @throws MigrationException with the message, when the class cannot be loaded
     */
    static void require(ClassLoader loader, String className, String message) {
        if (!present(loader, className)) {
            throw new MigrationException(message);
        }
    }
}
