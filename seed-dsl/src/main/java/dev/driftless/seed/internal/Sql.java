package dev.driftless.seed.internal;

/** {@code Sql} quotes identifiers for the statements the loader writes. */
public final class Sql {

    private Sql() {
    }

    /**
     * Quotes an identifier, always, so that names with capitals or reserved words work.
     *
     * @param identifier the name as stored in the catalog
     * @return the quoted name
     */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
