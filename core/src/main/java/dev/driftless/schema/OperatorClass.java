package dev.driftless.schema;

import java.util.List;

/**
 * {@code OperatorClass} is an operator class created with {@code CREATE OPERATOR CLASS}, not one of an extension. Its
 * name and access method identify it. The members are those that belong to the class, written as pg_dump writes
 * them; members added to its family apart from the class belong to the {@link OperatorFamily}. Names outside
 * {@code pg_catalog} are schema-qualified.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param method the index access method, e.g. {@code btree}, never {@code null}
 * @param type the data type it is for ({@code FOR TYPE}), never {@code null}
 * @param isDefault whether it is the default class for its type and method ({@code DEFAULT})
 * @param family the operator family it belongs to ({@code FAMILY}), never {@code null}
 * @param storage the type stored in the index ({@code STORAGE}), or {@code null} when it is the data type
 * @param operators the operators, e.g. {@code OPERATOR 1 <(integer,integer)}, by strategy number
 * @param functions the support functions, e.g.
 *     {@code FUNCTION 1 (integer, integer) btint4cmp(integer,integer)}, by number
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record OperatorClass(String schema, String name, String method, String type, boolean isDefault, String family,
        String storage, List<String> operators, List<String> functions, String owner, String comment) {

    /**
     * Creates an operator class; lists are copied.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param method the value for the {@code method} record component
     * @param type the value for the {@code type} record component
     * @param isDefault the value for the {@code isDefault} record component
     * @param family the value for the {@code family} record component
     * @param storage the value for the {@code storage} record component
     * @param operators the value for the {@code operators} record component
     * @param functions the value for the {@code functions} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public OperatorClass {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(method, "method");
        Values.required(type, "type");
        Values.required(family, "family");
        operators = Values.list(operators);
        functions = Values.list(functions);
    }

    /** @return the identity of this class, named {@code name USING method} */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.OPERATOR_CLASS, schema, name + " USING " + method);
    }
}
