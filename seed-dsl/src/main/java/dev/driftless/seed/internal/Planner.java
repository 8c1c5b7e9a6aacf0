package dev.driftless.seed.internal;

import dev.driftless.seed.Ref;
import dev.driftless.seed.SeedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Planner} checks fixture rows against the catalog before anything is inserted: tables, columns, value shapes,
 * aliases and references. It reports every problem at once, each with the closest existing name.
 */
public final class Planner {

    private final Catalog catalog;
    private final Placeholders placeholders;
    private final Map<String, AliasRegistry.Entry> earlier;
    private final Outcome outcome;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    // Column records of different tables can be equal, so arrays are shared per table, keyed by column names.
    private final Map<TableInfo, Map<List<String>, ColumnInfo[]>> columnArrays = new HashMap<>();
    // Keyed by the referring column's identity: equal column records of two tables may resolve differently.
    private final Map<Ref, Map<ColumnInfo, RefTarget>> targets = new HashMap<>();
    private ColumnInfo[] lastColumns = new ColumnInfo[0];
    private final Map<TableInfo, Map<String, ColumnInfo>> resolvedColumns = new java.util.IdentityHashMap<>();

    /**
     * Creates a planner.
     *
     * @param catalog the target database's catalog
     * @param placeholders the placeholders of this load
     * @param earlier the aliases of earlier loads by the same seeder
     * @param outcome what the load would change, for the message when the fixtures are refused
     */
    public Planner(Catalog catalog, Placeholders placeholders, Map<String, AliasRegistry.Entry> earlier,
            Outcome outcome) {
        this.catalog = catalog;
        this.placeholders = placeholders;
        this.earlier = earlier;
        this.outcome = outcome;
    }

    /**
     * Checks and binds rows.
     *
     * @param rows the fixture rows, in load order
     * @return the plan
     * @throws SeedException listing every problem found
     */
    public Plan plan(List<FixtureRow> rows) {
        return plan(rows, List.of());
    }

