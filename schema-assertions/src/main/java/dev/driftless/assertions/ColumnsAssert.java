package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldAllMatch.shouldAllMatch;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import dev.driftless.assertions.internal.Names;
import dev.driftless.schema.Column;
import java.util.List;
import java.util.Map;

/**
 * {@code ColumnsAssert} is a rule over the columns {@link SchemaAssert#columnsNamed(String)} selected, each under its
 * label ({@code rate_card_item.price_cents}, schema shown unless {@code public}); a failure lists every offending
 * column.
 */
public class ColumnsAssert extends AbstractDriftlessAssert<ColumnsAssert, Map<String, Column>> {

    private static final String NOT_ALL = "but these columns are not:";

    private final String regex;

    // Use SchemaAssert.columnsNamed(String); columns by label, regex for messages.
    ColumnsAssert(Map<String, Column> columns, String regex, FailureSink sink) {
        super(columns, ColumnsAssert.class, sink);
        this.regex = regex;
    }

    /**
     * {@code allHaveType} checks that every selected column has a type (aliases such as {@code int8} accepted).
     *
     * <pre>{@code
     * assertThat(schema).columnsNamed(".*_cents").allHaveType("bigint");   // passes when every *_cents is bigint
     * // fails listing each offender: rate_card_item.price_cents: integer
     * }</pre>
     *
     * @param type the type
     * @return this assertion
     */
    public ColumnsAssert allHaveType(String type) {
        List<String> offenders = actual.entrySet().stream()
                .filter(c -> !Names.type(c.getValue().type()).equals(Names.type(type)))
                .map(c -> c.getKey() + ": " + c.getValue().type()).toList();
        if (!offenders.isEmpty()) {
            failWith(shouldAllMatch(label(), "to have type:", Message.quote(type), NOT_ALL, offenders));
        }
        return myself;
    }

    /**
     * {@code allAreNotNull} checks that every selected column is {@code NOT NULL}.
     *
     * <pre>{@code
     * assertThat(schema).columnsNamed("created_at").allAreNotNull();   // fails listing every nullable created_at
     * }</pre>
     *
     * @return this assertion
     */
    public ColumnsAssert allAreNotNull() {
        List<String> offenders = actual.entrySet().stream().filter(c -> !c.getValue().notNull())
                .map(c -> c.getKey() + ": nullable").toList();
        if (!offenders.isEmpty()) {
            failWith(shouldAllMatch(label(), "to be NOT NULL", NOT_ALL, offenders));
        }
        return myself;
    }

    private String label() {
        return "columns named " + Message.quote(regex) + " (" + actual.size() + ")";
    }
}
