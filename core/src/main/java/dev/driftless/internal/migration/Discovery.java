package dev.driftless.internal.migration;

import dev.driftless.resource.ResourceException;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Resource;
import dev.driftless.migration.Layout;
import dev.driftless.migration.MigrationVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Discovery} collects what a layout reader finds in a {@link Listing}: the scripts it recognised, the
 * files it used, and the problems (errors make the chain invalid, warnings are logged). Readers read files only through
 * it, so a file that cannot be read, or a script left unterminated, is always an error of the chain, never a file
 * silently left out.
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
    private final Set<String> unreadable = new HashSet<>();
    private final Set<MigrationVersion> unreadableUps = new HashSet<>();

    /**
     * @param tree the files at the location
     * @param layout the layout being read
     */
    public Discovery(Listing tree, Layout layout) {
        this.tree = tree;
        this.layout = layout;
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
    void up(MigrationVersion version, String description, Resource entry, boolean noTransaction) {
        text(entry).ifPresentOrElse(t -> up(version, description, ScriptSource.of(entry, noTransaction)),
                () -> unreadableUps.add(version));
    }

    /** Records a whole file as the down script of a version, or the error that it cannot be read. */
    void down(MigrationVersion version, String description, Resource entry, boolean noTransaction) {
        text(entry).ifPresent(t -> down(version, description, ScriptSource.of(entry, noTransaction)));
    }

    /** Records a whole file as a repeatable script, or the error that it cannot be read. */
    void repeatable(String description, Resource entry, boolean noTransaction) {
        text(entry).ifPresent(t -> repeatable(description, ScriptSource.of(entry, noTransaction)));
    }

    void up(MigrationVersion version, String description, ScriptSource source) {
        check(source);
        found.add(new FoundScript(FoundScript.Kind.UP, version, description, source));
    }

    void down(MigrationVersion version, String description, ScriptSource source) {
        check(source);
        found.add(new FoundScript(FoundScript.Kind.DOWN, version, description, source));
    }

    void repeatable(String description, ScriptSource source) {
        check(source);
        found.add(new FoundScript(FoundScript.Kind.REPEATABLE, MigrationVersion.EMPTY, description, source));
    }

    /** A script that would not run as written (a comment or quote left open) makes the chain invalid. */
    private void check(ScriptSource source) {
        Scripts.problem(source).ifPresent(errors::add);
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
        for (Resource entry : tree.resources()) {
            if (used.contains(entry.relativePath()) || isIgnorable(entry)) {
                continue;
            }
            if (entry.fileName().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                errors.add(entry.name() + " fits no pattern of the " + layout.displayName() + " layout"
                        + " (expected names like " + layout.examples() + "); rename it or move it out of the"
                        + " migrations folder");
            } else {
                warnings.add(entry.name() + " is not a migration of the " + layout.displayName()
                        + " layout and is ignored");
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
}
