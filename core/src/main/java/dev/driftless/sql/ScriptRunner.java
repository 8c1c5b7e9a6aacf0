package dev.driftless.sql;

import dev.driftless.internal.sql.ScriptExecutor;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code ScriptRunner} runs {@link SqlScript}s on a JDBC connection the way {@code psql -v ON_ERROR_STOP=1 -f} would,
 * without psql: statements, COPY data, includes and variables. Immutable and thread-safe; one runner can run many
 * scripts.
 *
 * <pre>{@code
 * try (Connection c = database.connect()) {
 *     ScriptRunner.create().withVariable("owner", "app").run(SqlScript.at("db/schema.sql"), c);
 * }
 * }</pre>
 */
public final class ScriptRunner {

    private final Map<String, String> variables;

    private ScriptRunner(Map<String, String> variables) {
        this.variables = variables;
    }

    /** @return a runner without variables */
    public static ScriptRunner create() {
        return new ScriptRunner(Map.of());
    }

    /**
     * Sets a psql variable before scripts run, like {@code psql -v name=value}; scripts use it as {@code :name},
     * {@code :'name'} (a string literal) or {@code :"name"} (a quoted identifier).
     *
     * @param name the variable's name
     * @param value its value
     * @return a copy of this runner with the variable set
     */
    public ScriptRunner withVariable(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(variables);
        copy.put(name, value);
        return new ScriptRunner(Map.copyOf(copy));
    }

    /**
     * Runs a script on a connection.
     * <ul>
     * <li>Connection in autocommit mode and the script {@linkplain ParsedScript#runsInTransaction() runs in a
     * transaction}: the runner wraps the whole script in one transaction: commit on success, rollback on failure;
     * the connection is left in autocommit mode.</li>
     * <li>Connection not in autocommit mode: the caller owns the transaction; statements run in it and the runner
     * neither commits nor rolls back. A script that cannot run in a transaction fails before anything runs.</li>
     * <li>A script that does not run in a transaction runs statement by statement in autocommit (its own
     * {@code BEGIN}/{@code COMMIT} work as written; a transaction it leaves open on failure is rolled back). This is
     * logged once.</li>
     * </ul>
     *
     * @param script the script
     * @param connection the connection; not closed
     * @return how many statements ran and how long it took, never {@code null}
     * @throws ScriptException for the first failing statement: file, line, column, SQLSTATE, the server's message,
     *     detail and hint, and the statement with a caret ({@link ScriptException#failure()}), then what became of
     *     the script's work ({@link ScriptException#outcome()}); or, before anything runs, for a script that cannot
     *     be parsed or cannot run as asked
     */
    public ScriptResult run(SqlScript script, Connection connection) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(connection, "connection");
        long started = System.nanoTime();
        ParsedScript parsed = script.parse(variables);
        int count = ScriptExecutor.run(parsed.steps(), script.name(), parsed.mode(), parsed.modeReason().orElse(null),
                connection);
        return new ScriptResult(count, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String toString() {
        return "ScriptRunner[variables=" + variables.keySet() + "]";
    }
}
