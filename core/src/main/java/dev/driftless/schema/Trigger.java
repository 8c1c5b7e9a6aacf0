package dev.driftless.schema;

/**
 * {@code Trigger} is a trigger on a {@link Table}.
 *
 * @param name the name, never {@code null}
 * @param definition the definition as {@code pg_get_triggerdef} prints it
 * @param enabled {@code ORIGIN} (the default), {@code DISABLED}, {@code REPLICA} or {@code ALWAYS}
 * @param comment the comment, or {@code null}
 */
public record Trigger(String name, String definition, String enabled, String comment) {

    /**
     * Creates a trigger.
     *
     * @param name the value for the {@code name} record component
     * @param definition the value for the {@code definition} record component
     * @param enabled the value for the {@code enabled} record component
     * @param comment the value for the {@code comment} record component
     */
    public Trigger {
        Values.required(name, "name");
        Values.required(definition, "definition");
    }
}
