package dev.driftless.schema;

import java.util.Arrays;
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
 *     .ignoringTables(DiffOptions.HISTORY_TABLES);
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
 */
public record DiffOptions(boolean ignoreColumnOrder, boolean matchByDefinition, boolean ignoreComments,
        boolean ignoreOwnership, boolean ignoreExtensionVersions, boolean exactFunctionBodies,
        Set<String> ignoredTables) {

    /** The history tables of common migration tools: Driftless, Rails/golang-migrate/dbmate, Prisma, Flyway, Liquibase. */
    public static final List<String> HISTORY_TABLES = List.of("driftless_schema_history", "schema_migrations",
            "_prisma_migrations", "flyway_schema_history", "databasechangelog", "databasechangeloglock");

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
     */
    public DiffOptions {
        ignoredTables = Set.copyOf(new TreeSet<>(ignoredTables));
    }

    /** @return the defaults: everything compared except owners and privileges */
    public static DiffOptions defaults() {
        return new DiffOptions(false, false, false, true, false, false, Set.of());
    }

    /** @return these options, ignoring column order */
    public DiffOptions ignoringColumnOrder() {
        return new DiffOptions(true, matchByDefinition, ignoreComments, ignoreOwnership, ignoreExtensionVersions,
                exactFunctionBodies, ignoredTables);
    }

    /** @return these options, matching constraints and indexes by definition instead of name */
    public DiffOptions matchingConstraintsAndIndexesByDefinition() {
        return new DiffOptions(ignoreColumnOrder, true, ignoreComments, ignoreOwnership, ignoreExtensionVersions,
                exactFunctionBodies, ignoredTables);
    }

    /** @return these options, ignoring comments */
    public DiffOptions ignoringComments() {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, true, ignoreOwnership, ignoreExtensionVersions,
                exactFunctionBodies, ignoredTables);
    }

    /** @return these options, comparing owners and privileges too */
    public DiffOptions comparingOwnersAndPrivileges() {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, false, ignoreExtensionVersions,
                exactFunctionBodies, ignoredTables);
    }

    /** @return these options, ignoring extension versions */
    public DiffOptions ignoringExtensionVersions() {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, ignoreOwnership, true,
                exactFunctionBodies, ignoredTables);
    }

    /** @return these options, reporting function bodies that differ only in whitespace */
    public DiffOptions comparingFunctionBodiesExactly() {
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, ignoreOwnership,
                ignoreExtensionVersions, true, ignoredTables);
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
     * Returns these options, also ignoring some tables, e.g. {@link #HISTORY_TABLES}.
     *
     * @param tables {@code name} (any schema) or {@code schema.name}
     * @return new options
     */
    public DiffOptions ignoringTables(List<String> tables) {
        Set<String> all = new TreeSet<>(ignoredTables);
        all.addAll(tables);
        return new DiffOptions(ignoreColumnOrder, matchByDefinition, ignoreComments, ignoreOwnership,
                ignoreExtensionVersions, exactFunctionBodies, all);
    }

    /**
     * Tells whether a table is ignored.
     *
     * @param schema the table's schema
     * @param table the table's name
     * @return {@code true} when listed by name or qualified name
     */
    public boolean ignoresTable(String schema, String table) {
        return ignoredTables.contains(table) || ignoredTables.contains(schema + "." + table);
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
