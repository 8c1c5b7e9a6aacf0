package dev.driftless.seed.internal;

import dev.driftless.seed.NameResolver;
import dev.driftless.seed.SeedException;
import dev.driftless.sql.Quote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code TableInfo} is one table as the catalog describes it: columns, keys, foreign keys and owned sequences.
 */
public final class TableInfo {

    private final String schema;
    private final String name;
    private final String key;
    private final boolean visible;
    private final Map<String, ColumnInfo> columns;
    private final List<ConstraintInfo> constraints = new ArrayList<>();
    private final Map<String, String> sequences = new LinkedHashMap<>();
    private List<ConstraintInfo> foreignKeys;
    private volatile NameResolver<ColumnInfo> columnNames;

    TableInfo(String schema, String name, boolean visible) {
        this.schema = schema;
        this.name = name;
        this.key = schema + "." + name;
        this.visible = visible;
        this.columns = new LinkedHashMap<>();
    }

    void add(ColumnInfo column) {
        columns.put(column.name(), column);
    }

    void add(ConstraintInfo constraint) {
        constraints.add(constraint);
        foreignKeys = null;
    }

    void addSequence(String column, String sequence) {
        sequences.put(column, sequence);
    }

    /** @return {@code schema.name}, unquoted: the catalog key */
    public String key() {
        return key;
    }

    /** @return the schema */
    public String schema() {
        return schema;
    }

    /** @return the table name */
    public String name() {
        return name;
    }

    /** @return the name as users write it: bare when the search path finds it, else schema-qualified */
    public String displayName() {
        return visible ? name : schema + "." + name;
    }

    /** @return the quoted, schema-qualified name for SQL */
    public String sqlName() {
        return Quote.qualified(schema, name);
    }

    /** @return the columns in table order */
    public Map<String, ColumnInfo> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /**
     * @param column a column name
     * @return the column, or {@code null}
     */
    public ColumnInfo column(String column) {
        return columns.get(column);
    }

    /**
     * Finds a column by the name a fixture or a reference writes, resolved as {@link NameResolver} resolves names
     * ({@code NAME} finds {@code name}).
     *
     * @param written the name as written
     * @return the column, or {@code null}
     * @throws SeedException when the name matches several columns only by case
     */
    public ColumnInfo findColumn(String written) {
        ColumnInfo exact = columns.get(written);
        if (exact != null && written.equals(written.toLowerCase(java.util.Locale.ROOT))) {
            return exact; // the common case, without building the resolver
        }
        return columnNames().find(written).orElse(null);
    }

    /** @return the resolver of this table's column names, for lookups and suggestions */
    public NameResolver<ColumnInfo> columnNames() {
        NameResolver<ColumnInfo> resolver = columnNames;
        if (resolver == null) {
            resolver = NameResolver.of("column", columns);
            columnNames = resolver;
        }
        return resolver;
    }

    /** @return the foreign keys of this table */
    public List<ConstraintInfo> foreignKeys() {
        List<ConstraintInfo> cached = foreignKeys;
        if (cached == null) {
            cached = constraints.stream().filter(ConstraintInfo::isForeignKey).toList();
            foreignKeys = cached;
        }
        return cached;
    }

    /** @return every constraint of this table */
    public List<ConstraintInfo> constraints() {
        return Collections.unmodifiableList(constraints);
    }

    /**
     * @param constraintName a constraint name
     * @return the constraint of this table with that name, or {@code null}
     */
    public ConstraintInfo constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst().orElse(null);
    }

    /** @return the primary key's columns, or the first unique constraint's, or empty */
    public List<String> keyColumns() {
        return constraints.stream().filter(c -> c.type() == 'p').findFirst()
                .or(() -> constraints.stream().filter(c -> c.type() == 'u').findFirst())
                .map(ConstraintInfo::columns).orElse(List.of());
    }

    /** @return column name → quoted sequence name, for serial and identity columns */
    public Map<String, String> sequences() {
        return Collections.unmodifiableMap(sequences);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
