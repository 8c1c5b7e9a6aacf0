package dev.driftless.server;

import dev.driftless.DriftlessException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code ProviderKind} says where a {@link PostgresServer} comes from.
 */
public enum ProviderKind {
    /** External if {@code driftless.jdbc.url} is set, else Docker if an engine answers, else embedded. */
    AUTO,
    /**
     * zonky's PostgreSQL binaries for this platform, resolved through the Maven settings, run as a child process;
     * needs no Docker.
     */
    EMBEDDED,
    /** A Testcontainers {@code PostgreSQLContainer} from any PostgreSQL-compatible image. */
    DOCKER,
    /** A server the user already runs; Driftless only touches the databases it creates there. */
    EXTERNAL;

    /**
     * Parses a provider name as written in configuration ({@code auto}, {@code embedded}, {@code docker},
     * {@code external}), ignoring case.
     *
     * @param name the name
     * @return the provider kind
     * @throws DriftlessException naming the accepted values when {@code name} is none of them
     */
    public static ProviderKind parse(String name) {
        for (ProviderKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name.trim())) {
                return kind;
            }
        }
        throw new DriftlessException("Unknown PostgreSQL provider '" + name + "' (driftless.provider). Use one of: "
                + Arrays.stream(values()).map(ProviderKind::displayName).collect(Collectors.joining(", ")) + ".");
    }

    /**
     * Returns the name as written in configuration.
     *
     * @return the lower-case name
     */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
