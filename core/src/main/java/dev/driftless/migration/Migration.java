package dev.driftless.migration;

import dev.driftless.sql.SqlScript;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Migration} is one versioned step of a {@link MigrationChain}: its version, description, up script, optional
 * down script, and checksum. Immutable.
 *
 * <p>Whether it runs in a transaction is decided by its up script: {@link #isTransactional()}.
 */
public final class Migration {

    private final MigrationVersion version;
    private final String description;
    private final SqlScript up;
    private final SqlScript down;

    private Migration(MigrationVersion version, String description, SqlScript up, SqlScript down) {
        this.version = Objects.requireNonNull(version, "version");
        this.description = Objects.requireNonNull(description, "description");
        this.up = Objects.requireNonNull(up, "up");
        this.down = down;
        if (version.equals(MigrationVersion.EMPTY)) {
            throw new IllegalArgumentException("A migration cannot have the empty version; give " + up.name()
                    + " a version such as 1");
        }
    }

    /**
     * Makes a migration, e.g. to build a {@link MigrationChain} in code with {@link MigrationChain#of}.
     *
     * @param version its version, not {@link MigrationVersion#EMPTY}
     * @param description what it does, e.g. {@code add orders}
     * @param up the script that applies it
     * @param down the script that reverts it, or {@code null} when it cannot be reverted
     * @return the migration, never {@code null}
     */
    public static Migration of(MigrationVersion version, String description, SqlScript up, SqlScript down) {
        return new Migration(version, description, up, down);
    }

    /** @return the version, never {@code null} */
    public MigrationVersion version() {
        return version;
    }

    /** @return the description, e.g. {@code add orders}; may be empty, never {@code null} */
    public String description() {
        return description;
    }

    /** @return the script that applies this migration, never {@code null} */
    public SqlScript up() {
        return up;
    }

    /** @return the script that reverts this migration, empty when there is none */
    public Optional<SqlScript> down() {
        return Optional.ofNullable(down);
    }

    /** @return the SHA-256 checksum of the up script, as stored in the history table */
    public String checksum() {
        return up.checksum();
    }

    /**
     * Tells whether the up script runs in one transaction together with its history row. It does not when the layout
     * marks it so ({@code .autocommit.}, {@code transaction:false}, {@code run_in_transaction = false}, sqitch's psql
     * rule, ...), when it
     * manages its own {@code BEGIN}/{@code COMMIT}, or when it holds a statement PostgreSQL refuses inside a
     * transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...); each layout's rule is in
     * docs/migrations.md. A script with {@code COMMIT AND CHAIN} runs in one transaction but commits part-way
     * ({@link dev.driftless.sql.ParsedScript#chainedCommit()}).
     *
     * @return {@code true} when the migration is atomic
     * @throws dev.driftless.sql.ScriptException when the up script cannot be parsed
     */
    public boolean isTransactional() {
        return up.parse().runsInTransaction();
    }

    /** @return e.g. {@code 002 add orders (sql/migrations/002_add_orders.sql)} */
    @Override
    public String toString() {
        return version + (description.isEmpty() ? "" : " " + description) + " (" + up.name() + ")";
    }
}
