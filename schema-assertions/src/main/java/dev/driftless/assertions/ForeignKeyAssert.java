package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldHaveProperty.shouldHaveProperty;

import dev.driftless.assertions.internal.Message;
import dev.driftless.schema.Constraint;
import java.util.List;

/**
 * {@code ForeignKeyAssert} is the assertion on a foreign key: what it references and how ({@code ON DELETE},
 * {@code ON UPDATE}, deferrable).
 *
 * <pre>{@code
 * table.hasForeignKey("party_id").referencing("party", "party_id").onDelete(ReferentialAction.CASCADE);
 * }</pre>
 */
public class ForeignKeyAssert extends TablePartAssert<ForeignKeyAssert, Constraint> {

    // Use TableAssert.hasForeignKey(String...); the foreign key is null when missing (already reported).
    ForeignKeyAssert(TableAssert table, Constraint foreignKey) {
        super(table, foreignKey, ForeignKeyAssert.class);
    }

    private String label() {
        return "foreign key " + actual.name() + " of " + tableLabel() + "\n  " + actual.definition();
    }

    /**
     * {@code referencing} checks the referenced table and columns.
     *
     * <pre>{@code
     * fk.referencing("party", "party_id");      // passes for REFERENCES party(party_id)
     * fk.referencing("customer", "id");         // fails: but found: public.party (party_id)
     * }</pre>
     *
     * @param table the referenced table, optionally schema-qualified; read and found as {@link SchemaAssert#table}
     *     reads and finds names
     * @param columns the referenced columns, in key order
     * @return this assertion
     */
    public ForeignKeyAssert referencing(String table, String... columns) {
        if (skipped()) {
            return myself;
        }
        var fk = actual.foreignKey();
        String expected = and().snapshot().qualifiedTableName(table);
        if (!fk.referencedTable().equals(expected) || !fk.referencedColumns().equals(List.of(columns))) {
            failWith(shouldHaveProperty(label(), "to reference:", expected + " " + Message.keys(List.of(columns)),
                    fk.referencedTable() + " " + Message.keys(fk.referencedColumns())));
        }
        return myself;
    }

    /**
     * {@code onDelete} checks the {@code ON DELETE} action.
     *
     * <pre>{@code
     * fk.onDelete(ReferentialAction.CASCADE);   // fails for the default: to have ON DELETE CASCADE but found: ON DELETE NO ACTION
     * }</pre>
     *
     * @param action the action
     * @return this assertion
     */
    public ForeignKeyAssert onDelete(ReferentialAction action) {
        if (!skipped() && !actual.foreignKey().onDelete().equals(action.sql())) {
            failWith(shouldHaveProperty(label(), "to have:", "ON DELETE " + action.sql(),
                    "ON DELETE " + actual.foreignKey().onDelete()));
        }
        return myself;
    }

    /**
     * {@code onUpdate} checks the {@code ON UPDATE} action.
     *
     * <pre>{@code
     * fk.onUpdate(ReferentialAction.NO_ACTION);   // passes for the default
     * }</pre>
     *
     * @param action the action
     * @return this assertion
     */
    public ForeignKeyAssert onUpdate(ReferentialAction action) {
        if (!skipped() && !actual.foreignKey().onUpdate().equals(action.sql())) {
            failWith(shouldHaveProperty(label(), "to have:", "ON UPDATE " + action.sql(),
                    "ON UPDATE " + actual.foreignKey().onUpdate()));
        }
        return myself;
    }

    /**
     * {@code isDeferrable} checks {@code DEFERRABLE}.
     *
     * <pre>{@code
     * fk.isDeferrable();   // fails for a plain foreign key: but found: NOT DEFERRABLE
     * }</pre>
     *
     * @return this assertion
     */
    public ForeignKeyAssert isDeferrable() {
        if (!skipped() && !actual.deferrable()) {
            failWith(shouldHaveProperty(label(), "to be DEFERRABLE", "NOT DEFERRABLE"));
        }
        return myself;
    }

    /**
     * {@code isInitiallyDeferred} checks {@code DEFERRABLE INITIALLY DEFERRED}.
     *
     * <pre>{@code
     * fk.isInitiallyDeferred();   // fails for DEFERRABLE INITIALLY IMMEDIATE: but found: INITIALLY IMMEDIATE
     * }</pre>
     *
     * @return this assertion
     */
    public ForeignKeyAssert isInitiallyDeferred() {
        if (!skipped() && !actual.initiallyDeferred()) {
            failWith(shouldHaveProperty(label(), "to be INITIALLY DEFERRED",
                    actual.deferrable() ? "INITIALLY IMMEDIATE" : "NOT DEFERRABLE"));
        }
        return myself;
    }
}
