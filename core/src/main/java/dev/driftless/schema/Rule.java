package dev.driftless.schema;

/**
 * {@code Rule} is a rewrite rule ({@code CREATE RULE}) on a {@link Table} or a {@link View}; not the {@code _RETURN}
 * rule that makes a view a view.
 *
 * @param name the name, never {@code null}
 * @param event {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}, never {@code null}
 * @param definition the rule as {@code pg_get_ruledef} prints it, on one line (its line breaks and indentation
 *     collapsed to one space, without the closing semicolon); table names are schema-qualified
 * @param enabled {@code ORIGIN} (the default), {@code DISABLED}, {@code REPLICA} or {@code ALWAYS}
 * @param comment the comment, or {@code null}
 */
public record Rule(String name, String event, String definition, String enabled, String comment) {

    /**
     * Creates a rule.
     *
     * @param name the value for the {@code name} record component
     * @param event the value for the {@code event} record component
     * @param definition the value for the {@code definition} record component
     * @param enabled the value for the {@code enabled} record component
     * @param comment the value for the {@code comment} record component
     */
    public Rule {
        Values.required(name, "name");
        Values.required(event, "event");
        Values.required(definition, "definition");
    }
}
