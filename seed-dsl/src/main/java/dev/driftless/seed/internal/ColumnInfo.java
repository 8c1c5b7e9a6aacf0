package dev.driftless.seed.internal;

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
}
