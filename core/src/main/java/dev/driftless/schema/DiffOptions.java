package dev.driftless.schema;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code DiffOptions} are the normalisations {@link SchemaDiff} applies. Each is off by default, except that owners and
 * privileges are ignored unless {@link #comparingOwnersAndPrivileges()} is asked for.
 *
 * <pre>{@code
 * DiffOptions options = DiffOptions.defaults()
 *     .ignoringColumnOrder()
 *     .matchingConstraintsAndIndexesByDefinition()
 *     .ignoringTables("audit_log");
 * }</pre>
 *
 * <p>Immutable: each method returns new options.
 *
 * @param ignoreColumnOrder report no {@link ChangeCategory#COLUMN_ORDER} change
 * @param matchByDefinition match constraints and indexes of a table by what they do instead of by name, so
 *     auto-generated names ({@code booking_party_id_fkey}) that differ between two paths are not differences
 * @param ignoreComments report no {@link ChangeCategory#COMMENT} change
 * @param ignoreOwnership report no {@link ChangeCategory#OWNERSHIP} change (on by default)
 * @param ignoreExtensionVersions report no {@link ChangeCategory#EXTENSION_VERSION} change
 * @param exactFunctionBodies report function bodies that differ only in whitespace (as
 *     {@link ChangeCategory#WHITESPACE}); by default they are equal
 * @param ignoredTables tables left out of the comparison, with their columns, constraints, indexes, triggers,
 *     policies and the sequences they own: {@code name} (any schema) or {@code schema.name}
 * @param historyTables tables a migration engine says are its own history tables (e.g. a {@code Migrator}'s
 *     configured table), left out like a table {@link HistoryTables} recognises by its columns, unless included
 * @param includedTables tables compared even when they are history tables (recognised by their columns or named in
 *     {@code historyTables}); a name may not be both ignored and included
 * @param equivalences the {@link Equivalence}s treated as equal (none by default)
 */
public record DiffOptions(boolean ignoreColumnOrder, boolean matchByDefinition, boolean ignoreComments,
        boolean ignoreOwnership, boolean ignoreExtensionVersions, boolean exactFunctionBodies,
        Set<String> ignoredTables, Set<String> historyTables, Set<String> includedTables,
        Set<Equivalence> equivalences) {

    /**
     * Creates options; the set is copied.
     *
     * @param ignoreColumnOrder the value for the {@code ignoreColumnOrder} record component
     * @param matchByDefinition the value for the {@code matchByDefinition} record component
     * @param ignoreComments the value for the {@code ignoreComments} record component
     * @param ignoreOwnership the value for the {@code ignoreOwnership} record component
     * @param ignoreExtensionVersions the value for the {@code ignoreExtensionVersions} record component
     * @param exactFunctionBodies the value for the {@code exactFunctionBodies} record component
     * @param ignoredTables the value for the {@code ignoredTables} record component
     * @param historyTables the value for the {@code historyTables} record component
     * @param includedTables the value for the {@code includedTables} record component
     * @param equivalences the value for the {@code equivalences} record component
     * @throws IllegalArgumentException when a table is both ignored and included
     */
    public DiffOptions {
        ignoredTables = Set.copyOf(new TreeSet<>(ignoredTables));
        historyTables = Set.copyOf(new TreeSet<>(historyTables));
        includedTables = Set.copyOf(new TreeSet<>(includedTables));
        equivalences = equivalences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(equivalences));
        Set<String> both = new TreeSet<>(ignoredTables);
        both.retainAll(includedTables);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException(
                    "A table cannot be both ignored and included: " + String.join(", ", both));
        }
    }

    /** @return the defaults: everything compared except owners and privileges */
    public static DiffOptions defaults() {
        return new DiffOptions(false, false, false, true, false, false, Set.of(), Set.of(), Set.of(),
                Set.of());
    }

    /** @return these options, ignoring column order */
    public DiffOptions ignoringColumnOrder() {
        return new DiffOptions(true, matchByDefinition, ignoreComments, ignoreOwnership, ignoreExtensionVersions,
                exactFunctionBodies, ignoredTables, historyTables, includedTables, equivalences);
    }

    /** @return these options, matching constraints and indexes by definition instead of name */
    public DiffOptions matchingConstraintsAndIndexesByDefinition() {
        return new DiffOptions(ignoreColumnOrder, true, ignoreComments, ignoreOwnership, ignoreExtensionVersions,
                exactFunctionBodies, ignoredTables, historyTables, includedTables, equivalences);
    }

    /** @return these options, ignoring comments */
    public DiffOptions ignoringComments() {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, true, ignoreOwnership, ignoreExtensionVersions,
                exactFunctionBodies, ignoredTables, historyTables, includedTables, equivalences);
    }

    /** @return these options, comparing owners and privileges too */
    public DiffOptions comparingOwnersAndPrivileges() {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, false, ignoreExtensionVersions,
                exactFunctionBodies, ignoredTables, historyTables, includedTables, equivalences);
    }

    /** @return these options, ignoring extension versions */
    public DiffOptions ignoringExtensionVersions() {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, ignoreOwnership, true,
                exactFunctionBodies, ignoredTables, historyTables, includedTables, equivalences);
    }

    /** @return these options, reporting function bodies that differ only in whitespace */
    public DiffOptions comparingFunctionBodiesExactly() {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, ignoreOwnership,
                ignoreExtensionVersions, true, ignoredTables, historyTables, includedTables, equivalences);
    }

    /**
     * Returns these options, also ignoring some tables.
     *
     * @param tables {@code name} (any schema) or {@code schema.name}
     * @return new options
     */
    public DiffOptions ignoringTables(String... tables) {
        return ignoringTables(Arrays.asList(tables));
    }

    /**
     * Returns these options, also ignoring some tables.
     *
     * @param tables {@code name} (any schema) or {@code schema.name}
     * @return new options
     */
    public DiffOptions ignoringTables(List<String> tables) {
        return withTables(plus(ignoredTables, tables), historyTables, includedTables);
    }

    /**
     * Returns these options, also treating some tables as history tables: what a migration engine says is its own
     * (e.g. a {@code Migrator}'s configured history table), whatever its columns. They are left out unless
     * {@link #includingTables included}.
     *
     * @param tables {@code name} (any schema) or {@code schema.name}
     * @return new options
     */
    public DiffOptions withHistoryTables(String... tables) {
        return withTables(ignoredTables, plus(historyTables, Arrays.asList(tables)), includedTables);
    }

    /**
     * Returns these options, comparing some tables even when they are history tables (recognised by
     * {@link HistoryTables} or named by {@link #withHistoryTables}), e.g. an application table that happens to look
     * like one.
     *
     * @param tables {@code name} (any schema) or {@code schema.name}
     * @return new options
     * @throws IllegalArgumentException when one of them is ignored
     */
    public DiffOptions includingTables(String... tables) {
        return includingTables(Arrays.asList(tables));
    }

    /**
     * Returns these options, comparing some tables even when they are history tables.
     *
     * @param tables {@code name} (any schema) or {@code schema.name}
     * @return new options
     * @throws IllegalArgumentException when one of them is ignored
     */
    public DiffOptions includingTables(List<String> tables) {
        return withTables(ignoredTables, historyTables, plus(includedTables, tables));
    }

    /**
     * Returns these options, also treating some ways of writing a schema as equal.
     *
     * @param more the equivalences
     * @return new options
     */
    public DiffOptions treatingAsEqual(Equivalence... more) {
        Set<Equivalence> all = EnumSet.noneOf(Equivalence.class);
        all.addAll(equivalences);
        all.addAll(Arrays.asList(more));
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, ignoreOwnership,
                ignoreExtensionVersions, exactFunctionBodies, ignoredTables, historyTables, includedTables, all);
    }

    /**
     * Tells whether an equivalence is asked for.
     *
     * @param equivalence the equivalence
     * @return {@code true} when its two ways are treated as equal
     */
    public boolean treatsAsEqual(Equivalence equivalence) {
        return equivalences.contains(equivalence);
    }

    private DiffOptions withTables(Set<String> ignored, Set<String> history, Set<String> included) {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, ignoreOwnership,
                ignoreExtensionVersions, exactFunctionBodies, ignored, history, included, equivalences);
    }

    private static Set<String> plus(Set<String> tables, List<String> more) {
        Set<String> all = new TreeSet<>(tables);
        all.addAll(more);
        return all;
    }

    /**
     * Tells whether a table is left out by name alone: {@linkplain #ignoringTables ignored}, or a
     * {@linkplain #withHistoryTables named history table} that is not included. {@link #ignoresTable(Table)} also
     * recognises history tables by their columns.
     *
     * @param schema the table's schema
     * @param table the table's name
     * @return {@code true} when left out
     */
    public boolean ignoresTable(String schema, String table) {
        return names(ignoredTables, schema, table)
                || (names(historyTables, schema, table) && !names(includedTables, schema, table));
    }

    /**
     * Tells whether a table is left out of the comparison: {@linkplain #ignoringTables ignored}, or a history table
     * (named by {@link #withHistoryTables} or recognised by {@link HistoryTables#isHistoryTable} from its columns)
     * that is not {@linkplain #includingTables included}.
     *
     * @param table the table
     * @return {@code true} when left out
     */
    public boolean ignoresTable(Table table) {
        return ignoresTable(table.schema(), table.name()) || (HistoryTables.isHistoryTable(table)
                && !names(includedTables, table.schema(), table.name()));
    }

    private static boolean names(Set<String> tables, String schema, String table) {
        return tables.contains(table) || tables.contains(schema + "." + table);
    }

    /**
     * Tells whether changes of a category are reported.
     *
     * @param category the category
     * @return {@code false} for categories these options ignore
     */
    public boolean reports(ChangeCategory category) {
        return switch (category) {
            case COLUMN_ORDER -> !ignoreColumnOrder;
            case COMMENT -> !ignoreComments;
            case OWNERSHIP -> !ignoreOwnership;
            case EXTENSION_VERSION -> !ignoreExtensionVersions;
            case WHITESPACE -> exactFunctionBodies;
            default -> true;
        };
    }
}
