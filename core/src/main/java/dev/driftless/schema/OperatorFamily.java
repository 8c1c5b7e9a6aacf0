package dev.driftless.schema;

import java.util.List;

/**
 * {@code OperatorFamily} is an operator family, created with {@code CREATE OPERATOR FAMILY} or by
 * {@code CREATE OPERATOR CLASS}, not one of an extension. Its name and access method identify it. The members are
 * those added to the family itself ({@code ALTER OPERATOR FAMILY ... ADD}, or class members whose operand types differ
 * from the class's type), written as pg_dump writes them. Names outside {@code pg_catalog} are schema-qualified.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param method the index access method, e.g. {@code btree}, never {@code null}
 * @param operators the operators, e.g. {@code OPERATOR 1 <(integer,bigint)}, by strategy number
 * @param functions the support functions, e.g.
 *     {@code FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint)}, by number
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record OperatorFamily(String schema, String name, String method, List<String> operators,
        List<String> functions, String owner, String comment) {

    /**
     * Creates an operator family; lists are copied.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param method the value for the {@code method} record component
     * @param operators the value for the {@code operators} record component
     * @param functions the value for the {@code functions} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public OperatorFamily {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(method, "method");
        operators = Values.list(operators);
        functions = Values.list(functions);
    }

    /** @return the identity of this family, named {@code name USING method} */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.OPERATOR_FAMILY, schema, name + " USING " + method);
    }
}
