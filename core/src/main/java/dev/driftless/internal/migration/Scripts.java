package dev.driftless.internal.migration;

import dev.driftless.sql.SqlScript;
import dev.driftless.sql.TransactionMode;

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
}
