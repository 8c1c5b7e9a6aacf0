package dev.driftless.seed.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * {@code RowText} is the text a planned row sends for one of its columns: the fixture's own text, or for a reference
 * the referenced row's value — as the server stored it (read back with {@code RETURNING}), else as the fixture gives
 * it, else as an earlier load stored it. A reference still waiting for its row ({@link DeferredReferences}) sends
 * {@code null} until the update that fills it in.
 *
 * @param aliases alias → row, for this load
 * @param earlier the aliases of earlier loads
 */
record RowText(Map<String, PlannedRow> aliases, Map<String, AliasRegistry.Entry> earlier) {

    /**
     * @param row a row
     * @param i the index of one of its columns
     * @return the text the row sends for that column, or {@code null}
     */
    String of(PlannedRow row, int i) {
        Object value = row.values[i];
        if (!(value instanceof RefTarget ref)) {
            return (String) value;
        }
        if (row.deferred != null && row.deferred[i]) {
            return null;
        }
        PlannedRow target = aliases.get(ref.alias());
        if (target != null) {
            return target.stored != null ? target.stored.get(ref.column()) : given(target, ref.column());
        }
        return earlier.get(ref.alias()).row().values().get(ref.column());
    }

    /**
     * @param ref a reference
     * @return the row of this load it refers to, or {@code null} when it refers to a row of an earlier load
     */
    PlannedRow target(RefTarget ref) {
        return aliases.get(ref.alias());
    }

    /**
     * @param row a row
     * @param column a column name
     * @return the text the fixture gives the row for the column, or {@code null} when it gives none, gives
     *     {@code null} or gives a reference
     */
    static String given(PlannedRow row, String column) {
        for (int i = 0; i < row.columns.length; i++) {
            if (row.columns[i].name().equals(column)) {
                return row.values[i] instanceof String ? (String) row.values[i] : null;
            }
        }
        return null;
    }

    /**
     * Binds texts to a statement's parameters as values of unknown type, so that the statement's casts
     * ({@code ?::type}) make the server parse them with the column type's own input function.
     *
     * @param statement the statement
     * @param texts the texts, in parameter order
     * @throws SQLException when a parameter cannot be set
     */
    static void bind(PreparedStatement statement, List<String> texts) throws SQLException {
        for (int i = 0; i < texts.size(); i++) {
            statement.setObject(i + 1, texts.get(i), Types.OTHER);
        }
    }
}
