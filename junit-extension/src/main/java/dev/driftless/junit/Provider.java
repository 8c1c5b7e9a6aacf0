package dev.driftless.junit;

/**
 * {@code Provider} says where the PostgreSQL server of a {@link MigratedDatabase} class comes from.
 *
 * <p>{@link #CONFIGURED} (the default) follows {@code driftless.provider}; the other values override it for the class.
 */
public enum Provider {

    /** As configured by {@code driftless.provider} (system property, environment, {@code driftless.properties}); {@code auto} unless set. */
    CONFIGURED,

    /** External if {@code driftless.jdbc.url} is set, else Docker if an engine answers, else embedded. */
    AUTO,

    /** zonky's embedded PostgreSQL binaries, run as a child process; needs no Docker. */
    EMBEDDED,

    /** A Testcontainers container from {@link MigratedDatabase#image()} or {@code driftless.postgres.image}. */
    DOCKER,

    /** A server you run, reached through {@code driftless.jdbc.url}. */
    EXTERNAL
}
