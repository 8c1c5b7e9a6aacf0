package dev.driftless.migration;

import dev.driftless.DriftlessException;

import java.util.Optional;

/**
 * {@code MigrationException} reports a problem with a migration chain or a migration run: an invalid chain (duplicate
 * versions, a down script without its up, a file fitting no pattern), a missing location, a failed migration, or a
 * down migration that cannot be done. Its message names every file involved and what to do.
 *
 * <p>When a {@link Migrator} run fails or refuses after it took the migration lock, {@link #completed()} tells what
 * that run had done before, e.g. the two migrations it applied before the third failed.
 */
public class MigrationException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    private final transient MigrationResult completed;

    /**
     * Creates an exception with a message for people.
     *
     * @param message what went wrong, naming the files involved, and what to do
     */
    public MigrationException(String message) {
        this(message, null, null);
    }

    /**
     * Creates an exception with a message for people and its cause.
     *
     * @param message what went wrong, naming the files involved, and what to do
     * @param cause the underlying failure, e.g. the script's {@code ScriptException}
     */
    public MigrationException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * Creates an exception of a migration run that stopped, with what the run had done before.
     *
     * @param message what went wrong, naming the files involved, and what to do
     * @param cause the underlying failure, or {@code null}
     * @param completed what the run had done and committed before it stopped, or {@code null} when unknown
     */
    public MigrationException(String message, Throwable cause, MigrationResult completed) {
        super(message, cause);
        this.completed = completed;
    }

    /**
     * {@code completed} is what the failed run had done before it stopped: the migrations it applied and reverted
     * (each committed with its history row) and the version the database counts as being at now. It is empty for
     * problems found before a run took the migration lock (an invalid chain, an unreachable database), and for an
     * exception that was serialized.
     *
     * @return what the run had done, with {@link MigrationResult#didNothing()} when it changed nothing
     */
    public Optional<MigrationResult> completed() {
        return Optional.ofNullable(completed);
    }
}
