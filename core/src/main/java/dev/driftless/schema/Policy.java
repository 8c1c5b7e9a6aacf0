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

    /** Creates a policy; lists are copied and sorted. */
    public Policy {
        Values.required(name, "name");
        roles = Values.sortedStrings(roles);
    }
}
