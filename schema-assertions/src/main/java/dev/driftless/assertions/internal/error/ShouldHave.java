package dev.driftless.assertions.internal.error;

import dev.driftless.assertions.internal.Message;
import java.util.Collection;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldHave} says that an object lacks a part it should have, and lists what it has:
 *
 * <pre>
 * Expecting actual:
 *   the schema
 * to have table:
 *   "bookings"
 * but found tables:
 *   "booking", "party"
 * </pre>
 */
public final class ShouldHave extends MessageTemplate {

    private ShouldHave(String actual, String what, String expected, String foundWhat, String found) {
        super("%nExpecting actual:%n  %s%nto have %s:%n  %s%nbut found %s:%n  %s", actual, what, expected, foundWhat,
                found);
    }

    /**
     * Says that a named part is missing, listing the names there are.
     *
     * @param actual the object, e.g. {@code the schema} or {@code table public.booking}
     * @param kind the part's kind, e.g. {@code table}; the list is labelled with its plural
     * @param name the name asked for
     * @param existing the names there are
     * @return the message
     */
    public static ErrorMessageFactory shouldHave(String actual, String kind, String name, Collection<String> existing) {
        return shouldHave(actual, kind, name, plural(kind), Message.quoted(existing));
    }

    /**
     * Says that a named part is missing, showing what there is in another way (e.g. every constraint, one a line).
     *
     * @param actual the object
     * @param kind the part's kind, e.g. {@code check constraint}
     * @param name the name asked for
     * @param foundWhat what the found text shows, e.g. {@code constraints}
     * @param found the parts there are, rendered
     * @return the message
     */
    public static ErrorMessageFactory shouldHave(String actual, String kind, String name, String foundWhat,
            String found) {
        return new ShouldHave(actual, kind, Message.quote(name), foundWhat, found);
    }

    /**
     * Says that no part is on these keys: {@code to have foreign key on: (party_id)}.
     *
     * @param actual the object
     * @param what the part, e.g. {@code foreign key} or {@code an index}
     * @param keys the keys asked for
     * @param foundWhat what the found text shows, e.g. {@code foreign keys}
     * @param found the parts there are, rendered
     * @return the message
     */
    public static ErrorMessageFactory shouldHaveOn(String actual, String what, List<String> keys, String foundWhat,
            String found) {
        return new ShouldHave(actual, what + " on", Message.keys(keys), foundWhat, found);
    }

    static String plural(String kind) {
        if (kind.endsWith("y")) {
            return kind.substring(0, kind.length() - 1) + "ies";
        }
        return kind.endsWith("s") ? kind + "es" : kind + "s";
    }
}
