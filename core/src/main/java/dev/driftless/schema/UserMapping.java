package dev.driftless.schema;

import java.util.List;

/**
 * {@code UserMapping} says that a user has a mapping on a foreign server ({@code CREATE USER MAPPING}), and which
 * options it sets, by name: option values (user names, passwords) are never read. Identified as
 * {@code user@server}.
 *
 * @param user the mapped user ({@code public} for {@code PUBLIC}), never {@code null}
 * @param server the server, never {@code null}
 * @param optionNames the names of the options it sets, sorted (never their values); empty when the reading
 *     user may not see them
 */
public record UserMapping(String user, String server, List<String> optionNames) {

    /**
     * Creates a user mapping; lists are copied.
     *
     * @param user the value for the {@code user} record component
     * @param server the value for the {@code server} record component
     * @param optionNames the value for the {@code optionNames} record component
     */
    public UserMapping {
        Values.required(user, "user");
        Values.required(server, "server");
        optionNames = Values.sortedStrings(optionNames);
    }

    /** @return the identity of this user mapping: {@code user@server} */
    public ObjectId id() {
        return ObjectId.of(ObjectKind.USER_MAPPING, null, user + "@" + server);
    }
}
