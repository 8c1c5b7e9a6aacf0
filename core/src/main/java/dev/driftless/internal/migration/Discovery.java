package dev.driftless.internal.migration;

import dev.driftless.migration.Layout;
import dev.driftless.migration.MigrationVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code Discovery} collects what a layout reader finds in a {@link LocationTree}: the scripts it recognised, the
 * files it used, and the problems (errors make the chain invalid, warnings are logged).
 */
public final class Discovery {

    private static final Set<String> IGNORED_NAMES = Set.of(".gitkeep", ".keep", ".DS_Store", "migration_lock.toml",
            "sqitch.conf", ".gitignore");

    private final LocationTree tree;
    private final Layout layout;
    private final List<FoundScript> found = new ArrayList<>();
    private final Set<String> used = new HashSet<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param tree the files at the location
     * @param layout the layout being read
     */
    public Discovery(LocationTree tree, Layout layout) {
        this.tree = tree;
        this.layout = layout;
    }

    /** @return the files at the location */
    public LocationTree tree() {
        return tree;
    }

    /** @return the layout being read */
    public Layout layout() {
        return layout;
    }

    void up(MigrationVersion version, String description, ScriptSource source) {
        found.add(new FoundScript(FoundScript.Kind.UP, version, description, source));
    }

    void down(MigrationVersion version, String description, ScriptSource source) {
        found.add(new FoundScript(FoundScript.Kind.DOWN, version, description, source));
    }

    void repeatable(String description, ScriptSource source) {
        found.add(new FoundScript(FoundScript.Kind.REPEATABLE, MigrationVersion.EMPTY, description, source));
    }

    void use(TreeEntry entry) {
        used.add(entry.relativePath());
    }

    boolean isUsed(TreeEntry entry) {
        return used.contains(entry.relativePath());
    }

    void error(String message) {
        errors.add(message);
    }

    void warning(String message) {
        warnings.add(message);
    }

    /**
     * Reports every file no reader used: a {@code .sql} file is an error (it looks like a migration that would be
     * skipped), any other file a warning, except files tools keep there on purpose ({@code .gitkeep},
     * {@code migration_lock.toml}, {@code README.md}, ...).
     */
    void reportUnused() {
        for (TreeEntry entry : tree.entries()) {
            if (used.contains(entry.relativePath()) || isIgnorable(entry)) {
                continue;
            }
            if (entry.fileName().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                errors.add(entry.displayName() + " fits no pattern of the " + layout.displayName() + " layout"
                        + " (expected names like " + layout.examples() + "); rename it or move it out of the"
                        + " migrations folder");
            } else {
                warnings.add(entry.displayName() + " is not a migration of the " + layout.displayName()
                        + " layout and is ignored");
            }
        }
    }

    private static boolean isIgnorable(TreeEntry entry) {
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
}
