package dev.driftless.internal.migration;

import dev.driftless.resource.ResourceException;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Resource;
import dev.driftless.migration.Layout;
import dev.driftless.migration.MigrationVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code Discovery} collects what a layout reader finds in a {@link Listing}: the scripts it recognised, the
 * files it used, the files its tool does not read, the order of the versions, and the problems (errors make the chain
 * invalid, warnings are logged). Readers read files only through it, so a file that cannot be read, or a script left
 * unterminated, is always an error of the chain, never a file silently left out.
 */
public final class Discovery {

    private static final Set<String> IGNORED_NAMES = Set.of(".gitkeep", ".keep", ".DS_Store", "migration_lock.toml",
            "sqitch.conf", ".gitignore");

    private final Listing tree;
    private final Layout layout;
    private final List<FoundScript> found = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final Set<String> unreadable = new HashSet<>();
    private final Set<MigrationVersion> unreadableUps = new HashSet<>();
    private Comparator<MigrationVersion> order = Comparator.naturalOrder();
    private List<MigrationVersion> explicitOrder;
    private ScriptSource masterSchema;
    private String toolReads;
    private Predicate<Resource> toolLooks;
    private Function<String, Map<String, String>> flywayConfiguration;

    /**
     * @param tree the files at the location
     * @param layout the layout being read
     */
    public Discovery(Listing tree, Layout layout) {
        this.tree = tree;
        this.layout = layout;
    }

    /**
     * Sets where a Flyway layout takes its configuration (placeholders) from instead of the files beside the location.
     *
     * @param configuration Flyway location → the merged configuration, {@code null} for the files beside it
     */
    void flywayConfiguration(Function<String, Map<String, String>> configuration) {
        this.flywayConfiguration = configuration;
    }

    /** @return where a Flyway layout takes its configuration from, {@code null} for the files beside the location */
    Function<String, Map<String, String>> flywayConfiguration() {
        return flywayConfiguration;
    }

    /** @return the files at the location */
    public Listing tree() {
        return tree;
    }

    /** @return the layout being read */
    public Layout layout() {
        return layout;
    }

    /**
     * Reads an entry's text. When it cannot be read (no regular file, not UTF-8, a NUL byte), the problem is an error
     * of the chain, recorded once per entry, and the result is empty.
     */
    Optional<String> text(Resource entry) {
        try {
            return Optional.of(entry.text());
        } catch (ResourceException e) {
            if (unreadable.add(entry.relativePath())) {
                errors.add(e.getMessage());
            }
            return Optional.empty();
        }
    }

    /** Records a whole file as the up script of a version, or the error that it cannot be read. */
    void up(MigrationVersion version, String description, Resource entry, TransactionRule transaction) {
        text(entry).ifPresentOrElse(t -> up(version, description, ScriptSource.of(entry, transaction)),
                () -> unreadableUps.add(version));
    }

    /** Records a whole file as the down script of a version, or the error that it cannot be read. */
    void down(MigrationVersion version, String description, Resource entry, TransactionRule transaction) {
        text(entry).ifPresent(t -> down(version, description, ScriptSource.of(entry, transaction)));
    }

    /** Records a whole file as a repeatable script, or the error that it cannot be read. */
    void repeatable(String description, Resource entry, TransactionRule transaction) {
        text(entry).ifPresent(t -> add(FoundScript.Kind.REPEATABLE, MigrationVersion.EMPTY, description,
                ScriptSource.of(entry, transaction)));
    }

    /** Records a whole file as the baseline of a version (Flyway {@code B}), or the error that it cannot be read. */
    void baseline(MigrationVersion version, String description, Resource entry, TransactionRule transaction) {
        text(entry).ifPresent(t -> add(FoundScript.Kind.BASELINE, version, description,
                ScriptSource.of(entry, transaction)));
    }

    /** Records a repeatable script read by the layout. */
    void repeatable(String description, ScriptSource source) {
        add(FoundScript.Kind.REPEATABLE, MigrationVersion.EMPTY, description, source);
    }

    /** Records the baseline of a version read by the layout. */
    void baseline(MigrationVersion version, String description, ScriptSource source) {
        add(FoundScript.Kind.BASELINE, version, description, source);
    }

    /** Records a problem that makes the chain invalid, e.g. a placeholder without a value. */
    void errors(List<String> problems) {
        errors.addAll(problems);
    }

    void up(MigrationVersion version, String description, ScriptSource source) {
        add(FoundScript.Kind.UP, version, description, source);
    }

    void down(MigrationVersion version, String description, ScriptSource source) {
        add(FoundScript.Kind.DOWN, version, description, source);
    }

    private void add(FoundScript.Kind kind, MigrationVersion version, String description, ScriptSource source) {
        check(source);
        found.add(new FoundScript(kind, version, description, source));
    }

    /** A script that would not run as written (a comment or quote left open) makes the chain invalid. */
    void check(ScriptSource source) {
        Scripts.problem(source).ifPresent(errors::add);
    }

    /**
     * Records a file as the master schema that the tool keeps beside its migrations (sourcegraph's
     * {@code squashed.sql}), or the error that it cannot be read.
     */
    void masterSchema(Resource entry) {
        use(entry);
        text(entry).ifPresent(t -> {
            masterSchema = ScriptSource.of(entry, TransactionRule.AUTO);
            check(masterSchema);
        });
    }

