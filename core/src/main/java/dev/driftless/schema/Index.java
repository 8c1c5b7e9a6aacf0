package dev.driftless.schema;

import java.util.List;

/**
 * {@code Index} is an index of a {@link Table}, including those that back a primary key, unique or exclusion
 * constraint ({@link #constraint()} names it).
 *
 * @param name the name, never {@code null}
 * @param method the access method: {@code btree}, {@code gin}, {@code gist}, ...
 * @param unique whether it is unique
 * @param keys the key columns or expressions in order, with a non-default operator class and {@code DESC} /
 *     {@code NULLS FIRST|LAST} where given, e.g. {@code lower(email)}, {@code starts_at DESC}
 * @param include the {@code INCLUDE} columns
 * @param predicate the {@code WHERE} predicate of a partial index, or {@code null}
 * @param nullsNotDistinct whether it was created {@code NULLS NOT DISTINCT} (PostgreSQL 15+)
 * @param options the storage parameters ({@code fillfactor=70}), sorted
 * @param definition the whole definition in the form {@code pg_get_indexdef} prints it,
 *     {@code CREATE [UNIQUE] INDEX name ON schema.table USING method (keys) [INCLUDE (...)] [NULLS NOT DISTINCT]
 *     [WITH (...)] [WHERE (...)]} (without tablespace)
 * @param constraint the constraint this index backs, or {@code null}
 * @param comment the comment, or {@code null}
 * @param tablespace the tablespace it is stored in, or {@code null} for the database's default tablespace
 */
public record Index(String name, String method, boolean unique, List<String> keys, List<String> include,
        String predicate, boolean nullsNotDistinct, List<String> options, String definition, String constraint,
        String comment, String tablespace) {

    /**
     * Creates an index; lists are copied.
     *
     * @param name the value for the {@code name} record component
     * @param method the value for the {@code method} record component
     * @param unique the value for the {@code unique} record component
     * @param keys the value for the {@code keys} record component
     * @param include the value for the {@code include} record component
     * @param predicate the value for the {@code predicate} record component
     * @param nullsNotDistinct the value for the {@code nullsNotDistinct} record component
     * @param options the value for the {@code options} record component
     * @param definition the value for the {@code definition} record component
     * @param constraint the value for the {@code constraint} record component
     * @param comment the value for the {@code comment} record component
     * @param tablespace the value for the {@code tablespace} record component
     */
    public Index {
        Values.required(name, "name");
        keys = Values.list(keys);
        include = Values.list(include);
        options = Values.sortedStrings(options);
    }
}
