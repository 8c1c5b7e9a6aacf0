package dev.driftless.internal.migration;

import dev.driftless.internal.sql.ScriptParser;
import dev.driftless.sql.ScriptException;
import dev.driftless.sql.SqlScript;
import dev.driftless.sql.TransactionMode;

import java.util.Optional;

/** {@code Scripts} turns the script sources a layout reader found into {@link SqlScript}s. */
public final class Scripts {

    private Scripts() {
    }

    /**
     * @param source a whole file or a section of one
     * @return the script: named as the file, with the file's line numbers, its folder for {@code \i}, and
     *         {@link TransactionMode#NO_TRANSACTION} when the layout flags it
     */
    public static SqlScript toSqlScript(ScriptSource source) {
        SqlScript script = SqlScript.of(source.name(), source.text(), source.firstLine());
        if (source.baseDirectory().isPresent()) {
            script = script.withBaseDirectory(source.baseDirectory().get());
        }
        if (source.noTransaction()) {
            script = script.withTransactionMode(TransactionMode.NO_TRANSACTION);
        }
        return script;
    }

    /**
     * Checks a script found in a location the way parsing it would, without includes or variables: a comment, quote,
     * dollar quote or quoted identifier left open at its end would swallow the rest of it, so the chain refuses it
     * before any migration runs.
     *
     * @param source a whole file or a section of one
     * @return the problem, naming file, line and column where the open construct starts, with the line and a caret;
     *     empty when there is none
     */
    public static Optional<String> problem(ScriptSource source) {
        try {
            ScriptParser.checkTerminated(dev.driftless.internal.sql.ScriptSource.inMemory(source.name(), source.text(),
                    source.firstLine()));
            return Optional.empty();
        } catch (ScriptException e) {
            return Optional.of(e.getMessage());
        }
    }
}
