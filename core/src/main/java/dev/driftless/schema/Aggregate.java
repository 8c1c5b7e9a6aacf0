package dev.driftless.schema;

/**
 * {@code Aggregate} is what makes a {@link Routine} an aggregate ({@code CREATE AGGREGATE}): its parts from
 * {@code pg_aggregate}, as {@code CREATE AGGREGATE} names them. Functions are printed as PostgreSQL prints them,
 * schema-qualified outside {@code pg_catalog}.
 *
 * @param kind {@code normal}, {@code ordered-set} or {@code hypothetical}, never {@code null}
 * @param stateFunction the state transition function ({@code SFUNC}), never {@code null}
 * @param stateType the state type ({@code STYPE}), with {@code SSPACE = n} when set
 * @param finalFunction the final function ({@code FINALFUNC}) with {@code FINALFUNC_EXTRA} and a
 *     {@code FINALFUNC_MODIFY} that is not the default, or {@code null}
 * @param combineFunction the combine function ({@code COMBINEFUNC}) with its {@code SERIALFUNC} and
 *     {@code DESERIALFUNC}, or {@code null}
 * @param initialCondition the initial state ({@code INITCOND}), or {@code null}
 * @param sortOperator the sort operator ({@code SORTOP}), e.g. {@code >(integer,integer)}, or {@code null}
 * @param moving the moving-aggregate parts ({@code MSFUNC = ..., MINVFUNC = ..., MSTYPE = ...}, with
 *     {@code MFINALFUNC} and {@code MINITCOND} when set), or {@code null}
 */
public record Aggregate(String kind, String stateFunction, String stateType, String finalFunction,
        String combineFunction, String initialCondition, String sortOperator, String moving) {

    /**
     * Creates the aggregate parts.
     *
     * @param kind the value for the {@code kind} record component
     * @param stateFunction the value for the {@code stateFunction} record component
     * @param stateType the value for the {@code stateType} record component
     * @param finalFunction the value for the {@code finalFunction} record component
     * @param combineFunction the value for the {@code combineFunction} record component
     * @param initialCondition the value for the {@code initialCondition} record component
     * @param sortOperator the value for the {@code sortOperator} record component
     * @param moving the value for the {@code moving} record component
     */
    public Aggregate {
        Values.required(kind, "kind");
        Values.required(stateFunction, "stateFunction");
    }
}
