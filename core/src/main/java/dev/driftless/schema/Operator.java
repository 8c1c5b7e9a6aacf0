package dev.driftless.schema;

/**
 * {@code Operator} is an operator created with {@code CREATE OPERATOR}, not one of an extension. Its name and operand
 * types identify it. Function, operator and type names outside {@code pg_catalog} are schema-qualified.
 *
 * @param schema the schema, never {@code null}
 * @param name the operator's symbol, e.g. {@code ===}, never {@code null}
 * @param leftType the left operand type, or {@code null} for a prefix operator
 * @param rightType the right operand type, never {@code null}
 * @param function the implementing function ({@code FUNCTION}), never {@code null}
 * @param commutator the commutator, as {@code name(left,right)}, or {@code null}
 * @param negator the negator, as {@code name(left,right)}, or {@code null}
 * @param restrict the restriction selectivity estimator ({@code RESTRICT}), or {@code null}
 * @param join the join selectivity estimator ({@code JOIN}), or {@code null}
 * @param hashes whether it can be used for hash joins ({@code HASHES})
 * @param merges whether it can be used for merge joins ({@code MERGES})
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record Operator(String schema, String name, String leftType, String rightType, String function,
        String commutator, String negator, String restrict, String join, boolean hashes, boolean merges, String owner,
        String comment) {

    /**
     * Creates an operator.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param leftType the value for the {@code leftType} record component
     * @param rightType the value for the {@code rightType} record component
     * @param function the value for the {@code function} record component
     * @param commutator the value for the {@code commutator} record component
     * @param negator the value for the {@code negator} record component
     * @param restrict the value for the {@code restrict} record component
     * @param join the value for the {@code join} record component
     * @param hashes the value for the {@code hashes} record component
     * @param merges the value for the {@code merges} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public Operator {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(rightType, "rightType");
        Values.required(function, "function");
    }

    /** @return the identity of this operator, named {@code symbol(left, right)} ({@code NONE} for no left operand) */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.OPERATOR, schema,
                name + "(" + (leftType == null ? "NONE" : leftType) + ", " + rightType + ")");
    }
}
