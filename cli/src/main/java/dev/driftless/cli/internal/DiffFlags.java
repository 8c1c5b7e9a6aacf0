package dev.driftless.cli.internal;

import dev.driftless.schema.DiffOptions;
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

    @Option(names = "--only-schema", paramLabel = "NAME", split = ",",
            description = "Read only these schemas (repeatable or comma-separated; default: every non-system schema).")
    private List<String> schemas = new ArrayList<>();

    @Option(names = "--ignore-table", paramLabel = "NAME", split = ",",
            description = "Leave these tables out, with their columns, indexes and constraints: name or schema.name "
                    + "(repeatable or comma-separated). Migration history tables are always left out.")
    private List<String> ignoredTables = new ArrayList<>();

    /** @return the diff options these flags ask for; migration history tables are always ignored */
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
        List<String> ignored = new ArrayList<>(DiffOptions.HISTORY_TABLES);
        ignored.addAll(ignoredTables);
        return options.ignoringTables(ignored);
    }

    /** @return the filter for reading a schema: the chosen schemas, without the ignored tables */
    public SchemaFilter filter() {
        SchemaFilter filter = SchemaFilter.all();
        if (!schemas.isEmpty()) {
            filter = filter.schemas(schemas.toArray(String[]::new));
        }
        List<String> excluded = new ArrayList<>(ignoredTables);
        excluded.add(dev.driftless.migration.Migrator.DEFAULT_HISTORY_TABLE);
        return filter.excluding(excluded);
    }
}
