package dev.driftless.seed.internal;

import dev.driftless.sql.Quote;
import dev.driftless.seed.SeedException;
import dev.driftless.seed.SeededRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Loader} inserts a checked {@link Planner.Plan} on one connection, inside the caller's transaction:
 * parents before children (foreign keys from the catalog, plus the references themselves), rows that refer to each
 * other in a cycle by inserting then updating, big runs of rows through {@code COPY}, the rest through multi-row
 * {@code INSERT ... RETURNING} so that aliased rows' generated values are known. It then moves sequences past the
 * highest explicit values. A failure is reported for the exact row and column that the server refused.
 */
public final class Loader {

    private static final int MAX_PARAMETERS = 30_000;
    private static final int MAX_ROWS_PER_INSERT = 1_000;
    private static final int COPY_BUFFER = 1 << 16;
    private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

    private static final Pattern PARAMETER = Pattern.compile("portal parameter \\$(\\d+)");

    private final Connection connection;
    private final int copyThreshold;
    private final Map<String, AliasRegistry.Entry> earlier;
    private final Outcome outcome;
    private Map<String, PlannedRow> aliases = Map.of();
    private final Set<String> explicitColumns = new LinkedHashSet<>();
    private final List<PlannedRow> deferredRows = new ArrayList<>();

    /**
     * Creates a loader.
     *
     * @param connection a connection with auto-commit off; the caller commits or rolls back
     * @param copyThreshold runs of at least this many rows without aliases go through {@code COPY}
     * @param earlier aliases of earlier loads
     * @param outcome what the load changes, for the message when it fails and is rolled back
     */
    public Loader(Connection connection, int copyThreshold, Map<String, AliasRegistry.Entry> earlier,
            Outcome outcome) {
        this.connection = connection;
        this.copyThreshold = copyThreshold;
        this.earlier = earlier;
        this.outcome = outcome;
    }

