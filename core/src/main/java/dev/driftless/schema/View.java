package dev.driftless.schema;

import java.util.Comparator;
import java.util.List;

/**
 * {@code View} is a view or a materialized view.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param materialized {@code true} for a materialized view
 * @param definition the query as {@code pg_get_viewdef} prints it (table names schema-qualified)
 * @param options the view options ({@code security_barrier=true}, {@code check_option=local}), sorted
 * @param owner the owning role
 * @param privileges the access privileges, sorted; empty for the defaults
 * @param comment the comment, or {@code null}
 * @param indexes the indexes of a materialized view, sorted by name; empty for a view
 * @param triggers the triggers (e.g. {@code INSTEAD OF} triggers of a view), sorted by name
 * @param rules the rules of a view ({@code CREATE RULE ... DO INSTEAD}, not the {@code _RETURN} rule that every view
 *     has), sorted by name; empty for a materialized view, which cannot have any
 * @param statistics the extended statistics objects of a materialized view, sorted by
 *     {@linkplain Statistics#nameWithin name within the view}; empty for a view
 * @param tablespace the tablespace a materialized view is stored in, or {@code null} for the database's default
 *     tablespace (and for a view)
 */
public record View(String schema, String name, boolean materialized, String definition, List<String> options,
        String owner, List<String> privileges, String comment, List<Index> indexes, List<Trigger> triggers,
        List<Rule> rules, List<Statistics> statistics, String tablespace) {

    /**
     * Creates a view; lists are copied and sorted.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param materialized the value for the {@code materialized} record component
     * @param definition the value for the {@code definition} record component
     * @param options the value for the {@code options} record component
     * @param owner the value for the {@code owner} record component
     * @param privileges the value for the {@code privileges} record component
     * @param comment the value for the {@code comment} record component
     * @param indexes the value for the {@code indexes} record component
     * @param triggers the value for the {@code triggers} record component
     * @param rules the value for the {@code rules} record component
     * @param statistics the value for the {@code statistics} record component
     * @param tablespace the value for the {@code tablespace} record component
     */
    public View {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(definition, "definition");
        options = Values.sortedStrings(options);
        privileges = Values.sortedStrings(privileges);
        indexes = Values.sorted(indexes, Comparator.comparing(Index::name));
        triggers = Values.sorted(triggers, Comparator.comparing(Trigger::name));
        rules = Values.sorted(rules, Comparator.comparing(Rule::name));
        statistics = Values.sorted(statistics, Comparator.comparing((Statistics s) -> s.nameWithin(schema)));
    }

    /** @return the identity of this view */
    public ObjectId id() {
        return ObjectId.of(materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW, schema, name);
    }
}
