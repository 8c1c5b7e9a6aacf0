package dev.driftless.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code Table} is a table with its columns, constraints, indexes, triggers, row-level security policies, rules and
 * extended statistics: a regular
 * table, a partitioned table ({@link #partitionKey()} set), a partition ({@link #partitionOf()} set), an unlogged
 * table, or a table inheriting from others.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param unlogged whether it is {@code UNLOGGED}
 * @param partitionKey for a partitioned table, the key as PostgreSQL prints it ({@code RANGE (starts_at)}), else
 *     {@code null}
 * @param partitionOf for a partition, its parent, schema-qualified; else {@code null}
 * @param partitionBound for a partition, its bound ({@code FOR VALUES FROM (...) TO (...)}), else {@code null}
 * @param inherits the parents of a table declared with {@code INHERITS}, schema-qualified, in declaration order
 * @param options the storage parameters ({@code fillfactor=70}), sorted
 * @param rowSecurity whether row-level security is enabled
 * @param forceRowSecurity whether it is forced for the owner too
 * @param replicaIdentity {@code NOTHING}, {@code FULL} or {@code USING INDEX name} when not the default (the primary
 *     key), else {@code null}
 * @param owner the owning role
 * @param privileges the access privileges as PostgreSQL prints them, sorted; empty for the defaults
 * @param comment the comment, or {@code null}
 * @param columns the columns in table order
 * @param constraints the constraints, sorted by name
 * @param indexes the indexes, sorted by name
 * @param triggers the triggers, sorted by name
 * @param policies the policies, sorted by name
 * @param rules the rules ({@code CREATE RULE}), sorted by name
 * @param statistics the extended statistics objects, sorted by {@linkplain Statistics#nameWithin name within the
 *     table}
 * @param tablespace the tablespace it is stored in, or {@code null} for the database's default tablespace
 */
public record Table(String schema, String name, boolean unlogged, String partitionKey, String partitionOf,
        String partitionBound, List<String> inherits, List<String> options, boolean rowSecurity,
        boolean forceRowSecurity, String replicaIdentity, String owner, List<String> privileges, String comment,
        List<Column> columns, List<Constraint> constraints, List<Index> indexes, List<Trigger> triggers,
        List<Policy> policies, List<Rule> rules, List<Statistics> statistics, String tablespace) {

    /**
     * Creates a table; lists are copied, parts sorted by name (columns keep their order).
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param unlogged the value for the {@code unlogged} record component
     * @param partitionKey the value for the {@code partitionKey} record component
     * @param partitionOf the value for the {@code partitionOf} record component
     * @param partitionBound the value for the {@code partitionBound} record component
     * @param inherits the value for the {@code inherits} record component
     * @param options the value for the {@code options} record component
     * @param rowSecurity the value for the {@code rowSecurity} record component
     * @param forceRowSecurity the value for the {@code forceRowSecurity} record component
     * @param replicaIdentity the value for the {@code replicaIdentity} record component
     * @param owner the value for the {@code owner} record component
     * @param privileges the value for the {@code privileges} record component
     * @param comment the value for the {@code comment} record component
     * @param columns the value for the {@code columns} record component
     * @param constraints the value for the {@code constraints} record component
     * @param indexes the value for the {@code indexes} record component
     * @param triggers the value for the {@code triggers} record component
     * @param policies the value for the {@code policies} record component
     * @param rules the value for the {@code rules} record component
     * @param statistics the value for the {@code statistics} record component
     * @param tablespace the value for the {@code tablespace} record component
     */
    public Table {
        Values.required(schema, "schema");
        Values.required(name, "name");
        inherits = Values.list(inherits);
        options = Values.sortedStrings(options);
        privileges = Values.sortedStrings(privileges);
        columns = Values.sorted(columns, Comparator.comparingInt(Column::position));
        constraints = Values.sorted(constraints, Comparator.comparing(Constraint::name));
        indexes = Values.sorted(indexes, Comparator.comparing(Index::name));
        triggers = Values.sorted(triggers, Comparator.comparing(Trigger::name));
        policies = Values.sorted(policies, Comparator.comparing(Policy::name));
        rules = Values.sorted(rules, Comparator.comparing(Rule::name));
        statistics = Values.sorted(statistics, Comparator.comparing((Statistics s) -> s.nameWithin(schema)));
    }

    /** @return the identity of this table */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.TABLE, schema, name);
    }

    /** @return {@code true} for a partitioned table (one with a partition key) */
    public boolean partitioned() {
        return partitionKey != null;
    }

    /**
     * Finds a column by name.
     *
     * @param columnName the exact name
     * @return the column, or empty
     */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * Finds a constraint by name.
     *
     * @param constraintName the exact name
     * @return the constraint, or empty
     */
    public Optional<Constraint> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    /**
     * Finds an index by name.
     *
     * @param indexName the exact name
     * @return the index, or empty
     */
    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /** @return the primary key, if the table has one */
    public Optional<Constraint> primaryKey() {
        return constraints.stream().filter(c -> c.type() == ConstraintType.PRIMARY_KEY).findFirst();
    }
}
