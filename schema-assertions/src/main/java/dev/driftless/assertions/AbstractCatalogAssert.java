package dev.driftless.assertions;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import dev.driftless.assertions.internal.error.ShouldContainExactly;
import dev.driftless.assertions.internal.error.ShouldHave;
import dev.driftless.assertions.internal.error.ShouldNotHave;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * {@code AbstractCatalogAssert} is the base of the assertions on a catalog object that holds named parts: a schema
 * ({@link SchemaAssert}), a table ({@link TableAssert}), a table's indexes ({@link IndexesAssert}). It writes once how
 * "has", "does not have" and "has exactly" check and fail, whatever the parts are; finding a part by name is left to
 * the model ({@link dev.driftless.schema.SchemaSnapshot#table(String)} and the others).
 *
 * @param <SELF> the assertion's own type, for chaining
 * @param <ACTUAL> the type of the object under test
 */
public abstract class AbstractCatalogAssert<SELF extends AbstractCatalogAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractDriftlessAssert<SELF, ACTUAL> {

    AbstractCatalogAssert(ACTUAL actual, Class<?> selfType, FailureSink sink) {
        super(actual, selfType, sink);
    }

    /** @return how the object under test reads in messages, e.g. {@code the schema} or {@code table public.booking} */
    abstract String label();

    /**
     * Checks that a part exists.
     *
     * @param lookup finds the part; not called when the check is skipped
     * @param failure the message when it is missing
     * @param <T> the part's type
     * @return the part, or {@code null} when it is missing (reported) or the check is skipped
     */
    final <T> T assertHas(Supplier<Optional<T>> lookup, Supplier<ErrorMessageFactory> failure) {
        if (skipped()) {
            return null;
        }
        Optional<T> found = lookup.get();
        if (found.isEmpty()) {
            failWith(failure.get());
        }
        return found.orElse(null);
    }

    /**
     * Checks that a named part exists; a failure lists the names there are.
     *
     * @param kind the part's kind, e.g. {@code table}
     * @param name the name asked for
     * @param lookup finds the part
     * @param existing the names there are
     * @param <T> the part's type
     * @return the part, or {@code null}
     */
    final <T> T assertHas(String kind, String name, Supplier<Optional<T>> lookup,
            Supplier<? extends Collection<String>> existing) {
        return assertHas(lookup, () -> ShouldHave.shouldHave(label(), kind, name, existing.get()));
    }

    /**
     * Checks that a part does not exist.
     *
     * @param lookup finds the part; not called when the check is skipped
     * @param failure the message for the part found
     * @param <T> the part's type
     * @return this assertion
     */
    final <T> SELF assertDoesNotHave(Supplier<Optional<T>> lookup, Function<T, ErrorMessageFactory> failure) {
        if (!skipped()) {
            lookup.get().ifPresent(found -> failWith(failure.apply(found)));
        }
        return myself;
    }

    /**
     * Checks that no part has a name; a failure shows the part as {@code kind name}.
     *
     * @param kind the part's kind, e.g. {@code table}
     * @param name the name given
     * @param lookup finds the part's name as messages show it, e.g. {@code public.booking}
     * @return this assertion
     */
    final SELF assertDoesNotHave(String kind, String name, Supplier<Optional<String>> lookup) {
        return assertDoesNotHave(lookup, found -> ShouldNotHave.shouldNotHave(label(), kind, name, kind + " " + found));
    }

    /**
     * Checks that the parts of a kind are exactly those named, in any order; a failure lists the names missing and the
     * parts not expected.
     *
     * @param kinds the parts, plural, e.g. {@code tables}
     * @param names the names expected
     * @param lookup finds a part by name
     * @param existing the parts there are
     * @param showUnexpected renders the parts not expected
     * @param <T> the parts' type
     * @return this assertion
     */
    final <T> SELF assertHasExactly(String kinds, String[] names, Function<String, Optional<T>> lookup,
            Supplier<List<T>> existing, Function<List<T>, String> showUnexpected) {
        if (skipped()) {
            return myself;
        }
        List<T> parts = existing.get();
        Set<String> missing = new TreeSet<>();
        List<T> expected = new ArrayList<>();
        for (String name : names) {
            lookup.apply(name).filter(parts::contains).ifPresentOrElse(expected::add, () -> missing.add(name));
        }
        List<T> unexpected = parts.stream().filter(p -> !expected.contains(p)).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            failWith(ShouldContainExactly.shouldHaveExactly(label(), kinds, Message.quoted(Arrays.asList(names)),
                    missing.isEmpty() ? null : Message.quoted(missing),
                    unexpected.isEmpty() ? null : showUnexpected.apply(unexpected)));
        }
        return myself;
    }
}
