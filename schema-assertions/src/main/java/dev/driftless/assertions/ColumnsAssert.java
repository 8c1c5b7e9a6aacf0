package dev.driftless.assertions;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import dev.driftless.assertions.internal.Names;
import dev.driftless.assertions.internal.SchemaRules.NamedColumn;
import java.util.List;

/**
 * {@code ColumnsAssert} is a rule over the columns {@link SchemaAssert#columnsNamed(String)} selected; a failure lists
 * every offending column.
 */
public class ColumnsAssert extends AbstractDriftlessAssert<ColumnsAssert, List<NamedColumn>> {

    private final String regex;

    /**
     * Creates the assertion; use {@link SchemaAssert#columnsNamed(String)}.
     *
     * @param columns the selected columns
     * @param regex the pattern that selected them, for messages
     * @param sink where failures go
     */
    public ColumnsAssert(List<NamedColumn> columns, String regex, FailureSink sink) {
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
        List<String> offenders = actual.stream()
                .filter(c -> !Names.type(c.column().type()).equals(Names.type(type)))
                .map(c -> c.label() + ": " + c.column().type()).toList();
        return check("to have type:", Message.quote(type), offenders);
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
        return check("to be NOT NULL", null,
                actual.stream().filter(c -> !c.column().notNull()).map(c -> c.label() + ": nullable").toList());
    }

    private ColumnsAssert check(String expectation, String value, List<String> offenders) {
        if (!offenders.isEmpty()) {
            fail(Message.expecting("columns named " + Message.quote(regex) + " (" + actual.size() + ")")
                    .then(expectation, value).then("but these columns are not:", String.join("\n", offenders))
                    .text());
        }
        return myself;
    }
}
