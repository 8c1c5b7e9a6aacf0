package dev.driftless.assertions.internal.error;

import dev.driftless.assertions.internal.Message;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code ShouldNotHave} says that an object has a part it should not have, and shows that part:
 *
 * <pre>
 * Expecting actual:
 *   table public.booking
 * not to have index:
 *   "booking_tmp_idx"
 * but it has:
 *   booking_tmp_idx (starts_at)
 * </pre>
 */
public final class ShouldNotHave extends MessageTemplate {

    private ShouldNotHave(String format, Object... arguments) {
        super(format, arguments);
    }

    /**
     * Says that a named part exists.
     *
     * @param actual the object, e.g. {@code the schema}
     * @param kind the part's kind, e.g. {@code table}
     * @param name the name given
     * @param found the part found, e.g. {@code table public.booking}
     * @return the message
     */
    public static ErrorMessageFactory shouldNotHave(String actual, String kind, String name, String found) {
        return new ShouldNotHave("%nExpecting actual:%n  %s%nnot to have %s:%n  %s%nbut it has:%n  %s", actual, kind,
                Message.quote(name), found);
    }

    /**
     * Says that a part is on these keys: {@code not to have foreign key on: (party_id)}.
     *
     * @param actual the object
     * @param what the part, e.g. {@code foreign key} or {@code an index}
     * @param keys the keys given
     * @param found the part found
     * @return the message
     */
    public static ErrorMessageFactory shouldNotHaveOn(String actual, String what, List<String> keys, String found) {
        return new ShouldNotHave("%nExpecting actual:%n  %s%nnot to have %s on:%n  %s%nbut it has:%n  %s", actual,
                what, Message.keys(keys), found);
    }

    /**
     * Says that a part exists, for a part without a name to give: {@code not to have a primary key}.
     *
     * @param actual the object
     * @param what the part, e.g. {@code a primary key}
     * @param found the part found
     * @return the message
     */
    public static ErrorMessageFactory shouldNotHave(String actual, String what, String found) {
        return new ShouldNotHave("%nExpecting actual:%n  %s%nnot to have %s%nbut it has:%n  %s", actual, what, found);
    }
}
