package dev.driftless.schema;

import dev.driftless.internal.schema.DiffEngine;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code SchemaDiff} is the structured difference between two {@link SchemaSnapshot}s: the objects added, removed or
 * changed (property by property), each with a {@link ChangeCategory}, in a deterministic order (grouped by table,
 * then by object and property). An empty diff means "same schema" under the {@link DiffOptions}.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.between(freshInstall, migrated,
 *         DiffOptions.defaults().ignoringTables("audit_log"));
 * if (!diff.isEmpty()) {
 *     throw new AssertionError(diff.toText());
 * }
 * }</pre>
 *
 * <p>Renderers read it: {@link TextDiffRenderer} (also {@link #toString()}), {@link MarkdownDiffRenderer},
 * {@link JsonDiffRenderer}, {@link HtmlDiffRenderer}.
 *
 * @param changes the changes, sorted; empty when the schemas are the same
 * @param options the options the snapshots were compared with
 * @param notCompared the kinds of objects found in either snapshot that are not compared, with the larger of the two
 *     counts (see {@link SchemaSnapshot#notCompared()}); every renderer shows them as a note
 */
public record SchemaDiff(List<Change> changes, DiffOptions options, Map<String, Integer> notCompared) {

    /**
     * Creates a diff; the list is copied as given (already sorted by {@link #between}).
     *
     * @param changes the value for the {@code changes} record component
     * @param options the value for the {@code options} record component
     * @param notCompared the value for the {@code notCompared} record component
     */
    public SchemaDiff {
        changes = List.copyOf(changes);
        Objects.requireNonNull(options, "options");
        notCompared = Values.sortedMap(notCompared);
    }

    /**
     * Creates a diff with nothing left uncompared.
     *
     * @param changes the changes, sorted
     * @param options the options the snapshots were compared with
     */
    public SchemaDiff(List<Change> changes, DiffOptions options) {
        this(changes, options, Map.of());
    }

    /**
     * Compares two snapshots with the default options.
     *
     * @param from the first ("expected", "before") snapshot
     * @param to the second ("actual", "after") snapshot
     * @return the difference: what changed going from {@code from} to {@code to}
     */
    public static SchemaDiff between(SchemaSnapshot from, SchemaSnapshot to) {
        return between(from, to, DiffOptions.defaults());
    }

    /**
     * Compares two snapshots.
     *
     * @param from the first ("expected", "before") snapshot
     * @param to the second ("actual", "after") snapshot
     * @param options the normalisations to apply
     * @return the difference: what changed going from {@code from} to {@code to}
     */
    public static SchemaDiff between(SchemaSnapshot from, SchemaSnapshot to, DiffOptions options) {
        Map<String, Integer> notCompared = new TreeMap<>(from.notCompared());
        to.notCompared().forEach((kind, count) -> notCompared.merge(kind, count, Math::max));
        return new SchemaDiff(DiffEngine.diff(from, to, options), options, notCompared);
    }

    /** @return {@code true} when the two snapshots are the same schema under the options */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Returns the changes of some categories, in order.
     *
     * @param categories the categories
     * @return the matching changes
     */
    public List<Change> changes(ChangeCategory... categories) {
        Set<ChangeCategory> wanted = EnumSet.noneOf(ChangeCategory.class);
        wanted.addAll(Arrays.asList(categories));
        return changes.stream().filter(c -> wanted.contains(c.category())).toList();
    }

    /**
     * Returns this diff without the changes of some categories, e.g. to accept a column-order-only difference.
     *
     * @param categories the categories to leave out
     * @return a new diff
     */
    public SchemaDiff without(ChangeCategory... categories) {
        Set<ChangeCategory> unwanted = EnumSet.noneOf(ChangeCategory.class);
        unwanted.addAll(Arrays.asList(categories));
        return new SchemaDiff(changes.stream().filter(c -> !unwanted.contains(c.category())).toList(), options,
                notCompared);
    }

    /**
     * Returns the one-line summary every renderer opens with.
     *
     * @return e.g. {@code 3 differences (2 structure, 1 column order)}, or {@code no differences}
     */
    public String summary() {
        return DiffGroups.summary(this);
    }

    /**
     * Returns the note every renderer adds when some kinds of objects were found but not compared.
     *
     * @return e.g. {@code not compared: 2 casts, 1 operator}, or {@code null} when every object found was compared
     */
    public String notComparedNote() {
        if (notCompared.isEmpty()) {
            return null;
        }
        return "not compared (present, but not modelled by snapshots): " + notCompared.entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey()).collect(Collectors.joining(", "));
    }

    /** @return the plain-text rendering ({@link TextDiffRenderer}): the {@link #summary()}, then one line per change */
    public String toText() {
        return new TextDiffRenderer().render(this);
    }

    /** @return the plain-text rendering, for assertion messages */
    @Override
    public String toString() {
        return toText();
    }
}
