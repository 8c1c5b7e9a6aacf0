package dev.driftless.sql;

import java.util.Objects;

/**
 * {@code Quote} turns names and values into SQL text for statements that cannot take bind parameters (DDL,
 * {@code COMMENT ON}, {@code setval('...'::regclass)}). Every identifier and literal Driftless writes into SQL goes
 * through this class.
 *
 * <pre>{@code
 * Quote.identifier("Order")          // "Order"
 * Quote.qualified("app", "my\"t")    // "app"."my""t"
 * Quote.literal("it's")              // 'it''s'
 * Quote.literal("C:\\temp")          // E'C:\\temp'
 * }</pre>
 *
 * <p>Literals read the same whatever the session's {@code standard_conforming_strings}: a value holding a backslash
 * is written as an escape string ({@code E'...'}, backslashes doubled), which PostgreSQL reads the same way under
 * either setting; any other value as a plain literal, in which neither setting gives a character a special meaning.
 * Identifiers are always quoted, so that capitals, reserved words and spaces survive.
 */
public final class Quote {

    private Quote() {
    }

    /**
     * Quotes an identifier, always.
     *
     * @param name the name as the catalog stores it, never {@code null}
     * @return the quoted identifier, e.g. {@code "a""b"} for {@code a"b}
     * @throws IllegalArgumentException when the name is empty or holds a NUL character, which no identifier can
     */
    public static String identifier(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + name.replace("\0", "\\0") + "' cannot be an SQL identifier: "
                    + (name.isEmpty() ? "it is empty" : "it holds a NUL character"));
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Quotes a schema-qualified name.
     *
     * @param schema the schema, never {@code null}
     * @param name the object's name, never {@code null}
     * @return {@code "schema"."name"}
     */
    public static String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }

    /**
     * Quotes a string literal so that it reads the same under either {@code standard_conforming_strings} setting.
     *
     * @param value the value, never {@code null}
     * @return {@code 'it''s'}, or {@code E'a\\b'} for a value with a backslash
     * @throws IllegalArgumentException when the value holds a NUL character, which no PostgreSQL text can
     */
    public static String literal(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A PostgreSQL string cannot hold a NUL character: "
                    + value.replace("\0", "\\0"));
        }
        String quoted = value.replace("'", "''");
        if (value.indexOf('\\') >= 0) {
            return "E'" + quoted.replace("\\", "\\\\") + "'";
        }
        return "'" + quoted + "'";
    }
}
