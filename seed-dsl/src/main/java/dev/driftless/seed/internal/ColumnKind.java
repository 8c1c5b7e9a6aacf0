package dev.driftless.seed.internal;

/** {@code ColumnKind} is how a fixture value for a column is turned into the text the server parses. */
public enum ColumnKind {
    /** {@code json} or {@code jsonb}: maps and lists are written as JSON. */
    JSON,
    /** {@code bytea}: strings are base64, byte arrays are bytes. */
    BYTEA,
    /** Any array type: lists become array literals. */
    ARRAY,
    /** Integer types and {@code numeric}: exported as YAML numbers. */
    NUMBER,
    /** {@code boolean}: exported as a YAML boolean. */
    BOOLEAN,
    /** Everything else: the value's text, parsed by the type's input function. */
    TEXT;

    static ColumnKind of(String baseType, String baseCategory) {
        if ("A".equals(baseCategory)) {
            return ARRAY;
        }
        switch (baseType) {
            case "json":
            case "jsonb":
                return JSON;
            case "bytea":
                return BYTEA;
            case "int2":
            case "int4":
            case "int8":
            case "numeric":
                return NUMBER;
            case "bool":
                return BOOLEAN;
            default:
                return TEXT;
        }
    }
}