    /**
     * Inserts the plan's rows.
     *
     * @param plan the checked rows
     * @return the aliased rows as stored, for the registry
     * @throws SeedException naming the row and column the server refused
     * @throws SQLException when the connection fails outside any row
     */
    public Map<String, AliasRegistry.Entry> load(Planner.Plan plan) throws SQLException {
        this.aliases = plan.aliases();
        Map<String, List<PlannedRow>> byTable = new LinkedHashMap<>();
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        List<PlannedRow> current = null;
        TableInfo currentTable = null;
        for (PlannedRow row : plan.rows()) {
            if (row.table != currentTable) {
                currentTable = row.table;
                current = byTable.computeIfAbsent(row.table.key(), k -> new ArrayList<>());
                tables.putIfAbsent(row.table.key(), row.table);
            }
            current.add(row);
        }
        Map<String, Set<String>> dependencies = dependencies(byTable, tables);
        List<List<String>> components = TableOrder.components(new ArrayList<>(byTable.keySet()), dependencies);
        List<String> deferredConstraints = new ArrayList<>();
        for (List<String> component : components) {
            if (isCycle(component, dependencies)) {
                for (String key : component) {
                    for (ConstraintInfo fk : tables.get(key).foreignKeys()) {
                        if (fk.deferrable() && component.contains(fk.refTable())) {
                            deferredConstraints.add(Quote.identifier(tables.get(key).schema()) + "." + Quote.identifier(fk.name()));
                        }
                    }
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            if (!deferredConstraints.isEmpty()) {
                st.execute("SET CONSTRAINTS " + String.join(", ", deferredConstraints) + " DEFERRED");
            }
            for (List<String> component : components) {
                if (isCycle(component, dependencies)) {
                    List<PlannedRow> rows = new ArrayList<>();
                    component.forEach(k -> rows.addAll(byTable.get(k)));
                    rows.sort(Comparator.comparingInt(r -> r.order));
                    insertInWaves(rows);
                } else {
                    insertTable(byTable.get(component.get(0)));
                }
            }
            updateDeferred();
            if (!deferredConstraints.isEmpty()) {
                try {
                    st.execute("SET CONSTRAINTS " + String.join(", ", deferredConstraints) + " IMMEDIATE");
                } catch (SQLException e) {
                    throw new SeedException("Cannot load fixtures: a deferred foreign key failed when checked at the"
                            + " end of the load: " + serverMessage(e) + "\n  Add the referenced rows, or refer to them with"
                            + " $ref:<alias>.\n" + outcome.rolledBack(), e);
                }
            }
            moveSequences(st, tables);
        }
        Map<String, AliasRegistry.Entry> added = new LinkedHashMap<>();
        for (Map.Entry<String, PlannedRow> e : plan.aliases().entrySet()) {
            PlannedRow row = e.getValue();
            added.put(e.getKey(), new AliasRegistry.Entry(row.table.key(),
                    new SeededRow(e.getKey(), row.table.displayName(), row.stored), row.describe()));
        }
        return added;
    }

    private Map<String, Set<String>> dependencies(Map<String, List<PlannedRow>> byTable, Map<String, TableInfo> tables) {
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (Map.Entry<String, List<PlannedRow>> e : byTable.entrySet()) {
            Set<String> deps = new LinkedHashSet<>();
            for (ConstraintInfo fk : tables.get(e.getKey()).foreignKeys()) {
                if (byTable.containsKey(fk.refTable())) {
                    deps.add(fk.refTable());
                }
            }
            Set<ColumnInfo> explicit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Set<RefTarget> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            ColumnInfo[] lastColumns = null;
            for (PlannedRow row : e.getValue()) {
                boolean newColumns = row.columns != lastColumns;
                lastColumns = row.columns;
                for (int i = 0; i < row.values.length; i++) {
                    Object value = row.values[i];
                    if (value instanceof RefTarget) {
                        if (seen.add((RefTarget) value)) {
                            PlannedRow target = aliases.get(((RefTarget) value).alias());
                            if (target != null) {
                                deps.add(target.table.key());
                            }
                        }
                    } else if (newColumns || !explicit.contains(row.columns[i])) {
                        explicit.add(row.columns[i]);
                    }
                }
            }
            explicit.forEach(c -> explicitColumns.add(e.getKey() + "\u0000" + c.name()));
            dependencies.put(e.getKey(), deps);
        }
        return dependencies;
    }

    private static boolean isCycle(List<String> component, Map<String, Set<String>> dependencies) {
        return component.size() > 1 || dependencies.get(component.get(0)).contains(component.get(0));
    }

    /** Inserts rows that may refer to each other: each wave holds rows whose referenced rows are all stored. */
    private void insertInWaves(List<PlannedRow> rows) throws SQLException {
        Map<PlannedRow, List<PlannedRow>> dependents = new HashMap<>();
        List<PlannedRow> ready = new ArrayList<>();
        for (PlannedRow row : rows) {
            for (int i = 0; i < row.values.length; i++) {
                if (row.values[i] instanceof RefTarget) {
                    PlannedRow target = aliases.get(((RefTarget) row.values[i]).alias());
                    if (target != null && !target.inserted && !knownEarly(row, i, target) && target != row) {
                        row.waitingFor++;
                        dependents.computeIfAbsent(target, k -> new ArrayList<>()).add(row);
                    }
                }
            }
            if (row.waitingFor == 0) {
                ready.add(row);
                row.queued = true;
            }
        }
        int remaining = rows.size();
        int next = 0;
        while (remaining > 0) {
            if (ready.isEmpty()) {
                while (rows.get(next).queued) {
                    next++;
                }
                PlannedRow breaker = rows.get(next);
                breaker.queued = true;
                ready.add(breaker);
            }
            Map<String, List<PlannedRow>> waveByTable = new LinkedHashMap<>();
            for (PlannedRow row : ready) {
                waveByTable.computeIfAbsent(row.table.key(), k -> new ArrayList<>()).add(row);
            }
            for (List<PlannedRow> tableRows : waveByTable.values()) {
                insertTable(tableRows);
            }
            remaining -= ready.size();
            List<PlannedRow> following = new ArrayList<>();
            for (PlannedRow row : ready) {
                for (PlannedRow dependent : dependents.getOrDefault(row, List.of())) {
                    if (!dependent.queued && --dependent.waitingFor == 0) {
                        dependent.queued = true;
                        following.add(dependent);
                    }
                }
            }
            following.sort(Comparator.comparingInt(r -> r.order));
            ready = following;
        }
    }

    /** Inserts rows of one table whose references can all be resolved or deferred now. */
    private void insertTable(List<PlannedRow> rows) throws SQLException {
        for (PlannedRow row : rows) {
            markDeferred(row);
        }
        int start = 0;
        while (start < rows.size()) {
            boolean returning = needsReturning(rows.get(start));
            int end = start + 1;
            while (end < rows.size() && needsReturning(rows.get(end)) == returning) {
                end++;
            }
            List<PlannedRow> run = rows.subList(start, end);
            if (returning || run.size() < copyThreshold) {
                insert(run, returning);
            } else {
                int s = 0;
                while (s < run.size()) {
                    int e = s + 1;
                    while (e < run.size() && Arrays.equals(run.get(e).columns, run.get(s).columns)) {
                        e++;
                    }
                    if (e - s >= copyThreshold) {
                        copy(run.subList(s, e));
                    } else {
                        insert(run.subList(s, e), false);
                    }
                    s = e;
                }
            }
            start = end;
        }
        for (PlannedRow row : rows) {
            row.inserted = true;
        }
    }

    private void markDeferred(PlannedRow row) {
        for (int i = 0; i < row.values.length; i++) {
            if (row.values[i] instanceof RefTarget) {
                RefTarget ref = (RefTarget) row.values[i];
                PlannedRow target = aliases.get(ref.alias());
                if (target != null && !target.inserted && !knownEarly(row, i, target)) {
                    if (row.columns[i].notNull()) {
                        throw new SeedException("Cannot load fixtures: " + row.describe() + ", column "
                                + row.columns[i].name() + ": rows refer to each other in a cycle through " + ref.alias()
                                + " (" + target.describe() + "), and column " + row.columns[i].name() + " is NOT NULL,"
                                + " so neither row can be inserted first. Make the column nullable, or give the"
                                + " referenced key explicitly in the fixture and make the foreign key DEFERRABLE."
                                + "\n" + outcome.rolledBack());
                    }
                    if (row.deferred == null) {
                        row.deferred = new boolean[row.values.length];
                        deferredRows.add(row);
                    }
                    row.deferred[i] = true;
                }
            }
        }
    }

    /**
     * Whether a reference to a row not inserted yet can use the value the fixture gives that row explicitly: only when
     * no immediate foreign key would check it before the referenced row exists.
     */
    private static boolean knownEarly(PlannedRow row, int i, PlannedRow target) {
        RefTarget ref = (RefTarget) row.values[i];
        if (literal(target, ref.column()) == null) {
            return false;
        }
        for (ConstraintInfo fk : row.table.foreignKeys()) {
            if (fk.columns().contains(row.columns[i].name()) && fk.refTable().equals(target.table.key())
                    && !fk.deferrable()) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsReturning(PlannedRow row) {
        return row.source.alias() != null || row.deferred != null;
    }

    private static String literal(PlannedRow row, String column) {
        for (int i = 0; i < row.columns.length; i++) {
            if (row.columns[i].name().equals(column)) {
                return row.values[i] instanceof String ? (String) row.values[i] : null;
            }
        }
        return null;
    }

    private String text(PlannedRow row, int i) {
        Object value = row.values[i];
        if (!(value instanceof RefTarget)) {
            return (String) value;
        }
        if (row.deferred != null && row.deferred[i]) {
            return null;
        }
        RefTarget ref = (RefTarget) value;
        PlannedRow target = aliases.get(ref.alias());
        if (target != null) {
            return target.stored != null ? target.stored.get(ref.column()) : literal(target, ref.column());
        }
        return earlier.get(ref.alias()).row().values().get(ref.column());
    }

    private void insert(List<PlannedRow> rows, boolean returning) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        TableInfo table = rows.get(0).table;
        List<ColumnInfo> columns = unionColumns(table, rows);
        int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, MAX_PARAMETERS / Math.max(1, columns.size())));
        for (int start = 0; start < rows.size(); start += perStatement) {
            List<PlannedRow> chunk = rows.subList(start, Math.min(rows.size(), start + perStatement));
            savepoint();
            try {
                insertChunk(table, columns, chunk, returning);
                release();
            } catch (SQLException e) {
                rollbackToSavepoint();
                locateFailure(table, chunk, returning, e);
            }
        }
    }

    private void locateFailure(TableInfo table, List<PlannedRow> rows, boolean returning, SQLException original)
            throws SQLException {
        for (PlannedRow row : rows) {
            savepoint();
            try {
                insertChunk(table, unionColumns(table, List.of(row)), List.of(row), returning);
                release();
            } catch (SQLException e) {
                rollbackToSavepoint();
                throw rowFailure(row, e);
            }
        }
        throw new SeedException("Cannot load fixtures: inserting rows " + rows.get(0).describe() + " to "
                + rows.get(rows.size() - 1).describe() + " failed together but not one by one: "
                + serverMessage(original) + "\n" + outcome.rolledBack(), original);
    }

    private static List<ColumnInfo> unionColumns(TableInfo table, List<PlannedRow> rows) {
        Set<String> used = new LinkedHashSet<>();
        ColumnInfo[] previous = null;
        for (PlannedRow row : rows) {
            if (row.columns != previous) {
                for (ColumnInfo c : row.columns) {
                    used.add(c.name());
                }
                previous = row.columns;
            }
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo c : table.columns().values()) {
            if (used.contains(c.name())) {
                columns.add(c);
            }
        }
        return columns;
    }

    private void insertChunk(TableInfo table, List<ColumnInfo> columns, List<PlannedRow> rows, boolean returning)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.sqlName());
        List<String> texts = new ArrayList<>();
        if (columns.isEmpty()) {
            if (rows.size() > 1 && !returning) {
                sql.append(" SELECT FROM generate_series(1, ").append(rows.size()).append(")");
            } else {
                sql.append(" DEFAULT VALUES");
            }
        } else {
            sql.append(" (");
            boolean overriding = false;
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(Quote.identifier(columns.get(i).name()));
                overriding |= columns.get(i).identityAlways();
            }
            sql.append(overriding ? ") OVERRIDING SYSTEM VALUE VALUES " : ") VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                PlannedRow row = rows.get(r);
                sql.append(r == 0 ? "(" : ", (");
                for (int i = 0; i < columns.size(); i++) {
                    ColumnInfo column = columns.get(i);
                    int index = indexOf(row, column);
                    sql.append(i == 0 ? "" : ", ");
                    if (index < 0) {
                        sql.append("DEFAULT");
                    } else {
                        sql.append("?::").append(column.castType());
                        texts.add(text(row, index));
                    }
                }
                sql.append(')');
            }
        }
        if (returning) {
            sql.append(" RETURNING ctid::text");
            for (ColumnInfo c : table.columns().values()) {
                sql.append(", ").append(Quote.identifier(c.name())).append("::text");
            }
        }
        if (columns.isEmpty() && returning && rows.size() > 1) {
            for (PlannedRow row : rows) {
                insertChunk(table, columns, List.of(row), true);
            }
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < texts.size(); i++) {
                ps.setObject(i + 1, texts.get(i), Types.OTHER);
            }
            if (!returning) {
                ps.executeUpdate();
                return;
            }
            try (ResultSet rs = ps.executeQuery()) {
                for (PlannedRow row : rows) {
                    rs.next();
                    row.ctid = rs.getString(1);
                    Map<String, String> stored = new LinkedHashMap<>();
                    int k = 2;
                    for (ColumnInfo c : table.columns().values()) {
                        stored.put(c.name(), rs.getString(k++));
                    }
                    row.stored = stored;
                }
            }
        }
    }

    private static int indexOf(PlannedRow row, ColumnInfo column) {
        for (int i = 0; i < row.columns.length; i++) {
            if (row.columns[i] == column) {
                return i;
            }
        }
        return -1;
    }

    private void copy(List<PlannedRow> rows) throws SQLException {
        TableInfo table = rows.get(0).table;
        ColumnInfo[] columns = rows.get(0).columns;
        StringBuilder sql = new StringBuilder("COPY ").append(table.sqlName()).append(" (");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(Quote.identifier(columns[i].name()));
        }
        sql.append(") FROM STDIN");
        savepoint();
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
            StringBuilder buffer = new StringBuilder(COPY_BUFFER + 1024);
            for (PlannedRow row : rows) {
                for (int i = 0; i < columns.length; i++) {
                    if (i > 0) {
                        buffer.append('\t');
                    }
                    CopyText.append(buffer, text(row, i));
                }
                buffer.append('\n');
                if (buffer.length() >= COPY_BUFFER) {
                    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    buffer.setLength(0);
                }
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
            release();
        } catch (SQLException e) {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the server already ended the copy with the error reported below
                }
            }
            rollbackToSavepoint();
            ServerErrorMessage sem = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
            Matcher m = sem == null || sem.getWhere() == null ? null : COPY_LINE.matcher(sem.getWhere());
            if (m != null && m.find()) {
                PlannedRow row = rows.get(Integer.parseInt(m.group(1)) - 1);
                throw rowFailure(row, e, m.group(2));
            }
            // The server did not say which line (e.g. a foreign key checked at the end): find it row by row.
            insert(rows, false);
            throw new SeedException("Cannot load fixtures: COPY into " + table.displayName() + " failed, but every"
                    + " row inserts on its own: " + serverMessage(e) + "\n" + outcome.rolledBack(), e);
        }
    }

    private void updateDeferred() throws SQLException {
        for (PlannedRow row : deferredRows) {
            StringBuilder sql = new StringBuilder("UPDATE ").append(row.table.sqlName()).append(" SET ");
            List<String> texts = new ArrayList<>();
            boolean first = true;
            boolean[] flags = row.deferred;
            row.deferred = null;
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    sql.append(first ? "" : ", ").append(Quote.identifier(row.columns[i].name())).append(" = ?::")
                            .append(row.columns[i].castType());
                    texts.add(text(row, i));
                    first = false;
                }
            }
            sql.append(" WHERE ctid = ?::tid");
            texts.add(row.ctid);
            savepoint();
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < texts.size(); i++) {
                    ps.setObject(i + 1, texts.get(i), Types.OTHER);
                }
                ps.executeUpdate();
                release();
            } catch (SQLException e) {
                rollbackToSavepoint();
                throw rowFailure(row, e);
            }
            int k = 0;
            for (int i = 0; i < flags.length; i++) {
                if (flags[i]) {
                    String text = texts.get(k++);
                    if (row.stored != null) {
                        row.stored.put(row.columns[i].name(), text);
                    }
                }
            }
        }
    }

    private void moveSequences(Statement st, Map<String, TableInfo> tables) throws SQLException {
        for (TableInfo table : tables.values()) {
            for (Map.Entry<String, String> e : table.sequences().entrySet()) {
                if (!explicitColumns.contains(table.key() + "\u0000" + e.getKey())) {
                    continue;
                }
                String literal = Quote.literal(e.getValue()) + "::regclass";
                st.execute("SELECT pg_catalog.setval(" + literal + ", x.m) FROM (SELECT max(" + Quote.identifier(e.getKey())
                        + ")::bigint AS m FROM " + table.sqlName() + ") x, pg_catalog.pg_sequence s"
                        + " WHERE s.seqrelid = " + literal + " AND s.seqincrement > 0 AND x.m IS NOT NULL"
                        + " AND x.m >= COALESCE(pg_catalog.pg_sequence_last_value(" + literal + "), s.seqstart)");
            }
        }
    }

    private void savepoint() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SAVEPOINT driftless_seed");
        }
    }

    private void release() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("RELEASE SAVEPOINT driftless_seed");
        }
    }

    private void rollbackToSavepoint() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK TO SAVEPOINT driftless_seed");
            st.execute("RELEASE SAVEPOINT driftless_seed");
        }
    }

    private SeedException rowFailure(PlannedRow row, SQLException e) throws SQLException {
        return rowFailure(row, e, null);
    }

    private SeedException rowFailure(PlannedRow row, SQLException e, String copyColumn) throws SQLException {
        ServerErrorMessage sem = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        List<String> columns = new ArrayList<>();
        SQLException reported = e;
        if (copyColumn != null) {
            columns.add(copyColumn.trim());
        } else if (sem != null && sem.getColumn() != null) {
            columns.add(sem.getColumn());
        } else if (sem != null && sem.getConstraint() != null && row.table.constraint(sem.getConstraint()) != null) {
            columns.addAll(row.table.constraint(sem.getConstraint()).columns());
        } else if (state.startsWith("22") && parameter(sem) > 0) {
            List<ColumnInfo> inserted = unionColumns(row.table, List.of(row));
            int n = parameter(sem);
            if (n <= inserted.size()) {
                columns.add(inserted.get(n - 1).name());
            }
        } else if (state.startsWith("22")) {
            for (int i = 0; i < row.columns.length; i++) {
                String text = text(row, i);
                if (text == null) {
                    continue;
                }
                SQLException castFailure = castFailure(text, row.columns[i]);
                if (castFailure != null) {
                    columns.add(row.columns[i].name());
                    reported = castFailure;
                    break;
                }
                Integer max = row.columns[i].maxLength();
                if (max != null && text.codePointCount(0, text.length()) > max) {
                    columns.add(row.columns[i].name());
                    break;
                }
            }
        }
        StringBuilder sb = new StringBuilder("Cannot load fixtures: ").append(row.describe());
        if (columns.size() == 1) {
            String column = columns.get(0);
            sb.append(", column ").append(column);
            for (int i = 0; i < row.columns.length; i++) {
                if (row.columns[i].name().equals(column)) {
                    String text = text(row, i);
                    sb.append(" (").append(row.columns[i].displayType()).append(") = ")
                            .append(text == null ? "null" : "\"" + text + "\"");
                }
            }
        } else if (!columns.isEmpty()) {
            sb.append(", columns ").append(String.join(", ", columns));
        }
        sb.append(": ").append(serverMessage(reported));
        String advice = advice(reported.getSQLState() == null ? "" : reported.getSQLState(), columns);
        if (!advice.isEmpty()) {
            sb.append("\n  ").append(advice);
        }
        sb.append('\n').append(outcome.rolledBack());
        return new SeedException(sb.toString(), e);
    }

    /** @return the 1-based parameter the server blamed ("unnamed portal parameter $2"), or 0 */
    private static int parameter(ServerErrorMessage sem) {
        Matcher m = sem == null || sem.getWhere() == null ? null : PARAMETER.matcher(sem.getWhere());
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private SQLException castFailure(String text, ColumnInfo column) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SAVEPOINT driftless_check");
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT ?::" + column.castType())) {
            ps.setObject(1, text, Types.OTHER);
            ps.executeQuery().close();
            return null;
        } catch (SQLException e) {
            return e;
        } finally {
            try (Statement st = connection.createStatement()) {
                st.execute("ROLLBACK TO SAVEPOINT driftless_check");
                st.execute("RELEASE SAVEPOINT driftless_check");
            }
        }
    }

    private static String advice(String state, List<String> columns) {
        switch (state) {
            case "23503":
                return "Add the referenced row to the fixture, or refer to it with $ref:<alias> instead of a literal key.";
            case "23505":
                return "Each row needs its own key: remove the duplicate, or leave the key to its default.";
            case "23502":
                return "Give " + (columns.isEmpty() ? "the column" : "column " + columns.get(0))
                        + " a value, or give it a default in the schema.";
            case "23514":
                return "Change the value so that the check constraint holds.";
            default:
                return state.startsWith("22")
                        ? "Write the value as PostgreSQL's input for the column's type accepts it." : "";
        }
    }

    /**
     * Formats the server's side of a failure: {@code [SQLSTATE] message}, then its detail and hint on indented lines.
     *
     * @param e the failure
     * @return the text, never {@code null}
     */
    public static String serverMessage(SQLException e) {
        ServerErrorMessage sem = e instanceof PSQLException ? ((PSQLException) e).getServerErrorMessage() : null;
        if (sem == null) {
            return (e.getSQLState() == null ? "" : "[" + e.getSQLState() + "] ") + e.getMessage();
        }
        StringBuilder sb = new StringBuilder("[").append(sem.getSQLState()).append("] ").append(sem.getMessage());
        if (sem.getDetail() != null) {
            sb.append("\n  Detail: ").append(sem.getDetail());
        }
        if (sem.getHint() != null) {
            sb.append("\n  Hint: ").append(sem.getHint());
        }
        return sb.toString();
    }

    /** {@code TableOrder} orders tables parents-first as strongly connected components (Tarjan). */
    static final class TableOrder {

        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new java.util.HashSet<>();
        private final List<List<String>> result = new ArrayList<>();
        private int counter;

        private TableOrder(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        static List<List<String>> components(List<String> nodes, Map<String, Set<String>> edges) {
            TableOrder order = new TableOrder(edges);
            for (String node : nodes) {
                if (!order.index.containsKey(node)) {
                    order.visit(node);
                }
            }
            return order.result;
        }

        private void visit(String node) {
            index.put(node, counter);
            low.put(node, counter++);
            stack.push(node);
            onStack.add(node);
            for (String next : edges.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(0, member);
                } while (!member.equals(node));
                result.add(component);
            }
        }
    }
}
