package dev.driftless.schema;

import java.util.List;

/**
 * {@code Column} is a column of a {@link Table}.
 *
 * @param name the name, never {@code null}
 * @param position the 1-based position among the table's live columns (dropped columns leave no gap)
 * @param type the type with modifiers as PostgreSQL prints it, e.g. {@code character varying(10)}, {@code integer[]};
 *     user-defined types are schema-qualified
 * @param notNull whether the column is {@code NOT NULL}
 * @param defaultValue the default expression as PostgreSQL prints it, or {@code null}
 * @param identity {@code ALWAYS} or {@code BY DEFAULT} for identity columns, else {@code null}
 * @param generated the expression of a {@code GENERATED ALWAYS AS (...) STORED} column, else {@code null}
 * @param collation the collation when it is not the type's default, else {@code null}
 * @param compression {@code pglz} or {@code lz4} when set explicitly, else {@code null}
 * @param identitySequence for an identity column, its sequence and options, e.g.
 *     {@code public.party_party_id_seq start 1 increment 1 min 1 max 9223372036854775807 cache 1 no cycle}, else
 *     {@code null}
 * @param statisticsTarget the statistics target set with {@code ALTER COLUMN ... SET STATISTICS}, or {@code null} for
 *     the default
 * @param storage {@code plain}, {@code external}, {@code main} or {@code extended} when it is not the type's default,
 *     else {@code null}
 * @param inheritance {@code inherited} for a column only inherited from a parent, {@code local and inherited} for one
 *     also defined locally (it survives {@code DROP COLUMN} on the parent), {@code null} for a column only defined
 *     locally
 * @param comment the comment, or {@code null}
 * @param privileges the column's own access privileges ({@code GRANT UPDATE (a) ...}) as PostgreSQL prints them,
 *     sorted, read like a table's; empty when none were granted
 */
public record Column(String name, int position, String type, boolean notNull, String defaultValue, String identity,
        String generated, String collation, String compression, String identitySequence, Integer statisticsTarget,
        String storage, String inheritance, String comment, List<String> privileges) {

    /**
     * Creates a column.
     *
     * @param name the value for the {@code name} record component
     * @param position the value for the {@code position} record component
     * @param type the value for the {@code type} record component
     * @param notNull the value for the {@code notNull} record component
     * @param defaultValue the value for the {@code defaultValue} record component
     * @param identity the value for the {@code identity} record component
     * @param generated the value for the {@code generated} record component
     * @param collation the value for the {@code collation} record component
     * @param compression the value for the {@code compression} record component
     * @param identitySequence the value for the {@code identitySequence} record component
     * @param statisticsTarget the value for the {@code statisticsTarget} record component
     * @param storage the value for the {@code storage} record component
     * @param inheritance the value for the {@code inheritance} record component
     * @param comment the value for the {@code comment} record component
     * @param privileges the value for the {@code privileges} record component
     */
    public Column {
        Values.required(name, "name");
        Values.required(type, "type");
        privileges = Values.sortedStrings(privileges);
    }
}
