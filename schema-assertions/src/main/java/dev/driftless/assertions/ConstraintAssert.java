package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldHaveProperty.shouldHaveProperty;

import dev.driftless.assertions.internal.Message;
import dev.driftless.assertions.internal.Names;
import dev.driftless.schema.Constraint;

/**
 * {@code ConstraintAssert} is the assertion on a primary key, unique, check or exclusion {@link Constraint}.
 *
 * <pre>{@code
 * table.hasCheckConstraint("booking_period_check").hasDefinitionContaining("ends_at > starts_at");
 * }</pre>
 */
public class ConstraintAssert extends TablePartAssert<ConstraintAssert, Constraint> {

    // Use the TableAssert check that finds the part; the part is null when missing (already reported).
    ConstraintAssert(TableAssert table, Constraint constraint) {
        super(table, constraint, ConstraintAssert.class);
    }

    private String label() {
        return TableAssert.kind(actual.type()) + " " + actual.name() + " of " + tableLabel();
    }

    /**
     * {@code named} checks the constraint's name.
     *
     * <pre>{@code
     * table.hasPrimaryKey("booking_id").named("booking_pkey");   // fails for another name: but found: "pk_booking"
     * }</pre>
     *
     * @param name the name
     * @return this assertion
     */
    public ConstraintAssert named(String name) {
        if (!skipped() && !actual.name().equals(name)) {
            failWith(shouldHaveProperty(label(), "to be named:", Message.quote(name),
                    Message.quote(actual.name())));
        }
        return myself;
    }

    /**
     * {@code hasDefinition} checks the whole definition as {@code pg_get_constraintdef} prints it.
     *
     * <pre>{@code
     * check.hasDefinition("CHECK ((ends_at > starts_at))");   // passes
     * }</pre>
     *
     * @param definition the definition
     * @return this assertion
     */
    public ConstraintAssert hasDefinition(String definition) {
        if (!skipped() && !Names.expression(definition).equals(Names.expression(actual.definition()))) {
            failWith(shouldHaveProperty(label(), "to have definition:", definition, actual.definition()));
        }
        return myself;
    }

    /**
     * {@code hasDefinitionContaining} checks that the definition contains a text (white space runs aside).
     *
     * <pre>{@code
     * check.hasDefinitionContaining("ends_at > starts_at");   // fails when the check says >=: but found: CHECK ...
     * }</pre>
     *
     * @param text the text
     * @return this assertion
     */
    public ConstraintAssert hasDefinitionContaining(String text) {
        if (!skipped() && !actual.definition().replaceAll("\\s+", " ").contains(text.replaceAll("\\s+", " "))) {
            failWith(shouldHaveProperty(label(), "to have a definition containing:", text, actual.definition()));
        }
        return myself;
    }

    /**
     * {@code isDeferrable} checks that the constraint is {@code DEFERRABLE}.
     *
     * <pre>{@code
     * unique.isDeferrable();   // fails for a plain UNIQUE: but found: NOT DEFERRABLE
     * }</pre>
     *
     * @return this assertion
     */
    public ConstraintAssert isDeferrable() {
        if (!skipped() && !actual.deferrable()) {
            failWith(shouldHaveProperty(label(), "to be DEFERRABLE", "NOT DEFERRABLE"));
        }
        return myself;
    }
}
