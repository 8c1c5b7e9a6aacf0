package dev.driftless.schema;

import java.util.Objects;

/**
 * {@code Change} is one difference between two {@link SchemaSnapshot}s: an object added or removed, or one property of
 * an object changed.
 *
 * @param object the object, never {@code null}; for a changed constraint or index matched by definition, its name in
 *     the "from" snapshot
 * @param type added, removed or changed, never {@code null}
 * @param property for {@link ChangeType#CHANGED}, the property that differs ({@code type}, {@code not null},
 *     {@code body}, ...); else {@code null}
 * @param from the old value; for {@link ChangeType#REMOVED} a one-line summary of the object when there is one
 *     ({@code integer not null} for a column, the definition for a constraint or index); {@code null} when none
 * @param to the new value; for {@link ChangeType#ADDED} a one-line summary of the object when there is one
 * @param category how much the change matters, never {@code null}
 */
public record Change(ObjectId object, ChangeType type, String property, String from, String to,
        ChangeCategory category) {

    /**
     * Creates a change.
     *
     * @param object the value for the {@code object} record component
     * @param type the value for the {@code type} record component
     * @param property the value for the {@code property} record component
     * @param from the value for the {@code from} record component
     * @param to the value for the {@code to} record component
     * @param category the value for the {@code category} record component
     */
    public Change {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        if ((type == ChangeType.CHANGED) != (property != null)) {
            throw new IllegalArgumentException("A property is named for changed objects, and only for them");
        }
    }
}
