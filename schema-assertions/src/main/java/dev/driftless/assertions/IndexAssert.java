package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldHaveProperty.shouldHaveProperty;

import dev.driftless.assertions.internal.Message;
import dev.driftless.assertions.internal.Names;
import dev.driftless.schema.Index;
import java.util.List;
import java.util.Objects;

/**
 * {@code IndexAssert} is the assertion on one {@link Index}: unique, method, partial predicate, included columns, name.
 *
 * <pre>{@code
 * table.hasIndexOn("party_id").isUnique().hasPredicate("cancelled_at IS NULL");
 * }</pre>
 */
public class IndexAssert extends TablePartAssert<IndexAssert, Index> {

    // Use the TableAssert check that finds the part; the part is null when missing (already reported).
    IndexAssert(TableAssert table, Index index) {
        super(table, index, IndexAssert.class);
    }

    private String label() {
        return "index " + actual.name() + " of " + tableLabel() + "\n  " + actual.definition();
    }

    /**
     * {@code isUnique} checks that the index is unique.
     *
     * <pre>{@code
     * index.isUnique();   // fails for a plain index: but found: not unique
     * }</pre>
     *
     * @return this assertion
     */
    public IndexAssert isUnique() {
        if (!skipped() && !actual.unique()) {
            failWith(shouldHaveProperty(label(), "to be unique", "not unique"));
        }
        return myself;
    }

    /**
     * {@code isNotUnique} checks that the index is not unique.
     *
     * <pre>{@code
     * index.isNotUnique();   // fails for a unique index: but found: unique
     * }</pre>
     *
     * @return this assertion
     */
    public IndexAssert isNotUnique() {
        if (!skipped() && actual.unique()) {
            failWith(shouldHaveProperty(label(), "not to be unique", "unique"));
        }
        return myself;
    }

    /**
     * {@code usingMethod} checks the access method.
     *
     * <pre>{@code
     * index.usingMethod("gin");   // fails for a btree index: but found: "btree"
     * }</pre>
     *
     * @param method {@code btree}, {@code gin}, {@code gist}, {@code brin}, {@code hash}, ...
     * @return this assertion
     */
    public IndexAssert usingMethod(String method) {
        if (!skipped() && !actual.method().equalsIgnoreCase(method)) {
            failWith(shouldHaveProperty(label(), "to use method:", Message.quote(method),
                    Message.quote(actual.method())));
        }
        return myself;
    }

    /**
     * {@code hasPredicate} checks the {@code WHERE} predicate of a partial index (as PostgreSQL prints it; outer
     * parentheses and white space aside).
     *
     * <pre>{@code
     * index.hasPredicate("cancelled_at IS NULL");   // fails for a full index: but found: not a partial index
     * }</pre>
     *
     * @param predicate the predicate
     * @return this assertion
     */
    public IndexAssert hasPredicate(String predicate) {
        if (!skipped() && !Objects.equals(Names.expression(predicate), Names.expression(actual.predicate()))) {
            failWith(shouldHaveProperty(label(), "to have predicate:", predicate,
                    actual.predicate() == null ? "not a partial index" : Names.expression(actual.predicate())));
        }
        return myself;
    }

    /**
     * {@code isNotPartial} checks that the index has no predicate.
     *
     * <pre>{@code
     * index.isNotPartial();   // fails for WHERE cancelled_at IS NULL
     * }</pre>
     *
     * @return this assertion
     */
    public IndexAssert isNotPartial() {
        if (!skipped() && actual.predicate() != null) {
            failWith(shouldHaveProperty(label(), "not to be partial",
                    "WHERE " + Names.expression(actual.predicate())));
        }
        return myself;
    }

    /**
     * {@code includes} checks the {@code INCLUDE} columns, in order.
     *
     * <pre>{@code
     * index.includes("status");   // passes for ... INCLUDE (status)
     * }</pre>
     *
     * @param columns the included columns
     * @return this assertion
     */
    public IndexAssert includes(String... columns) {
        if (!skipped() && !actual.include().equals(List.of(columns))) {
            failWith(shouldHaveProperty(label(), "to include:", Message.keys(List.of(columns)),
                    actual.include().isEmpty() ? "no INCLUDE columns" : Message.keys(actual.include())));
        }
        return myself;
    }

    /**
     * {@code named} checks the index's name.
     *
     * <pre>{@code
     * table.hasIndexOn("party_id").named("booking_party_id_idx");   // fails for another name
     * }</pre>
     *
     * @param name the name
     * @return this assertion
     */
    public IndexAssert named(String name) {
        if (!skipped() && !actual.name().equals(name)) {
            failWith(shouldHaveProperty(label(), "to be named:", Message.quote(name),
                    Message.quote(actual.name())));
        }
        return myself;
    }
}
