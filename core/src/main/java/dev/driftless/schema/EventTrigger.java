package dev.driftless.schema;

import java.util.List;

/**
 * {@code EventTrigger} is an event trigger ({@code CREATE EVENT TRIGGER}), not one of an extension; database-wide,
 * identified by name alone.
 *
 * @param name the name, never {@code null}
 * @param event the event, e.g. {@code ddl_command_end}
 * @param function the function it executes, schema-qualified outside {@code pg_catalog}, e.g.
 *     {@code public.on_ddl()}
 * @param tags the command tags of {@code WHEN TAG IN (...)}, sorted; empty for every command
 * @param enabled {@code enabled}, {@code disabled}, {@code replica} or {@code always}
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record EventTrigger(String name, String event, String function, List<String> tags, String enabled,
        String owner, String comment) {

    /**
     * Creates an event trigger; lists are copied.
     *
     * @param name the value for the {@code name} record component
     * @param event the value for the {@code event} record component
     * @param function the value for the {@code function} record component
     * @param tags the value for the {@code tags} record component
     * @param enabled the value for the {@code enabled} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public EventTrigger {
        Values.required(name, "name");
        tags = Values.sortedStrings(tags);
    }

    /** @return the identity of this event trigger */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.EVENT_TRIGGER, null, name);
    }
}
