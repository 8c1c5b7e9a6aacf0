package dev.driftless.schema;

import java.util.List;

/**
 * {@code Publication} is a logical replication publication ({@code CREATE PUBLICATION}); database-wide, identified by
 * name alone.
 *
 * @param name the name, never {@code null}
 * @param allTables whether it is {@code FOR ALL TABLES}
 * @param operations the published operations, of {@code insert, update, delete, truncate}, in that order
 * @param viaRoot whether changes of partitions are published as their root table's
 *     ({@code publish_via_partition_root})
 * @param generatedColumns which generated columns are published ({@code stored}; PostgreSQL 18), else {@code null}
 * @param tables the tables it names, sorted, each quoted and schema-qualified with its column list and row
 *     filter (PostgreSQL 15), e.g. {@code public.party (party_id, email) WHERE (party_id > 0)}; only tables in the
 *     snapshot's schemas
 * @param schemas the schemas of {@code FOR TABLES IN SCHEMA} (PostgreSQL 15), sorted; only the snapshot's
 *     schemas
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record Publication(String name, boolean allTables, List<String> operations, boolean viaRoot,
        String generatedColumns, List<String> tables, List<String> schemas, String owner, String comment) {

    /**
     * Creates a publication; lists are copied.
     *
     * @param name the value for the {@code name} record component
     * @param allTables the value for the {@code allTables} record component
     * @param operations the value for the {@code operations} record component
     * @param viaRoot the value for the {@code viaRoot} record component
     * @param generatedColumns the value for the {@code generatedColumns} record component
     * @param tables the value for the {@code tables} record component
     * @param schemas the value for the {@code schemas} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public Publication {
        Values.required(name, "name");
        operations = Values.list(operations);
        tables = Values.sortedStrings(tables);
        schemas = Values.sortedStrings(schemas);
    }

    /** @return the identity of this publication */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.PUBLICATION, null, name);
    }
}
