package dev.driftless.assertions;

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

    /**
     * Creates the assertion; use {@link SchemaAssert#namesOf}.
     *
     * @param names pairs of object label and bare name
     * @param kinds the kinds selected, for messages
     * @param sink where failures go
     */
    public NamesAssert(List<String[]> names, String kinds, FailureSink sink) {
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
            fail(Message.expecting("names of every " + kinds + " (" + actual.size() + ")")
                    .then("to match:", Message.quote(regex))
                    .then("but these do not:", String.join("\n", offenders)).text());
        }
        return myself;
    }
}
