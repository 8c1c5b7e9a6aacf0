package dev.driftless.internal.server;

/**
 * Quoting of SQL identifiers and string literals for statements that cannot take bind parameters (DDL).
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * @param identifier a name
     * @return the name as a quoted identifier: {@code "a""b"}
     */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * @param value a string
     * @return the string as a standard-conforming literal: {@code 'it''s'}
     */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
