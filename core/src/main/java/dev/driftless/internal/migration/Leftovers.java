package dev.driftless.internal.migration;

import dev.driftless.internal.sql.StatementKind;
import dev.driftless.sql.Quote;
import dev.driftless.sql.ScriptException;
import dev.driftless.sql.Statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Leftovers} is what a script that ran outside a transaction left in the database when it failed: the
 * statements that had run and were committed (each on its own, or by the script's own {@code COMMIT}), those its open
 * transaction took with it when it was rolled back, and the INVALID indexes a failed {@code CREATE INDEX
 * CONCURRENTLY} leaves. The migrator says exactly this in its message, and records the migration as failed only when
 * something stayed.
 *
 * @param known whether the failing statement could be found; when not, every statement may have run
 * @param committed the statements that had run and were committed before the failing one, in order (transaction
 *     control statements left out)
 * @param transactionOpen whether the script had a transaction open when it failed (the runner rolls it back)
 * @param rolledBack the statements of that transaction, before the failing one
 * @param invalidIndexes the INVALID indexes that appeared while it ran, qualified and quoted
 */
record Leftovers(boolean known, List<Statement> committed, boolean transactionOpen, List<Statement> rolledBack,
                 List<String> invalidIndexes) {

    private static final String INVALID_INDEXES = read("invalid_indexes.sql");
    private static final int SHOWN_STATEMENT_LENGTH = 60;

    Leftovers {
        committed = List.copyOf(committed);
        rolledBack = List.copyOf(rolledBack);
        invalidIndexes = List.copyOf(invalidIndexes);
    }

    /**
     * Works out what a failed script left.
     *
     * @param statements the script's statements in the order they run
     * @param failure how it failed
     * @param invalidIndexes the INVALID indexes that appeared while it ran
     * @param inTransaction whether the script ran in a transaction of the runner's (one that commits part-way with
     *     {@code COMMIT AND CHAIN}), rather than statement by statement in autocommit
     * @return the leftovers
     */
    static Leftovers of(List<Statement> statements, ScriptException failure, List<String> invalidIndexes,
            boolean inTransaction) {
        int failing = failing(statements, failure);
        if (failing < 0) {
            List<Statement> all = statements.stream().filter(s -> !controlsTransaction(s)).toList();
            return new Leftovers(false, all, false, List.of(), invalidIndexes);
        }
        List<Statement> committed = new ArrayList<>();
        List<Statement> block = inTransaction ? new ArrayList<>() : null;
        for (Statement statement : statements.subList(0, failing)) {
            if (!controlsTransaction(statement)) {
                (block != null ? block : committed).add(statement);
                continue;
            }
            boolean chains = StatementKind.of(statement.sql()) == StatementKind.TRANSACTION_CHAIN;
            String word = StatementKind.describe(statement.sql()).split(" ")[0];
            switch (word) {
                case "BEGIN", "START" -> block = block != null ? block : new ArrayList<>();
                case "COMMIT", "END" -> {
                    if (block != null) {
                        committed.addAll(block);
                    }
                    block = chains ? new ArrayList<>() : null;
                }
                // ROLLBACK, ABORT, PREPARE TRANSACTION: the block's work is not committed
                default -> block = chains ? new ArrayList<>() : null;
            }
        }
        return new Leftovers(true, committed, block != null, block == null ? List.of() : block, invalidIndexes);
    }

    /**
     * Finds the failing statement: the one in the failure's file that starts last at or before the failure's
     * position (the first such when an included file runs more than once, as the runner stops at the first
     * failure).
     */
    private static int failing(List<Statement> statements, ScriptException failure) {
        if (failure.line() <= 0 || failure.scriptName() == null) {
            return -1;
        }
        int best = -1;
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (!s.scriptName().equals(failure.scriptName()) || compare(s, failure) > 0) {
                continue;
            }
            if (best < 0 || before(statements.get(best), s)) {
                best = i;
            }
        }
        return best;
    }

    private static int compare(Statement s, ScriptException failure) {
        int column = failure.column() <= 0 ? Integer.MAX_VALUE : failure.column();
        return s.line() != failure.line() ? Integer.compare(s.line(), failure.line())
                : Integer.compare(s.column(), column);
    }

    private static boolean before(Statement a, Statement b) {
        return a.line() != b.line() ? a.line() < b.line() : a.column() < b.column();
    }

    /**
     * @param statement a statement
     * @return whether it begins, ends or chains a transaction (such statements are not listed as work done)
     */
    static boolean controlsTransaction(Statement statement) {
        StatementKind kind = StatementKind.of(statement.sql());
        return kind == StatementKind.TRANSACTION_CONTROL || kind == StatementKind.TRANSACTION_CHAIN;
    }

    /** @return {@code true} when nothing of the script stayed in the database */
    boolean nothing() {
        return known && committed.isEmpty() && invalidIndexes.isEmpty();
    }

    /**
     * @param connection a connection
     * @return every INVALID index of the database, qualified and quoted, sorted
     * @throws SQLException when the server cannot be asked
     */
    static List<String> invalidIndexes(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (java.sql.Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(INVALID_INDEXES)) {
            while (rs.next()) {
                names.add(Quote.qualified(rs.getString(1), rs.getString(2)));
            }
        }
        return names;
    }

    /**
     * @param name an INVALID index, qualified and quoted
     * @return e.g. {@code the INVALID index "public"."t_idx" (drop it: DROP INDEX CONCURRENTLY "public"."t_idx";)}
     */
    static String invalidIndex(String name) {
        return "the INVALID index " + name + " (drop it: DROP INDEX CONCURRENTLY " + name + ";)";
    }

    /**
     * @param statement a statement
     * @return where it is and how it starts, e.g. {@code 002_index.sql:3 CREATE INDEX CONCURRENTLY orders_idx ON...}
     */
    static String show(Statement statement) {
        String sql = statement.sql().strip();
        String first = sql.lines().findFirst().orElse("").strip();
        boolean cut = first.codePointCount(0, first.length()) > SHOWN_STATEMENT_LENGTH || sql.contains("\n");
        String shown = first.codePoints().limit(SHOWN_STATEMENT_LENGTH)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return statement.scriptName() + ":" + statement.line() + " " + shown + (cut ? " ..." : "");
    }

    private static String read(String resource) {
        try (InputStream in = Leftovers.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + resource + " is missing from Driftless' jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
