package dev.driftless.schema;

import java.util.List;

/**
 * {@code ForeignTable} is a foreign table ({@code CREATE FOREIGN TABLE}), not one of an extension; its columns are
 * compared as those of a {@link Table}.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param server its foreign server
 * @param options the options, sorted, as {@code name=value}; an option whose name says it can hold a secret
 *     ({@code password}, {@code sslkey}, ...) by its name alone, its value never read (see docs/schema-diff.md)
 * @param columns the columns in order; empty when columns are not read
 * @param constraints the check constraints, sorted, as {@code name definition}:
 *     {@code rate_positive CHECK ((rate > (0)::numeric))}
 * @param parents the tables it inherits from, or for a partition its partitioned table, as {@code schema.name}
 * @param partitionBound for a partition, its bound ({@code FOR VALUES IN ('EUR')}), else {@code null}
 * @param columnOptions the columns' options, in column order, as {@code column name=value} (the same rule
 *     for secrets)
 * @param owner the owning role
 * @param privileges the access privileges, sorted; empty for the defaults
 * @param comment the comment, or {@code null}
 */
public record ForeignTable(String schema, String name, String server, List<String> options, List<Column> columns,
        List<String> constraints, List<String> parents, String partitionBound, List<String> columnOptions,
        String owner, List<String> privileges, String comment) {

    /**
     * Creates a foreign table; lists are copied.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param server the value for the {@code server} record component
     * @param options the value for the {@code options} record component
     * @param columns the value for the {@code columns} record component
     * @param constraints the value for the {@code constraints} record component
     * @param parents the value for the {@code parents} record component
     * @param partitionBound the value for the {@code partitionBound} record component
     * @param columnOptions the value for the {@code columnOptions} record component
     * @param owner the value for the {@code owner} record component
     * @param privileges the value for the {@code privileges} record component
     * @param comment the value for the {@code comment} record component
     */
    public ForeignTable {
        Values.required(schema, "schema");
        Values.required(name, "name");
        options = Values.sortedStrings(options);
        columns = Values.list(columns);
        constraints = Values.sortedStrings(constraints);
        parents = Values.list(parents);
        columnOptions = Values.list(columnOptions);
        privileges = Values.sortedStrings(privileges);
    }

    /**
     * Finds a column by its exact name.
     *
     * @param columnName the name
     * @return the column, or empty
     */
    public java.util.Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** @return the identity of this foreign table */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.FOREIGN_TABLE, schema, name);
    }
}
