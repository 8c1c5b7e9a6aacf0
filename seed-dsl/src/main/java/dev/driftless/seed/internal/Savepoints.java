package dev.driftless.seed.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code Savepoints} runs one step of a load inside a savepoint of the load's transaction, so that a statement the
 * server refuses is undone alone and the load can go on to find out which row was refused, then report it.
 * One name serves: each step's savepoint is released or rolled back before the next one is set.
 *
 * @param connection the load's connection, in its transaction
 */
record Savepoints(Connection connection) {

    /** {@code Step} is work on the connection that the server may refuse. */
    @FunctionalInterface
    interface Step {
        /**
         * Runs the step.
         *
         * @throws SQLException when the server refuses it
         */
        void run() throws SQLException;
    }

    /**
     * Runs a step inside a savepoint.
     *
     * @param step the step
     * @return {@code null} when the step succeeded and the savepoint was released; else the failure, after the
     *     transaction was rolled back to the savepoint (so it can go on)
     * @throws SQLException when the savepoint itself cannot be set, released or rolled back to
     */
    SQLException attempt(Step step) throws SQLException {
        execute("SAVEPOINT driftless_seed");
        try {
            step.run();
        } catch (SQLException refused) {
            execute("ROLLBACK TO SAVEPOINT driftless_seed");
            execute("RELEASE SAVEPOINT driftless_seed");
            return refused;
        }
        execute("RELEASE SAVEPOINT driftless_seed");
        return null;
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
