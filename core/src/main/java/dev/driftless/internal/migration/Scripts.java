package dev.driftless.internal.migration;

import dev.driftless.internal.sql.Chunk;
import dev.driftless.internal.sql.ScriptLexer;
import dev.driftless.internal.sql.ScriptParser;
import dev.driftless.internal.sql.StatementKind;
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
     * @return the script: named as the file, with the file's line numbers, its folder for {@code \i}, and the
     *         transaction mode of the layout's rule with the rule as its reason
     */
    public static SqlScript toSqlScript(ScriptSource source) {
        SqlScript script = SqlScript.of(source.name(), source.text(), source.firstLine());
        if (source.baseDirectory().isPresent()) {
            script = script.withBaseDirectory(source.baseDirectory().get());
        }
        TransactionRule rule = source.transaction();
        if (rule.mode() != TransactionMode.AUTO) {
            script = script.withTransactionMode(rule.mode(), rule.reason());
        }
        return script;
    }

    /**
     * Says how PostgreSQL runs a file that a tool sends as one query (the simple query protocol, as golang-migrate and
     * Prisma do): several statements run as one implicit transaction, so a statement that cannot run in one fails,
     * unless the file opens and ends its own transactions; a single statement runs as it is.
     *
     * @param text the file's text
     * @param tool the tool's name for the reason, e.g. {@code golang-migrate}
     * @return {@link TransactionRule#inTransaction} for several statements without transaction control of their own,
     *     else {@link TransactionRule#AUTO}
     */
    static TransactionRule oneQuery(String text, String tool) {
        int statements = 0;
        for (Chunk chunk : ScriptLexer.split(text)) {
            if (chunk.kind() != Chunk.Kind.STATEMENT || text.substring(chunk.start(), chunk.bodyEnd()).isBlank()) {
                continue;
            }
            StatementKind kind = StatementKind.of(text, chunk.start(), chunk.bodyEnd());
            if (kind == StatementKind.TRANSACTION_CONTROL) {
                return TransactionRule.AUTO;
            }
            statements++;
        }
        return statements > 1 ? TransactionRule.inTransaction(tool + " sends the file to the server as one query,"
                + " which PostgreSQL runs as one transaction when it holds more than one statement")
                : TransactionRule.AUTO;
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