    /** @return the master schema kept beside the migrations, if the layout has one */
    public Optional<ScriptSource> masterSchema() {
        return Optional.ofNullable(masterSchema);
    }

    /** Orders the versions as the layout's tool does (the default is {@link MigrationVersion}'s numeric order). */
    void orderBy(Comparator<MigrationVersion> comparator) {
        order = comparator;
    }

    /** Orders the versions as listed, e.g. the topological order of a graph; versions not listed come last. */
    void orderAs(List<MigrationVersion> versions) {
        explicitOrder = List.copyOf(versions);
    }

    /** @return how the layout's tool orders two versions (the explicit order, when there is one, comes first) */
    public Comparator<MigrationVersion> order() {
        if (explicitOrder == null) {
            return order;
        }
        Map<MigrationVersion, Integer> positions = new HashMap<>();
        for (int i = 0; i < explicitOrder.size(); i++) {
            positions.putIfAbsent(explicitOrder.get(i), i);
        }
        return Comparator.comparingInt((MigrationVersion v) -> positions.getOrDefault(v, explicitOrder.size()))
                .thenComparing(order);
    }

    /** @return the order the layout's base comparison gives versions the explicit order does not list */
    public Comparator<MigrationVersion> baseOrder() {
        return order;
    }

    /**
     * @param version a version
     * @return whether an up script of that version was found but could not be read (its error is recorded)
     */
    boolean hasUnreadableUp(MigrationVersion version) {
        return unreadableUps.contains(version);
    }

    void use(Resource entry) {
        used.add(entry.relativePath());
    }

    boolean isUsed(Resource entry) {
        return used.contains(entry.relativePath());
    }

    /** Leaves out a file the layout's tool does not read, without a warning; {@link #ignored()} lists it. */
    void ignore(Resource entry, String why) {
        use(entry);
        ignored.add(entry.name() + " (" + why + ")");
    }

    /** Leaves out a file the layout's tool does not read, with a warning naming it and the tool's rule. */
    void ignoreWithWarning(Resource entry, String why) {
        ignore(entry, why);
        warnings.add(entry.name() + " is ignored: " + why);
    }

    /**
     * Says which files the layout's tool reads, for {@link #reportUnused()}: a {@code .sql} file no script came from
     * is then a warning where the tool looks for migrations ({@code looks}), and ignored elsewhere, instead of an
     * error.
     *
     * @param reads the tool's rule, e.g. {@code diesel reads only up.sql, down.sql and metadata.toml in each migration
     *     folder}
     * @param looks whether the tool looks for migrations where a file is
     */
    void toolReads(String reads, Predicate<Resource> looks) {
        toolReads = reads;
        toolLooks = looks;
    }

    void error(String message) {
        errors.add(message);
    }

    void warning(String message) {
        warnings.add(message);
    }

    /**
     * Reports every file no reader used. Where the layout's tool has a rule for the files it reads
     * ({@link #toolReads}), a {@code .sql} file where the tool looks for migrations is a warning and every other file
     * is ignored; otherwise (the numbered and Flyway layouts) a {@code .sql} file is an error (it looks like a
     * migration that would be skipped) and any other file a warning. Files tools keep there on purpose
     * ({@code .gitkeep}, {@code migration_lock.toml}, {@code README.md}, ...) are ignored without a word. Every file
     * left out is listed in {@link #ignored()}.
     */
    void reportUnused() {
        for (Resource entry : tree.resources()) {
            if (used.contains(entry.relativePath())) {
                continue;
            }
            boolean sql = entry.fileName().toLowerCase(Locale.ROOT).endsWith(".sql");
            if (isIgnorable(entry)) {
                ignored.add(entry.name() + " (" + (toolReads != null ? toolReads : "not a migration") + ")");
            } else if (toolReads != null) {
                if (sql && toolLooks.test(entry)) {
                    ignoreWithWarning(entry, toolReads);
                } else {
                    ignore(entry, toolReads);
                }
            } else if (sql) {
                errors.add(entry.name() + " fits no pattern of the " + layout.displayName() + " layout"
                        + " (expected names like " + layout.examples() + "); rename it or move it out of the"
                        + " migrations folder");
            } else {
                warnings.add(entry.name() + " is not a migration of the " + layout.displayName()
                        + " layout and is ignored");
                ignored.add(entry.name() + " (not a migration)");
            }
        }
    }

    private static boolean isIgnorable(Resource entry) {
        String name = entry.fileName();
        String lower = name.toLowerCase(Locale.ROOT);
        return IGNORED_NAMES.contains(name) || lower.startsWith("readme") || lower.endsWith(".md")
                || lower.endsWith(".txt");
    }

    /** @return the scripts found, in discovery order */
    public List<FoundScript> found() {
        return Collections.unmodifiableList(found);
    }

    /** @return the errors found so far */
    public List<String> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** @return the warnings found so far */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** @return every file left out, each with why, e.g. {@code db/test/x.sql (sqitch reads only ...)} */
    public List<String> ignored() {
        return Collections.unmodifiableList(ignored);
    }
}
