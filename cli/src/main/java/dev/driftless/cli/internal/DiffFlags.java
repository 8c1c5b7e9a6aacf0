package dev.driftless.cli.internal;

import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.Equivalence;
import dev.driftless.schema.SchemaFilter;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code DiffFlags} are the library's diff options as flags of {@code verify}, {@code diff} and {@code snapshot}.
 */
public final class DiffFlags {

    @Option(names = "--ignore-column-order", description = "Same columns in another order are not a difference.")
    private boolean ignoreColumnOrder;

    @Option(names = "--match-by-definition",
            description = "Match constraints and indexes by what they do, not by name (auto-generated names may differ).")
    private boolean matchByDefinition;

    @Option(names = "--ignore-comments", description = "COMMENT ON ... differences are not reported.")
    private boolean ignoreComments;

    @Option(names = "--include-privileges", description = "Compare owners and privileges (ignored by default).")
    private boolean includePrivileges;

    @Option(names = "--ignore-extension-versions", description = "Another version of the same extension is not a difference.")
    private boolean ignoreExtensionVersions;

    @Option(names = "--treat-as-equal", paramLabel = "NAME", split = ",",
            description = "Treat two ways of writing a schema as equal (repeatable or comma-separated): "
                    + "no-action-is-restrict, unique-constraint-is-unique-index, identity-is-serial, "
                    + "cross-major-printing, function-qualification.")
    private List<String> equivalences = new ArrayList<>();

    @Option(names = "--only-schema", paramLabel = "NAME", split = ",",
            description = "Read only these schemas (repeatable or comma-separated; default: every non-system schema).")
    private List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME", split = ",",
            description = "Do not read these schemas, nor anything in them (repeatable or comma-separated).")
    private List<String> excludedSchemas = new ArrayList<>();

    @Option(names = "--ignore-table", paramLabel = "NAME", split = ",",
            description = "Leave these tables out, with their columns, indexes and constraints: name or schema.name "
                    + "(repeatable or comma-separated). Migration history tables, recognised by their name and "
                    + "columns, are left out without it.")
    private List<String> ignoredTables = new ArrayList<>();

    @Option(names = "--include-table", paramLabel = "NAME", split = ",",
            description = "Compare these tables even though they look like a migration tool's history table: name or "
                    + "schema.name (repeatable or comma-separated).")
    private List<String> includedTables = new ArrayList<>();

    /**
     * Returns the diff options these flags ask for: history tables recognised by their columns are left out unless
     * {@code --include-table} names them.
     *
     * @return the options
     * @throws BadInputException when a table is both ignored and included, or an equivalence is unknown
     */
    public DiffOptions options() {
        DiffOptions options = DiffOptions.defaults();
        if (ignoreColumnOrder) {
            options = options.ignoringColumnOrder();
        }
        if (matchByDefinition) {
            options = options.matchingConstraintsAndIndexesByDefinition();
        }
        if (ignoreComments) {
            options = options.ignoringComments();
        }
        if (includePrivileges) {
            options = options.comparingOwnersAndPrivileges();
        }
        if (ignoreExtensionVersions) {
            options = options.ignoringExtensionVersions();
        }
        for (String name : equivalences) {
            try {
                options = options.treatingAsEqual(Equivalence.ofCliName(name));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--treat-as-equal: " + e.getMessage());
            }
        }
        List<String> both = ignoredTables.stream().filter(includedTables::contains).distinct().sorted().toList();
        if (!both.isEmpty()) {
            throw new BadInputException("--ignore-table and --include-table both name " + String.join(", ", both)
                    + ": a table is either left out or compared");
        }
        return options.ignoringTables(ignoredTables).includingTables(includedTables);
    }

    /**
     * Returns the filter for reading a schema: the chosen schemas, without the excluded schemas and the ignored
     * tables. History tables are read (a snapshot holds them) and left out when compared.
     *
     * @return the filter
     */
    public SchemaFilter filter() {
        SchemaFilter filter = SchemaFilter.all();
        if (!schemas.isEmpty()) {
            filter = filter.schemas(schemas.toArray(String[]::new));
        }
        if (!excludedSchemas.isEmpty()) {
            filter = filter.excludingSchemas(excludedSchemas.toArray(String[]::new));
        }
        return filter.excluding(ignoredTables);
    }
}