    /**
     * Checks and binds rows, and checks that the tables named without rows exist.
     *
     * @param rows the fixture rows, in load order
     * @param emptyTables the marks of tables named without rows ({@link FixtureRow#isEmptyTable()})
     * @return the plan
     * @throws SeedException listing every problem found
     */
    public Plan plan(List<FixtureRow> rows, List<FixtureRow> emptyTables) {
        for (FixtureRow empty : emptyTables) {
            String problem;
            try {
                problem = catalog.find(empty.table()) == null ? catalog.unknownTable(empty.table()) : null;
            } catch (SeedException e) {
                problem = e.getMessage();
            }
            if (problem != null && reported.add("table\u0000" + empty.origin().source() + "\u0000" + empty.table())) {
                problems.add(empty.origin().describe() + ", table " + empty.table() + " (no rows): " + problem);
            }
        }
        List<PlannedRow> planned = new ArrayList<>(rows.size());
        Map<String, PlannedRow> aliases = new LinkedHashMap<>();
        Map<String, TableInfo> tableCache = new LinkedHashMap<>();
        int order = 0;
        for (FixtureRow row : rows) {
            TableInfo table = tableCache.get(row.table());
            if (table == null) {
                String problem;
                try {
                    table = catalog.find(row.table());
                    problem = table == null ? catalog.unknownTable(row.table()) : null;
                } catch (SeedException e) {
                    problem = e.getMessage();
                }
                if (problem != null) {
                    if (reported.add("table\u0000" + row.origin().source() + "\u0000" + row.table())) {
                        problems.add(row.describe() + ": " + problem);
                    }
                    continue;
                }
                tableCache.put(row.table(), table);
            }
            int problemsBefore = problems.size();
            PlannedRow p = bind(row, table, order++);
            if (problems.size() == problemsBefore) {
                planned.add(p);
            }
            // A row with problems still defines its alias, so that references to it are not reported as unknown.
            if (row.alias() != null) {
                PlannedRow other = aliases.get(row.alias());
                AliasRegistry.Entry before = earlier.get(row.alias());
                if (other != null || before != null) {
                    problems.add(row.describe() + ": duplicate alias \"" + row.alias() + "\"; it already names "
                            + (other != null ? other.describe() : before.where() + " (an earlier load)")
                            + ". Give each row its own alias.");
                } else {
                    aliases.put(row.alias(), p);
                }
            }
        }
        for (PlannedRow p : planned) {
            resolveRefs(p, aliases);
        }
        if (!problems.isEmpty()) {
            Set<PlannedRow> checked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            checked.addAll(planned);
            for (PlannedRow p : aliases.values()) {
                if (!checked.contains(p)) {
                    resolveRefs(p, aliases);
                }
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("Cannot load fixtures: ").append(problems.size())
                    .append(problems.size() == 1 ? " problem" : " problems")
                    .append(" found ").append(outcome.checkedBefore()).append(':');
            for (String problem : problems) {
                sb.append("\n  - ").append(problem);
            }
            sb.append('\n').append(outcome.refused()).append(" Fix the fixture and load again.");
            throw new SeedException(sb.toString());
        }
        return new Plan(planned, aliases);
    }

    private PlannedRow bind(FixtureRow row, TableInfo table, int order) {
        int n = row.values().size();
        List<ColumnInfo> columns = new ArrayList<>(n);
        List<Object> values = new ArrayList<>(n);
        for (Map.Entry<String, Object> e : row.values().entrySet()) {
            ColumnInfo column;
            String problem = null;
            try {
                column = column(table, e.getKey());
                if (column == null) {
                    problem = "table " + table.displayName() + " has no column \"" + e.getKey() + "\""
                            + table.columnNames().didYouMean(e.getKey());
                }
            } catch (SeedException ex) {
                column = null;
                problem = "table " + table.displayName() + ": " + ex.getMessage();
            }
            if (column == null) {
                if (reported.add("column\u0000" + row.origin().source() + "\u0000" + table.key() + "\u0000" + e.getKey())) {
                    problems.add(row.describe() + ", column " + e.getKey() + ": " + problem);
                }
                continue;
            }
            if (!e.getKey().equals(column.name()) && columns.contains(column)) {
                problems.add(row.describe() + ", column " + e.getKey() + ": column " + column.name()
                        + " is given twice (names that differ only in case name one column). Keep one value.");
                continue;
            }
            if (column.generated()) {
                problems.add(row.describe() + ", column " + column.name() + ": the column is generated (computed"
                        + " from other columns) and cannot be given a value; leave it out.");
                continue;
            }
            try {
                Object value = placeholders.interpret(e.getValue());
                Object bound = value instanceof Ref ? value : ValueText.render(value, column);
                columns.add(column);
                values.add(bound);
            } catch (IllegalArgumentException ex) {
                problems.add(row.describe() + ", column " + column.name() + ": " + ex.getMessage());
            }
        }
        // A reference in one column of a composite foreign key fills the key's other columns from the same row.
        for (int i = 0, size = columns.size(); i < size; i++) {
            if (values.get(i) instanceof Ref && ((Ref) values.get(i)).column().isEmpty()) {
                Ref ref = (Ref) values.get(i);
                ConstraintInfo fk = foreignKeyTo(table, columns.get(i).name(), null);
                if (fk != null && fk.columns().size() > 1) {
                    for (String other : fk.columns()) {
                        if (!columns.contains(table.column(other))) {
                            columns.add(table.column(other));
                            values.add(ref);
                        }
                    }
                }
            }
        }
        // Rows with the same columns share one array: the loader compares them by identity.
        ColumnInfo[] shared = sameColumns(columns, lastColumns) ? lastColumns
                : columnArrays.computeIfAbsent(table, t -> new HashMap<>())
                        .computeIfAbsent(columns.stream().map(ColumnInfo::name).toList(),
                                names -> columns.toArray(new ColumnInfo[0]));
        lastColumns = shared;
        return new PlannedRow(row, table, shared, values.toArray(), order);
    }

    /** Resolves a written column name once per table and name: a fixture repeats its names on every row. */
    private ColumnInfo column(TableInfo table, String written) {
        Map<String, ColumnInfo> resolved = resolvedColumns.computeIfAbsent(table, t -> new HashMap<>());
        ColumnInfo column = resolved.get(written);
        if (column == null) {
            column = table.findColumn(written);
            if (column != null) {
                resolved.put(written, column);
            }
        }
        return column;
    }

    private static boolean sameColumns(List<ColumnInfo> columns, ColumnInfo[] array) {
        if (columns.size() != array.length) {
            return false;
        }
        for (int i = 0; i < array.length; i++) {
            if (columns.get(i) != array[i]) {
                return false;
            }
        }
        return true;
    }

    private void resolveRefs(PlannedRow p, Map<String, PlannedRow> aliases) {
        for (int i = 0; i < p.values.length; i++) {
            if (!(p.values[i] instanceof Ref)) {
                continue;
            }
            Ref ref = (Ref) p.values[i];
            ColumnInfo column = p.columns[i];
            RefTarget cached = targets.getOrDefault(ref, Map.of()).get(column);
            if (cached != null) {
                p.values[i] = cached;
                continue;
            }
            String where = p.describe() + ", column " + column.name();
            PlannedRow target = aliases.get(ref.alias());
            AliasRegistry.Entry before = target == null ? earlier.get(ref.alias()) : null;
            if (target == null && before == null) {
                Set<String> known = new HashSet<>(aliases.keySet());
                known.addAll(earlier.keySet());
                problems.add(where + ": unknown alias \"" + ref.alias() + "\" in " + ref
                        + Suggestions.didYouMean(ref.alias(), known)
                        + (known.isEmpty() ? "; no row has an alias yet (give the referenced row an _alias)" : ""));
                continue;
            }
            TableInfo targetTable = target != null ? target.table : catalog.byKey(before.tableKey());
            if (targetTable == null) {
                problems.add(where + ": alias \"" + ref.alias() + "\" names a row of table " + before.row().table()
                        + ", which no longer exists");
                continue;
            }
            String targetColumn = targetColumn(p.table, column, ref, targetTable, where);
            if (targetColumn != null) {
                RefTarget resolved = new RefTarget(ref.alias(), targetColumn);
                targets.computeIfAbsent(ref, k -> new java.util.IdentityHashMap<>()).put(column, resolved);
                p.values[i] = resolved;
            }
        }
    }

    private String targetColumn(TableInfo table, ColumnInfo column, Ref ref, TableInfo targetTable, String where) {
        if (ref.column().isPresent()) {
            String named = ref.column().get();
            ColumnInfo found;
            try {
                found = targetTable.findColumn(named);
            } catch (SeedException e) {
                problems.add(where + ": " + ref + ": table " + targetTable.displayName() + ": " + e.getMessage());
                return null;
            }
            if (found == null) {
                problems.add(where + ": " + ref + " names column \"" + named + "\", which table "
                        + targetTable.displayName() + " does not have"
                        + targetTable.columnNames().didYouMean(named));
                return null;
            }
            return found.name();
        }
        ConstraintInfo fk = foreignKeyTo(table, column.name(), targetTable);
        if (fk != null) {
            return fk.refColumnFor(column.name());
        }
        List<ConstraintInfo> fks = table.foreignKeys().stream().filter(f -> f.columns().contains(column.name())).toList();
        if (!fks.isEmpty()) {
            problems.add(where + ": " + ref + " is a row of table " + targetTable.displayName() + ", but column "
                    + column.name() + " references " + catalog.byKey(fks.get(0).refTable()).displayName()
                    + ". Refer to a row of that table.");
            return null;
        }
        List<String> key = targetTable.keyColumns();
        if (key.size() != 1) {
            problems.add(where + ": column " + column.name() + " has no foreign key and table "
                    + targetTable.displayName() + (key.isEmpty() ? " has no primary key" : " has a composite key")
                    + ", so " + ref + " does not say which value to use; write " + ref + ".<column>");
            return null;
        }
        return key.get(0);
    }

    private ConstraintInfo foreignKeyTo(TableInfo table, String column, TableInfo targetTable) {
        for (ConstraintInfo fk : table.foreignKeys()) {
            if (fk.columns().contains(column) && (targetTable == null || fk.refTable().equals(targetTable.key()))) {
                return fk;
            }
        }
        return null;
    }

    /**
     * {@code Plan} is the checked rows of a load and the aliases they define.
     *
     * @param rows the rows in load order
     * @param aliases alias → row, for this load
     */
    public record Plan(List<PlannedRow> rows, Map<String, PlannedRow> aliases) {
    }
}
