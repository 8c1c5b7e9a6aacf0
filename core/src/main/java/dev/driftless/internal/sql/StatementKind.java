package dev.driftless.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code StatementKind} is what a statement means for the script's transaction, read from its first words (outside
 * comments and parentheses), the way Flyway's parser recognises non-transactional statements.
 */
public enum StatementKind {
    /** Runs inside a transaction like any other. */
    ORDINARY,
    /** Manages the transaction itself: {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END},
     * {@code ROLLBACK}, {@code ABORT}, {@code PREPARE TRANSACTION}. */
    TRANSACTION_CONTROL,
    /**
     * Ends the open transaction and starts the next one at once: {@code COMMIT AND CHAIN}, {@code END AND CHAIN},
     * {@code ROLLBACK AND CHAIN}, {@code ABORT AND CHAIN}. PostgreSQL refuses it outside a transaction block (25P01), so
     * a script made of such statements expects to run inside a transaction, and never leaves one.
     */
    TRANSACTION_CHAIN,
    /** Cannot run inside a transaction block at all: {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ... */
    NON_TRANSACTIONAL,
    /** {@code ALTER TYPE ... ADD VALUE}: fine inside a transaction since PostgreSQL 12, not before. */
    ADD_ENUM_VALUE;

    private static final int WORDS = 8;

    /**
     * Classifies a statement.
     *
     * @param sql the statement's text
     * @return its kind
     */
    public static StatementKind of(String sql) {
        return of(sql, 0, sql.length());
    }

    /**
     * Classifies the statement in a region of a text.
     *
     * @param text the text
     * @param from where the statement starts
     * @param to where it ends
     * @return its kind
     */
    public static StatementKind of(String text, int from, int to) {
        List<String> w = firstWords(text, from, to);
        if (w.isEmpty()) {
            return ORDINARY;
        }
        String first = w.get(0);
        switch (first) {
            case "BEGIN", "START":
                return at(w, 1, "PREPARED") ? NON_TRANSACTIONAL : TRANSACTION_CONTROL;
            case "COMMIT", "END", "ABORT":
                if (at(w, 1, "PREPARED")) {
                    return NON_TRANSACTIONAL;
                }
                return chains(w) ? TRANSACTION_CHAIN : TRANSACTION_CONTROL;
            case "ROLLBACK":
                if (at(w, 1, "PREPARED")) {
                    return NON_TRANSACTIONAL;
                }
                if (at(w, 1, "TO") || (at(w, 1, "WORK") || at(w, 1, "TRANSACTION")) && at(w, 2, "TO")) {
                    return ORDINARY;
                }
                return chains(w) ? TRANSACTION_CHAIN : TRANSACTION_CONTROL;
            case "PREPARE":
                return at(w, 1, "TRANSACTION") ? TRANSACTION_CONTROL : ORDINARY;
            case "VACUUM":
                return NON_TRANSACTIONAL;
            case "CLUSTER":
                return w.size() == 1 || at(w, 1, "VERBOSE") && w.size() == 2 ? NON_TRANSACTIONAL : ORDINARY;
            case "DISCARD":
                return at(w, 1, "ALL") ? NON_TRANSACTIONAL : ORDINARY;
            case "REINDEX":
                return w.contains("CONCURRENTLY") || at(w, 1, "DATABASE") || at(w, 1, "SYSTEM") || at(w, 1, "SCHEMA")
                        ? NON_TRANSACTIONAL : ORDINARY;
            case "CREATE":
                if (at(w, 1, "INDEX") && at(w, 2, "CONCURRENTLY")
                        || at(w, 1, "UNIQUE") && at(w, 2, "INDEX") && at(w, 3, "CONCURRENTLY")
                        || at(w, 1, "DATABASE") || at(w, 1, "TABLESPACE") || at(w, 1, "SUBSCRIPTION")) {
                    return NON_TRANSACTIONAL;
                }
                return ORDINARY;
            case "DROP":
                if (at(w, 1, "INDEX") && at(w, 2, "CONCURRENTLY") || at(w, 1, "DATABASE")
                        || at(w, 1, "TABLESPACE") || at(w, 1, "SUBSCRIPTION")) {
                    return NON_TRANSACTIONAL;
                }
                return ORDINARY;
            case "ALTER":
                if (at(w, 1, "SYSTEM") || at(w, 1, "DATABASE") && at(w, 3, "SET") && at(w, 4, "TABLESPACE")) {
                    return NON_TRANSACTIONAL;
                }
                if (at(w, 1, "TYPE") && w.size() >= 5 && w.indexOf("ADD") >= 2
                        && at(w, w.indexOf("ADD") + 1, "VALUE")) {
                    return ADD_ENUM_VALUE;
                }
                return ORDINARY;
            default:
                return ORDINARY;
        }
    }

