package dev.driftless.migration;

import dev.driftless.internal.migration.ChainAssembler;
import dev.driftless.internal.migration.ChainOrder;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Location;
import dev.driftless.resource.ResourceException;
import dev.driftless.internal.migration.FoundScript;
import dev.driftless.internal.migration.Scripts;
import dev.driftless.internal.migration.ScriptSource;
import dev.driftless.sql.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code MigrationChain} is the ordered list of migrations found at a location, in any layout Driftless knows
 * (see {@link Layout}), or a master schema as a chain of one migration. Immutable.
 *
 * <pre>{@code
 * MigrationChain chain = MigrationChain.at("classpath:db/migrations");          // layout detected
 * MigrationChain flyway = MigrationChain.at("src/main/resources/db/migration", Layout.FLYWAY);
 * MigrationChain schema = MigrationChain.ofMasterSchema(SqlScript.at("sql/init_schema.sql"));
 * }</pre>
 *
 * <p>Each layout is read as its own tool reads it (docs/migrations.md has a table per layout): the files it reads and
 * those it leaves out ({@link #ignored()}), the order of the versions ({@link #migrations()}), how each script runs
 * with respect to transactions, reworks and dialect variants. Reading a chain checks it: duplicate versions, a down
 * script without its up, a {@code .sql} file that fits no pattern of a layout without a tool of its own (numbered) or
 * of Flyway's, a script that is not UTF-8 text (invalid
 * UTF-8, a NUL byte) or no regular file (a link to nowhere, a pipe, a device, a folder named like a script), a folder
 * that cannot be listed, and a script that leaves a comment, quote or dollar quote open at its end raise one
 * {@link MigrationException} naming every file involved (with line and column where there is one), before any
 * migration runs; an empty migration, a stray non-SQL file and a {@code .sql} file the layout's tool would not read
 * are {@link #warnings()}, also logged. Every script is
 * read as scripts are everywhere ({@link SqlScript}): strictly as UTF-8, a byte order mark stripped.
 */
public final class MigrationChain {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationChain.class);

    private final String location;
    private final Layout layout;
    private final List<Migration> migrations;
    private final List<RepeatableMigration> repeatables;
    private final List<Migration> baselines;
    private final SqlScript masterSchema;
    private final Comparator<MigrationVersion> order;
    private final List<String> warnings;
    private final List<String> ignored;

    private MigrationChain(String location, Layout layout, List<Migration> migrations,
                           List<RepeatableMigration> repeatables, List<String> warnings) {
        this(location, layout, migrations, repeatables, List.of(), null, Comparator.naturalOrder(), warnings,
                List.of());
    }

    private MigrationChain(String location, Layout layout, List<Migration> migrations,
                           List<RepeatableMigration> repeatables, List<Migration> baselines, SqlScript masterSchema,
                           Comparator<MigrationVersion> baseOrder, List<String> warnings, List<String> ignored) {
        this.location = location;
        this.layout = layout;
        this.migrations = Collections.unmodifiableList(new ArrayList<>(migrations));
        this.repeatables = Collections.unmodifiableList(new ArrayList<>(repeatables));
        this.baselines = Collections.unmodifiableList(new ArrayList<>(baselines));
        this.masterSchema = masterSchema;
        this.order = new ChainOrder(migrations.stream().map(Migration::version).toList(), baseOrder);
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
        this.ignored = Collections.unmodifiableList(new ArrayList<>(ignored));
    }

    /**
     * Reads the chain at a location, detecting its layout. A location that is a single file is a master schema.
     *
     * @param location {@code classpath:db/migrations}, or a file path (relative to the working directory, then the
     *                 module's base directory, then tried on the class path), looked up as every {@link Location} is
     * @return the chain, never {@code null}
     * @throws MigrationException when nothing is there (the message lists the places searched), what is there is
     *                            neither folder nor file (a pipe, a device), no file fits a layout, or the chain is
     *                            invalid (the message names every file involved)
     */
    public static MigrationChain at(String location) {
        return read(Location.of(Objects.requireNonNull(location, "location")), null);
    }

    /**
     * Reads the chain at a location, detecting its layout; see {@link #at(String)}.
     *
     * @param location the location
     * @return the chain, never {@code null}
     * @throws MigrationException when nothing is there or the chain is invalid
     */
    public static MigrationChain at(Location location) {
        return read(Objects.requireNonNull(location, "location"), null);
    }

    /**
     * Reads the chain at a location in the given layout; see {@link #at(String, Layout)}.
     *
     * @param location the location
     * @param layout the layout of the files there
     * @return the chain, never {@code null}
     * @throws MigrationException when nothing is there or the chain is invalid
     */
    public static MigrationChain at(Location location, Layout layout) {
        return read(Objects.requireNonNull(location, "location"), Objects.requireNonNull(layout, "layout"));
    }

    /**
     * Reads the chain at a location in the given layout; files that do not fit it are reported, not guessed at.
     *
     * @param location {@code classpath:db/migrations} or a file path
     * @param layout the layout of the files there
     * @return the chain, never {@code null}
     * @throws MigrationException when nothing is there or the chain is invalid
     */
    public static MigrationChain at(String location, Layout layout) {
        return read(Location.of(Objects.requireNonNull(location, "location")),
                Objects.requireNonNull(layout, "layout"));
    }

    /**
     * Makes a chain of one migration, version {@code 1}, from a master schema: the script that builds the whole schema.
     *
     * @param schema the master schema
     * @return the chain, never {@code null}
     */
    public static MigrationChain ofMasterSchema(SqlScript schema) {
        String fileName = schema.name().substring(schema.name().lastIndexOf('/') + 1);
        String description = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        return new MigrationChain(schema.name(), Layout.MASTER_SCHEMA,
                List.of(Migration.of(MigrationVersion.parse("1"), description, schema, null)), List.of(), List.of());
    }

    /**
     * Makes a chain from migrations built in code.
     *
     * @param name a name for messages, e.g. {@code in-memory chain}
     * @param migrations the migrations, in any order; their versions must differ
     * @param repeatables the repeatable migrations, possibly none
     * @return the chain, ordered by version
     * @throws MigrationException when two migrations share a version
     */
    public static MigrationChain of(String name, List<Migration> migrations, List<RepeatableMigration> repeatables) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort((a, b) -> a.version().compareTo(b.version()));
        List<String> errors = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version().equals(sorted.get(i - 1).version())) {
                errors.add("two migrations have version " + sorted.get(i).version() + ": " + sorted.get(i - 1).up().name()
                        + ", " + sorted.get(i).up().name());
            }
        }
        if (!errors.isEmpty()) {
            throw new MigrationException("The migration chain '" + name + "' is invalid:\n  - "
                    + String.join("\n  - ", errors));
        }
        return new MigrationChain(name, null, sorted, repeatables, List.of());
    }

    /**
     * Reads the chain at a location with the placeholders of a Flyway project's configuration, e.g. Driftless's own
     * runner picked for a folder the user configured Flyway for.
     */
    static MigrationChain at(Location location, Layout layout,
            Function<String, Map<String, String>> flywayConfiguration) {
        return read(Objects.requireNonNull(location, "location"), layout, flywayConfiguration);
    }

    private static MigrationChain read(Location at, Layout layout) {
        return read(at, layout, null);
    }

    private static MigrationChain read(Location at, Layout layout,
            Function<String, Map<String, String>> flywayConfiguration) {
        String location = at.written();
        Listing tree;
        try {
            tree = at.list("migrations");
        } catch (ResourceException e) {
            throw new MigrationException(e.getMessage(), e);
        }
        if (tree.singleFile() || layout == Layout.MASTER_SCHEMA) {
            if (!tree.singleFile()) {
                throw new MigrationException("'" + location + "' is a folder, but the master schema layout needs one"
                        + " file; pass the schema file's path");
            }
            ScriptSource source = ChainAssembler.masterSchema(tree);
            MigrationChain chain = ofMasterSchema(Scripts.toSqlScript(source));
            return new MigrationChain(location, Layout.MASTER_SCHEMA, chain.migrations, List.of(), List.of());
        }
        ChainAssembler.Assembled assembled = ChainAssembler.assemble(tree, layout, flywayConfiguration);
        List<Migration> migrations = assembled.steps().stream()
                .map(step -> Migration.of(step.version(), step.description(), Scripts.toSqlScript(step.up()),
                        step.down() == null ? null : Scripts.toSqlScript(step.down())))
                .collect(Collectors.toList());
        List<RepeatableMigration> repeatables = new ArrayList<>();
        for (FoundScript found : assembled.repeatables()) {
            repeatables.add(RepeatableMigration.of(found.description(), Scripts.toSqlScript(found.source())));
        }
        List<Migration> baselines = assembled.baselines().stream()
                .map(b -> Migration.of(b.version(), b.description(), Scripts.toSqlScript(b.source()), null)).toList();
        for (String warning : assembled.warnings()) {
            LOG.warn("{}", warning);
        }
        for (String file : assembled.ignored()) {
            LOG.debug("Left out, not read by the {} layout: {}", assembled.layout().displayName(), file);
        }
        return new MigrationChain(location, assembled.layout(), migrations, repeatables, baselines,
                assembled.masterSchema().map(Scripts::toSqlScript).orElse(null), assembled.baseOrder(),
                assembled.warnings(), assembled.ignored());
    }

    /** @return the location as given, or the script's name for a master schema, or the name of a chain built in code */
    public String location() {
        return location;
    }

    /** @return the layout read, empty for a chain built in code with {@link #of} */
    public Optional<Layout> layout() {
        return Optional.ofNullable(layout);
    }

    /**
     * @return the versioned migrations in the order they run: the order of the layout's tool (numeric for Flyway and
     *     the numbered layouts, the text of the version for diesel and pop, the {@code parents:} graph for
     *     sourcegraph, the plan for sqitch), never {@code null}
     */
    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * Compares versions in the order this chain runs them ({@link #migrations()}); the migrator uses it to tell which
     * migrations lie below a target. A version the chain does not have (one a history table records) is placed by
     * the tool's comparison of versions: numeric for most layouts, the text for diesel and pop.
     *
     * <pre>{@code
     * MigrationChain diesel = MigrationChain.at("migrations");   // 2025-11-19-091444-0000_a, 2026-01-20-162913_b
     * diesel.versionOrder().compare(MigrationVersion.parse("2025-11-19-091444-0000"),
     *         MigrationVersion.parse("2026-01-20-162913"));     // negative: diesel runs the first one first
     * }</pre>
     *
     * @return the order, never {@code null}
     */
    public Comparator<MigrationVersion> versionOrder() {
        return order;
    }

    /**
     * Returns the baselines (Flyway's {@code B5__x.sql}): each builds the whole schema at its version. A new database
     * (an empty history) starts from the newest baseline at or below the target, then the versioned migrations above
     * it run; a database with a history never runs one. {@code ChainChecks.baselines(chain)} checks that each builds
     * what the versioned migrations up to its version build.
     *
     * @return the baselines in version order, usually none; they have no down script
     */
    public List<Migration> baselines() {
        return baselines;
    }

    /**
     * Returns this chain without its baselines: a new database then runs the versioned migrations from the first.
     * Everything else (location, layout, order, repeatable migrations, warnings) stays.
     *
     * @return the chain, itself when it has no baselines
     */
    public MigrationChain withoutBaselines() {
        return baselines.isEmpty() ? this : new MigrationChain(location, layout, migrations, repeatables, List.of(),
                masterSchema, order, warnings, ignored);
    }

    /**
     * Returns the master schema that the layout keeps beside its migrations: sourcegraph's {@code squashed.sql}, the
     * schema after every migration of the folder. {@code driftless verify --migrations <folder>} compares it with the
     * migrated chain without {@code --schema}.
     *
     * @return the script, empty for layouts without one
     */
    public Optional<SqlScript> masterSchema() {
        return Optional.ofNullable(masterSchema);
    }

    /**
     * Lists the files at the location that the layout's tool does not read, and so Driftless does not either: a
     * sqitch project's {@code test/} and {@code data/}, a diesel folder's {@code helper.sql}, a pop migration of
     * another dialect, a {@code README.md}. Each is named with why, e.g.
     * {@code db/test/orders.sql (sqitch reads only sqitch.plan and the deploy/, revert/ and verify/ scripts it names)};
     * those that look like migrations are also {@link #warnings()}. Logged at {@code DEBUG}.
     *
     * @return the files left out, never {@code null}
     */
    public List<String> ignored() {
        return ignored;
    }

    /** @return the repeatable migrations (Flyway {@code R__}), sorted by description; usually none */
    public List<RepeatableMigration> repeatables() {
        return repeatables;
    }

    /**
     * @return problems that do not stop the chain from working (empty migrations, {@code .sql} files the layout's tool
     *     would not read); each names its file
     */
    public List<String> warnings() {
        return warnings;
    }

    /** @return the last version to run, or {@link MigrationVersion#EMPTY} for a chain without versioned migrations */
    public MigrationVersion latestVersion() {
        return migrations.isEmpty() ? MigrationVersion.EMPTY : migrations.get(migrations.size() - 1).version();
    }

    /**
     * @param version a version
     * @return the migration with that version (compared numerically: {@code 4} finds {@code 004})
     */
    public Optional<Migration> migration(MigrationVersion version) {
        return migrations.stream().filter(m -> m.version().equals(version)).findFirst();
    }

    /**
     * @param version a version as text, e.g. {@code 004} or {@code 1.1}
     * @return the migration with that version
     * @throws IllegalArgumentException when the text is not a version
     */
    public Optional<Migration> migration(String version) {
        return migration(MigrationVersion.parse(version));
    }

    /** @return e.g. {@code MigrationChain[classpath:db/migrations, Flyway, 12 migrations, latest 2.3]} */
    @Override
    public String toString() {
        return "MigrationChain[" + location + ", " + (layout == null ? "built in code" : layout.displayName()) + ", "
                + migrations.size() + " migrations, latest " + latestVersion() + "]";
    }
}
