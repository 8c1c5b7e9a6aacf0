package dev.driftless.schema;

/**
 * {@code RangeType} is a range type ({@code CREATE TYPE ... AS RANGE}), not one created by an extension. Function,
 * operator class and type names outside {@code pg_catalog} are schema-qualified.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param subtype the element type, as {@code format_type} prints it, never {@code null}
 * @param subtypeOpclass the B-tree operator class ordering the subtype ({@code SUBTYPE_OPCLASS})
 * @param collation the collation ({@code COLLATION}), or {@code null} for a subtype that is not collatable
 * @param canonical the canonical function ({@code CANONICAL}), or {@code null}
 * @param subtypeDiff the difference function ({@code SUBTYPE_DIFF}), or {@code null}
 * @param multirangeType the multirange type ({@code MULTIRANGE_TYPE_NAME})
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record RangeType(String schema, String name, String subtype, String subtypeOpclass, String collation,
        String canonical, String subtypeDiff, String multirangeType, String owner, String comment) {

    /**
     * Creates a range type.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param subtype the value for the {@code subtype} record component
     * @param subtypeOpclass the value for the {@code subtypeOpclass} record component
     * @param collation the value for the {@code collation} record component
     * @param canonical the value for the {@code canonical} record component
     * @param subtypeDiff the value for the {@code subtypeDiff} record component
     * @param multirangeType the value for the {@code multirangeType} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public RangeType {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(subtype, "subtype");
    }

    /** @return the identity of this type */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.RANGE_TYPE, schema, name);
    }
}
