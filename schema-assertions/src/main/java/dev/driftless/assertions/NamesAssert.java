package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldAllMatch.shouldAllMatch;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code NamesAssert} is a naming convention over the objects {@link SchemaAssert#namesOf} selected; a failure lists
 * every object whose name breaks it.
 */
public class NamesAssert extends AbstractDriftlessAssert<NamesAssert, List<String[]>> {

    private final String kinds;

    // Use SchemaAssert.namesOf; names are pairs of object label and bare name, kinds for messages.
    NamesAssert(List<String[]> names, String kinds, FailureSink sink) {
        super(names, NamesAssert.class, sink);
        this.kinds = kinds;
    }

    /**
     * {@code allMatch} checks that every selected name matches a regular expression (the whole name).
     *
     * <pre>{@code
     * assertThat(schema).namesOf(ObjectKind.TABLE).allMatch("[a-z][a-z0-9_]*");   // snake_case tables
     * // fails listing each offender: table "BookingArchive"
     * }</pre>
     *
     * @param regex a Java regular expression
     * @return this assertion
     */
    public NamesAssert allMatch(String regex) {
        Pattern pattern = Pattern.compile(regex);
        List<String> offenders = actual.stream().filter(n -> !pattern.matcher(n[1]).matches()).map(n -> n[0]).toList();
        if (!offenders.isEmpty()) {
            failWith(shouldAllMatch("names of every " + kinds + " (" + actual.size() + ")", "to match:",
                    Message.quote(regex), "but these do not:", offenders));
        }
        return myself;
    }
}
