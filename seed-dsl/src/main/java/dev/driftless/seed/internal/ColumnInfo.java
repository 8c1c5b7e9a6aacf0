package dev.driftless.seed.internal;

import dev.driftless.sql.Quote;

import java.util.List;

/**
 * {@code ColumnInfo} is one column of a table as the catalog describes it.
 *
 * @param name the column name
 * @param castType the type without modifiers, as {@code format_type} writes it; values are cast to it
 * @param displayType the type with modifiers, for messages
 * @param kind how values are rendered
 * @param notNull whether the column is {@code NOT NULL}
 * @param identityAlways whether it is {@code GENERATED ALWAYS AS IDENTITY}
 * @param generated whether it is a generated (computed) column, which cannot be written
 * @param maxLength the declared length of a {@code varchar(n)} or {@code char(n)} column, else {@code null}
 */
public record ColumnInfo(String name, String castType, String displayType, ColumnKind kind, boolean notNull,
                         boolean identityAlways, boolean generated, Integer maxLength) {

    /**
     * @param columns columns
     * @return their quoted names, separated by commas, for a column list in SQL: {@code "a", "b"}
     */
    static String sqlList(List<ColumnInfo> columns) {
        StringBuilder sql = new StringBuilder();
        for (ColumnInfo column : columns) {
            sql.append(sql.length() == 0 ? "" : ", ").append(Quote.identifier(column.name()));
        }
        return sql.toString();
    }
}
