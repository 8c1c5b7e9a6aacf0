package dev.driftless.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SelectedEngine} is what {@link EngineSelector#select()} picked: the engine, which kind it is, why, and, for
 * Driftless's own runner, the chain it read.
 *
 * @param engine the engine, never {@code null}
 * @param kind {@link Engine#DRIFTLESS}, {@link Engine#FLYWAY} or {@link Engine#LIQUIBASE}, never {@link Engine#AUTO}
 * @param reason why this engine, for the log, e.g. {@code "Flyway is on the class path and the folder has Flyway's file
 *     names (engine = DRIFTLESS uses Driftless's own runner)"}
 * @param chain the chain Driftless's own runner reads; empty for Flyway and Liquibase
 */
public record SelectedEngine(MigrationEngine engine, Engine kind, String reason, Optional<MigrationChain> chain) {

    /**
     * Checks the components.
     *
     * @param engine the value for the {@code engine} record component
     * @param kind the value for the {@code kind} record component
     * @param reason the value for the {@code reason} record component
     * @param chain the value for the {@code chain} record component
     */
    public SelectedEngine {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(chain, "chain");
        if (Objects.requireNonNull(kind, "kind") == Engine.AUTO) {
            throw new IllegalArgumentException("a selected engine has a kind other than AUTO");
        }
    }
}
