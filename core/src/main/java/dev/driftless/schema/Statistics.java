package dev.driftless.schema;

import java.util.List;

/**
 * {@code Statistics} is an extended statistics object ({@code CREATE STATISTICS}) on a {@link Table} or a
 * materialized {@link View}. It has a schema of its own, usually but not always its table's.
 *
 * @param schema the schema of the statistics object, never {@code null}
 * @param name the name, never {@code null}
 * @param kinds the kinds asked for, in the order {@code ndistinct}, {@code dependencies}, {@code mcv}; empty for a
 *     statistics object on a single expression (which has expression statistics only)
 * @param columns the columns and expressions as {@code pg_get_statisticsobjdef_columns} prints them, e.g.
 *     {@code party_id, lower(email)}, never {@code null}
 * @param statisticsTarget the target set with {@code ALTER STATISTICS ... SET STATISTICS}, or {@code null} for the
 *     default
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record Statistics(String schema, String name, List<String> kinds, String columns, Integer statisticsTarget,
        String owner, String comment) {

    /**
     * Creates a statistics object; the list is copied.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param kinds the value for the {@code kinds} record component
     * @param columns the value for the {@code columns} record component
     * @param statisticsTarget the value for the {@code statisticsTarget} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public Statistics {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(columns, "columns");
        kinds = Values.list(kinds);
    }

    /**
     * Returns the name it is known by within its table: the bare name when it lives in the table's schema, else
     * {@code schema.name}.
     *
     * @param tableSchema the schema of its table
     * @return e.g. {@code booking_stats}, or {@code billing.booking_stats} for one in another schema
     */
    public String nameWithin(String tableSchema) {
        return schema.equals(tableSchema) ? name : schema + "." + name;
    }
}
