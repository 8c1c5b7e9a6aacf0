package dev.driftless.schema;

/**
 * {@code BaseType} is a base type ({@code CREATE TYPE name (INPUT = ..., OUTPUT = ...)}) or a shell type
 * ({@code CREATE TYPE name}), not one created by an extension; array types are not listed (they come with their
 * element type). Function and type names outside {@code pg_catalog} are schema-qualified. A shell type has only its
 * name, owner and comment: the other values are {@code null} or {@code false}.
 *
 * @param schema the schema, never {@code null}
 * @param name the name, never {@code null}
 * @param shell whether it is a shell type (a placeholder without functions yet)
 * @param input the input function ({@code INPUT}), or {@code null} for a shell type
 * @param output the output function ({@code OUTPUT}), or {@code null} for a shell type
 * @param receive the binary input function ({@code RECEIVE}), or {@code null}
 * @param send the binary output function ({@code SEND}), or {@code null}
 * @param typmodIn the type modifier input function ({@code TYPMOD_IN}), or {@code null}
 * @param typmodOut the type modifier output function ({@code TYPMOD_OUT}), or {@code null}
 * @param analyze the statistics function ({@code ANALYZE}), or {@code null}
 * @param subscript the subscripting handler ({@code SUBSCRIPT}), or {@code null}
 * @param internalLength {@code VARIABLE} or the length in bytes ({@code INTERNALLENGTH}), or {@code null} for a
 *     shell type
 * @param passedByValue whether values are passed by value ({@code PASSEDBYVALUE})
 * @param alignment {@code char}, {@code int2}, {@code int4} or {@code double} ({@code ALIGNMENT}), or {@code null}
 *     for a shell type
 * @param storage {@code plain}, {@code external}, {@code main} or {@code extended} ({@code STORAGE}), or
 *     {@code null} for a shell type
 * @param category the one-letter category ({@code CATEGORY}), or {@code null} for a shell type
 * @param preferred whether it is the preferred type of its category ({@code PREFERRED})
 * @param defaultValue the default ({@code DEFAULT}), or {@code null}
 * @param element the element type of a fixed-length array type ({@code ELEMENT}), or {@code null}
 * @param delimiter the array element delimiter ({@code DELIMITER}), or {@code null} for a shell type
 * @param collatable whether it is collatable ({@code COLLATABLE})
 * @param owner the owning role
 * @param comment the comment, or {@code null}
 */
public record BaseType(String schema, String name, boolean shell, String input, String output, String receive,
        String send, String typmodIn, String typmodOut, String analyze, String subscript, String internalLength,
        boolean passedByValue, String alignment, String storage, String category, boolean preferred,
        String defaultValue, String element, String delimiter, boolean collatable, String owner, String comment) {

    /**
     * Creates a base type.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param shell the value for the {@code shell} record component
     * @param input the value for the {@code input} record component
     * @param output the value for the {@code output} record component
     * @param receive the value for the {@code receive} record component
     * @param send the value for the {@code send} record component
     * @param typmodIn the value for the {@code typmodIn} record component
     * @param typmodOut the value for the {@code typmodOut} record component
     * @param analyze the value for the {@code analyze} record component
     * @param subscript the value for the {@code subscript} record component
     * @param internalLength the value for the {@code internalLength} record component
     * @param passedByValue the value for the {@code passedByValue} record component
     * @param alignment the value for the {@code alignment} record component
     * @param storage the value for the {@code storage} record component
     * @param category the value for the {@code category} record component
     * @param preferred the value for the {@code preferred} record component
     * @param defaultValue the value for the {@code defaultValue} record component
     * @param element the value for the {@code element} record component
     * @param delimiter the value for the {@code delimiter} record component
     * @param collatable the value for the {@code collatable} record component
     * @param owner the value for the {@code owner} record component
     * @param comment the value for the {@code comment} record component
     */
    public BaseType {
        Values.required(schema, "schema");
        Values.required(name, "name");
    }

    /** @return the identity of this type */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.BASE_TYPE, schema, name);
    }
}