    /**
     * @param sql a statement's text
     * @return its first words in upper case (quoted identifiers as {@code "}), skipping comments and parenthesised
     *     groups, up to a string literal
     */
    static List<String> firstWords(String sql) {
        return firstWords(sql, 0, sql.length());
    }

    private static List<String> firstWords(String sql, int from, int to) {
        List<String> words = new ArrayList<>(WORDS);
        int n = to;
        int i = from;
        while (i < n && words.size() < WORDS) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                while (i < n) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
            } else if (c == '(') {
                int depth = 0;
                while (i < n) {
                    char d = sql.charAt(i++);
                    if (d == '(') {
                        depth++;
                    } else if (d == ')' && --depth == 0) {
                        break;
                    } else if (d == '\'' || d == '"' || d == '$') {
                        return words; // a literal inside: too far for a first-words reading
                    }
                }
            } else if (c == '"') {
                int close = sql.indexOf('"', i + 1);
                words.add("\"");
                i = close < 0 ? n : close + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$' || sql.charAt(i) == '.')) {
                    i++;
                }
                words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            } else {
                return words;
            }
        }
        return words;
    }

    /** {@code COMMIT [WORK | TRANSACTION] AND CHAIN}, not {@code AND NO CHAIN}. */
    private static boolean chains(List<String> w) {
        int and = at(w, 1, "WORK") || at(w, 1, "TRANSACTION") ? 2 : 1;
        return at(w, and, "AND") && at(w, and + 1, "CHAIN");
    }

    /**
     * @param sql a statement's text
     * @return whether it is {@code COMMIT AND CHAIN} or {@code END AND CHAIN}: it commits what the transaction did so
     *     far and goes on in a new one
     */
    public static boolean commitsAndChains(String sql) {
        List<String> w = firstWords(sql);
        return !w.isEmpty() && (w.get(0).equals("COMMIT") || w.get(0).equals("END")) && chains(w);
    }

    private static boolean at(List<String> words, int index, String word) {
        return index < words.size() && words.get(index).equals(word);
    }

    /**
     * @param sql a statement's text
     * @return a short name for messages, like {@code CREATE INDEX CONCURRENTLY} or {@code VACUUM}
     */
    public static String describe(String sql) {
        List<String> w = firstWords(sql);
        if (w.isEmpty()) {
            return "";
        }
        if (of(sql) == TRANSACTION_CHAIN) {
            return w.get(0) + " AND CHAIN";
        }
        int concurrently = w.indexOf("CONCURRENTLY");
        int count = concurrently >= 0 && concurrently < 4 ? concurrently + 1
                : switch (w.get(0)) {
                    case "VACUUM", "CLUSTER", "BEGIN", "COMMIT", "END", "ABORT", "ROLLBACK" -> 1;
                    case "ALTER" -> at(w, 1, "DATABASE") ? 1 : 2;
                    default -> 2;
                };
        return String.join(" ", w.subList(0, Math.min(count, w.size())));
    }
}
