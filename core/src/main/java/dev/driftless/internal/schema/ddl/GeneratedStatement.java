package dev.driftless.internal.schema.ddl;

/**
 * {@code GeneratedStatement} is one statement of a generated script.
 *
 * @param sql the statement, without the closing semicolon
 * @param lossNote what the statement loses (rows, values), or {@code null} when it keeps all data
 */
public record GeneratedStatement(String sql, String lossNote) {

    /** @return the statement as the script shows it: the loss note as a comment line before it, then {@code sql;} */
    public String text() {
        return (lossNote == null ? "" : "-- driftless: loses data: " + lossNote + "\n") + sql + ";";
    }
}
