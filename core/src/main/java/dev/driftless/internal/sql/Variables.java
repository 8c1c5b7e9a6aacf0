package dev.driftless.internal.sql;

import dev.driftless.sql.Quote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Variables} are the psql variables of a running parse ({@code \set}, {@code psql -v}) and their interpolation
 * as psql does it: {@code :name} as is, {@code :'name'} as a string literal, {@code :"name"} as a quoted identifier;
 * references to unset variables stay as written.
 */
final class Variables {

    private final Map<String, String> values;

    /**
     * The result of interpolating a statement: its text, and anchors mapping offsets in it back to the source. An
     * offset inside a substituted value maps to the reference's start ({@code anchorFixed}); others map linearly
     * from the last anchor before them.
     *
     * @param sql the interpolated text
     * @param anchorSql anchor offsets in {@code sql}, ascending
     * @param anchorSource the matching source offsets
     * @param anchorFixed whether offsets after the anchor map to the anchor itself
     */
    record Interpolated(String sql, int[] anchorSql, int[] anchorSource, boolean[] anchorFixed) {
    }

    Variables(Map<String, String> initial) {
        this.values = new LinkedHashMap<>(initial);
    }

    void set(String name, String value) {
        values.put(name, value);
    }

    void unset(String name) {
        values.remove(name);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Interpolates the variable references of a statement.
     *
     * @param text the source text
     * @param start where the statement starts
     * @param end where it ends
     * @param refs offsets of {@code :} that may start a reference
     * @return the statement's text and how its offsets map back to the source
     */
    Interpolated interpolate(String text, int start, int end, int[] refs) {
        StringBuilder sql = new StringBuilder(end - start + 32);
        List<int[]> anchors = new ArrayList<>();
        anchors.add(new int[] {0, start, 0});
        int copied = start;
        for (int ref : refs) {
            if (ref < copied || ref >= end) {
                continue;
            }
            int[] span = new int[1];
            String value = valueAt(text, ref, end, span);
            if (value == null) {
                continue;
            }
            sql.append(text, copied, ref);
            anchors.add(new int[] {sql.length(), ref, 1});
            sql.append(value);
            copied = span[0];
            anchors.add(new int[] {sql.length(), copied, 0});
        }
        sql.append(text, copied, end);
        int[] anchorSql = new int[anchors.size()];
        int[] anchorSource = new int[anchors.size()];
        boolean[] anchorFixed = new boolean[anchors.size()];
        for (int i = 0; i < anchors.size(); i++) {
            anchorSql[i] = anchors.get(i)[0];
            anchorSource[i] = anchors.get(i)[1];
            anchorFixed[i] = anchors.get(i)[2] == 1;
        }
        return new Interpolated(sql.toString(), anchorSql, anchorSource, anchorFixed);
    }

    /** Reads {@code :name}, {@code :'name'} or {@code :"name"} at {@code at}; its end goes to {@code span[0]}. */
    String valueAt(String text, int at, int end, int[] span) {
        int i = at + 1;
        char quote = 0;
        if (i < end && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
            quote = text.charAt(i);
            i++;
        }
        int nameStart = i;
        while (i < end && ScriptLexer.isVariableChar(text.charAt(i))) {
            i++;
        }
        if (i == nameStart) {
            return null;
        }
        String name = text.substring(nameStart, i);
        if (quote != 0) {
            if (i >= end || text.charAt(i) != quote) {
                return null;
            }
            i++;
        }
        String value = values.get(name);
        if (value == null) {
            return null; // psql leaves references to unset variables as written
        }
        span[0] = i;
        if (quote == '\'') {
            return Quote.literal(value);
        }
        if (quote == '"') {
            return Quote.identifier(value);
        }
        return value;
    }
}
