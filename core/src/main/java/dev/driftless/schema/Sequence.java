package dev.driftless.schema;

import java.util.List;

/**
 * {@code Sequence} is a sequence, including those behind {@code serial} columns ({@link #ownedBy()} set). Sequences of
 * identity columns are not listed: they belong to the column ({@link Column#identity()}).
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param dataType {@code smallint}, {@code integer} or {@code bigint}
 * @param start the start value
 * @param increment the increment
 * @param minValue the minimum value
 * @param maxValue the maximum value
 * @param cache the cache size
 * @param cycle whether it cycles
 * @param ownedBy the owning column, {@code schema.table.column}, or {@code null}
 * @param owner the owning role
 * @param privileges the access privileges, sorted; empty for the defaults
 * @param comment the comment, or {@code null}
 */
public record Sequence(String schema, String name, String dataType, long start, long increment, long minValue,
        long maxValue, long cache, boolean cycle, String ownedBy, String owner, List<String> privileges,
        String comment) {

    /**
     * Creates a sequence; lists are copied and sorted.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param dataType the value for the {@code dataType} record component
     * @param start the value for the {@code start} record component
     * @param increment the value for the {@code increment} record component
     * @param minValue the value for the {@code minValue} record component
     * @param maxValue the value for the {@code maxValue} record component
     * @param cache the value for the {@code cache} record component
     * @param cycle the value for the {@code cycle} record component
     * @param ownedBy the value for the {@code ownedBy} record component
     * @param owner the value for the {@code owner} record component
     * @param privileges the value for the {@code privileges} record component
     * @param comment the value for the {@code comment} record component
     */
    public Sequence {
        Values.required(schema, "schema");
        Values.required(name, "name");
        privileges = Values.sortedStrings(privileges);
    }

    /** @return the identity of this sequence */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.SEQUENCE, schema, name);
    }
}
