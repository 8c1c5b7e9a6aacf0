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
 * @param constraintType for a {@linkplain ObjectKind#CONSTRAINT constraint}, its type (in the "from" snapshot when
 *     it changed), so a report can say {@code foreign key} rather than {@code constraint}; else {@code null}
 */
public record Change(ObjectId object, ChangeType type, String property, String from, String to,
        ChangeCategory category, ConstraintType constraintType) {

    /**
     * Creates a change.
     *
     * @param object the value for the {@code object} record component
     * @param type the value for the {@code type} record component
     * @param property the value for the {@code property} record component
     * @param from the value for the {@code from} record component
     * @param to the value for the {@code to} record component
     * @param category the value for the {@code category} record component
     * @param constraintType the value for the {@code constraintType} record component
     */
    public Change {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        if ((type == ChangeType.CHANGED) != (property != null)) {
            throw new IllegalArgumentException("A property is named for changed objects, and only for them");
        }
        if (constraintType != null && object.kind() != ObjectKind.CONSTRAINT) {
            throw new IllegalArgumentException("Only a constraint has a constraint type: " + object);
        }
    }

    /**
     * Creates a change of an object that is not a constraint, or of a constraint whose type is not known.
     *
     * @param object the value for the {@code object} record component
     * @param type the value for the {@code type} record component
     * @param property the value for the {@code property} record component
     * @param from the value for the {@code from} record component
     * @param to the value for the {@code to} record component
     * @param category the value for the {@code category} record component
     */
    public Change(ObjectId object, ChangeType type, String property, String from, String to,
            ChangeCategory category) {
        this(object, type, property, from, to, category, null);
    }

    /**
     * Returns the kind of the changed object as people read it: {@code foreign key}, {@code unique constraint},
     * {@code check constraint} for constraints of a known type, else the kind's {@linkplain ObjectKind#label() label}.
     *
     * @return lower-case words, never {@code null}
     */
    public String kindLabel() {
        if (constraintType == null) {
            return object.kind().label();
        }
        return switch (constraintType) {
            case PRIMARY_KEY -> "primary key";
            case FOREIGN_KEY -> "foreign key";
            case UNIQUE -> "unique constraint";
            case CHECK -> "check constraint";
            case EXCLUSION -> "exclusion constraint";
        };
    }
}
