package dev.driftless.schema;

import java.util.List;

/**
 * {@code Policy} is a row-level security policy on a {@link Table}.
 *
 * @param name the name, never {@code null}
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param permissive {@code true} for {@code PERMISSIVE}, {@code false} for {@code RESTRICTIVE}
 * @param roles the roles it applies to, sorted ({@code public} for everyone)
 * @param using the {@code USING} expression, or {@code null}
 * @param withCheck the {@code WITH CHECK} expression, or {@code null}
 */
public record Policy(String name, String command, boolean permissive, List<String> roles, String using,
        String withCheck) {

    /**
     * Creates a policy; lists are copied and sorted.
     *
     * @param name the value for the {@code name} record component
     * @param command the value for the {@code command} record component
     * @param permissive the value for the {@code permissive} record component
     * @param roles the value for the {@code roles} record component
     * @param using the value for the {@code using} record component
     * @param withCheck the value for the {@code withCheck} record component
     */
    public Policy {
        Values.required(name, "name");
        roles = Values.sortedStrings(roles);
    }
}
