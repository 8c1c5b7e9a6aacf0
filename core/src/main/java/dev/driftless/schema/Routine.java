package dev.driftless.schema;

import java.util.List;

/**
 * {@code Routine} is a function, a procedure or an aggregate, identified by its name and argument types. Aggregates
 * are routines because PostgreSQL keeps them with the functions ({@code pg_proc}): they share one name space of
 * signatures, one query, and the lookup {@link SchemaSnapshot#functions(String)}; {@link #aggregate()} holds their
 * own parts.
 *
 * @param schema the schema, never {@code null}
 * @param name the name without arguments, never {@code null}
 * @param argumentTypes the identity argument types as PostgreSQL prints them, e.g. {@code integer, text}
 * @param procedure {@code true} for a procedure
 * @param arguments the full argument list with names, modes and defaults ({@code p_id integer, p_note text DEFAULT ''})
 * @param returns the result type ({@code integer}, {@code SETOF record}, {@code TABLE(...)}), or {@code null} for
 *     procedures
 * @param language the language, e.g. {@code plpgsql}
 * @param volatility {@code VOLATILE}, {@code STABLE} or {@code IMMUTABLE}
 * @param strict whether it is {@code STRICT} (returns null on null input)
 * @param securityDefiner whether it is {@code SECURITY DEFINER}
 * @param parallel {@code UNSAFE}, {@code RESTRICTED} or {@code SAFE}
 * @param settings the {@code SET} clauses ({@code search_path=public}), in order
 * @param body the body as stored: the source text verbatim, or the parsed body of a SQL-standard
 *     {@code BEGIN ATOMIC} function
 * @param owner the owning role
 * @param privileges the access privileges, sorted; empty for the defaults
 * @param comment the comment, or {@code null}
 * @param aggregate for an aggregate, its parts; {@code null} for functions and procedures
 */
public record Routine(String schema, String name, String argumentTypes, boolean procedure, String arguments,
        String returns, String language, String volatility, boolean strict, boolean securityDefiner,
        String parallel, List<String> settings, String body, String owner, List<String> privileges,
        String comment, Aggregate aggregate) {

    /**
     * Creates a function; lists are copied.
     *
     * @param schema the value for the {@code schema} record component
     * @param name the value for the {@code name} record component
     * @param argumentTypes the value for the {@code argumentTypes} record component
     * @param procedure the value for the {@code procedure} record component
     * @param arguments the value for the {@code arguments} record component
     * @param returns the value for the {@code returns} record component
     * @param language the value for the {@code language} record component
     * @param volatility the value for the {@code volatility} record component
     * @param strict the value for the {@code strict} record component
     * @param securityDefiner the value for the {@code securityDefiner} record component
     * @param parallel the value for the {@code parallel} record component
     * @param settings the value for the {@code settings} record component
     * @param body the value for the {@code body} record component
     * @param owner the value for the {@code owner} record component
     * @param privileges the value for the {@code privileges} record component
     * @param comment the value for the {@code comment} record component
     * @param aggregate the value for the {@code aggregate} record component
     */
    public Routine {
        Values.required(schema, "schema");
        Values.required(name, "name");
        Values.required(argumentTypes, "argumentTypes");
        settings = Values.list(settings);
        privileges = Values.sortedStrings(privileges);
    }

    /** @return the signature, e.g. {@code add_booking(integer, text)} */
    public String signature() {
        return name + "(" + argumentTypes + ")";
    }

    /** @return the identity of this function, procedure or aggregate: schema, name and argument types */
    public ObjectId id() {
        ObjectKind kind = aggregate != null ? ObjectKind.AGGREGATE
                : procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION;
        return ObjectId.of(kind, schema, signature());
    }
}
