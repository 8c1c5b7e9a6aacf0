package dev.driftless.internal.migration;

import dev.driftless.resource.ResourceException;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Resource;
import dev.driftless.migration.Layout;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.MigrationVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ChainAssembler} reads a location in a layout and pairs up and down scripts by version, checking the chain:
 * duplicate versions, down scripts without an up, files that fit no pattern, files that cannot be read as UTF-8 text
 * (links to nowhere, pipes, devices, invalid UTF-8, NUL bytes), folders that cannot be listed, and scripts that leave a
 * comment or quote open are errors (all reported together); empty migrations and stray non-SQL files are warnings.
 */
public final class ChainAssembler {

    /**
     * {@code Step} is one versioned migration as found: its up script and, when there is one, its down script.
     *
     * @param version the version
     * @param description the description
     * @param up the up script
     * @param down the down script, or {@code null}
     */
    public record Step(MigrationVersion version, String description, ScriptSource up, ScriptSource down) {
    }

    /**
     * {@code Assembled} is a checked chain: steps in the order of the layout's tool, repeatable scripts by
     * description, baselines, the master schema kept beside the migrations, warnings and the files left out.
     *
     * @param layout the layout read
     * @param steps versioned migrations, in the order the layout's tool runs them
     * @param repeatables repeatable scripts, sorted by description
     * @param baselines baseline scripts (Flyway {@code B}), in version order
     * @param masterSchema the master schema kept beside the migrations (sourcegraph's {@code squashed.sql}), if any
     * @param baseOrder how the layout's tool compares versions (for versions a history has and the chain has not)
     * @param warnings problems that do not invalidate the chain
     * @param ignored the files the layout's tool does not read, each with why
     */
    public record Assembled(Layout layout, List<Step> steps, List<FoundScript> repeatables, List<FoundScript> baselines,
                            Optional<ScriptSource> masterSchema, Comparator<MigrationVersion> baseOrder,
                            List<String> warnings, List<String> ignored) {
    }

    private ChainAssembler() {
    }

    /**
     * Reads and checks the chain at a location.
     *
     * @param tree the files at the location
     * @param layout the layout, or {@code null} to detect it
     * @return the checked chain
     * @throws MigrationException listing every error found, each naming its files
     */
    public static Assembled assemble(Listing tree, Layout layout) {
        return assemble(tree, layout, null);
    }

    /**
     * Reads and checks the chain at a location, a Flyway layout with the given configuration.
     *
     * @param tree the files at the location
     * @param layout the layout, or {@code null} to detect it
     * @param flywayConfiguration Flyway location → the merged Flyway configuration (placeholders); {@code null} for the
     *     files beside the location
     * @return the checked chain
     * @throws MigrationException listing every error found, each naming its files
     */
    public static Assembled assemble(Listing tree, Layout layout,
            Function<String, Map<String, String>> flywayConfiguration) {
        Layout actual;
        try {
            actual = layout == null ? LayoutDetector.detect(tree) : layout;
        } catch (MigrationException undetected) {
            if (tree.problems().isEmpty()) {
                throw undetected;
            }
            // what could not be listed may hold the migrations that would have told the layout
            throw ReadErrors.of(undetected.getMessage() + "\nParts of the folder could not be read:\n  - "
                    + bullets(tree.problems()), undetected);
        }
        Discovery discovery = new Discovery(tree, actual);
        discovery.flywayConfiguration(flywayConfiguration);
        LayoutDetector.readerFor(actual).read(discovery);
        discovery.reportUnused();
        return check(discovery);
    }

    /**
     * Reads a single-file location as a master schema: the file's text, checked as every script of a chain is.
     *
     * @param tree a single-file location
     * @return the schema script
     * @throws MigrationException naming the file when it cannot be read or leaves a comment or quote open
     */
    public static ScriptSource masterSchema(Listing tree) {
        Resource entry = tree.resources().get(0);
        ScriptSource source;
        try {
            source = ScriptSource.of(entry, TransactionRule.AUTO);
        } catch (ResourceException e) {
            throw ReadErrors.of(e.getMessage(), e);
        }
        Scripts.problem(source).ifPresent(problem -> {
            throw ReadErrors.of(problem);
        });
        return source;
    }

    private static Assembled check(Discovery discovery) {
        List<String> errors = new ArrayList<>(discovery.tree().problems());
        errors.addAll(discovery.errors());
        List<String> warnings = new ArrayList<>(discovery.warnings());
        Map<MigrationVersion, List<FoundScript>> ups = byVersion(discovery, FoundScript.Kind.UP);
        Map<MigrationVersion, List<FoundScript>> downs = byVersion(discovery, FoundScript.Kind.DOWN);
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<MigrationVersion, List<FoundScript>> e : ups.entrySet()) {
            List<FoundScript> upScripts = e.getValue();
            List<FoundScript> downScripts = downs.getOrDefault(e.getKey(), List.of());
            if (upScripts.size() > 1) {
                errors.add(count(upScripts.size()) + " migrations have version " + e.getKey() + ": " + names(upScripts)
                        + "; give each a version of its own");
            }
            if (downScripts.size() > 1) {
                errors.add(count(downScripts.size()) + " down scripts have version " + e.getKey() + ": "
                        + names(downScripts) + "; keep one");
            }
            FoundScript up = upScripts.get(0);
            if (up.source().isBlank()) {
                warnings.add(up.source().name() + " (version " + e.getKey() + ") is empty: the migration does"
                        + " nothing");
            }
            steps.add(new Step(e.getKey(), up.description(), up.source(),
                    downScripts.isEmpty() ? null : downScripts.get(0).source()));
        }
        for (Map.Entry<MigrationVersion, List<FoundScript>> e : downs.entrySet()) {
            if (!ups.containsKey(e.getKey()) && !discovery.hasUnreadableUp(e.getKey())) {
                errors.add("down script " + names(e.getValue()) + " has no up migration with version " + e.getKey()
                        + "; add the up migration or delete the down script");
            }
        }
        steps.sort(Comparator.comparing(Step::version, discovery.order()));
        List<FoundScript> baselines = new ArrayList<>();
        byVersion(discovery, FoundScript.Kind.BASELINE).forEach((version, scripts) -> {
            if (scripts.size() > 1) {
                errors.add(count(scripts.size()) + " baselines have version " + version + ": " + names(scripts)
                        + "; keep one");
            }
            baselines.add(scripts.get(0));
        });
        List<FoundScript> repeatables = discovery.found().stream()
                .filter(f -> f.kind() == FoundScript.Kind.REPEATABLE)
                .sorted((a, b) -> a.description().compareTo(b.description()))
                .collect(Collectors.toList());
        Map<String, List<FoundScript>> repeatableNames = repeatables.stream()
                .collect(Collectors.groupingBy(FoundScript::description, TreeMap::new, Collectors.toList()));
        repeatableNames.forEach((description, scripts) -> {
            if (scripts.size() > 1) {
                errors.add(count(scripts.size()) + " repeatable migrations have the description '" + description
                        + "': " + names(scripts) + "; rename one");
            }
        });
        if (steps.isEmpty() && repeatables.isEmpty() && baselines.isEmpty() && errors.isEmpty()) {
            errors.add("no migration of the " + discovery.layout().displayName() + " layout (" +
                    discovery.layout().examples() + ") is there");
        }
        if (!errors.isEmpty()) {
            throw ReadErrors.of("The migration chain at '" + discovery.tree().location() + "' ("
                    + discovery.layout().displayName() + " layout) is invalid:\n  - " + bullets(errors));
        }
        return new Assembled(discovery.layout(), Collections.unmodifiableList(steps),
                Collections.unmodifiableList(repeatables), Collections.unmodifiableList(baselines),
                discovery.masterSchema(), discovery.baseOrder(), Collections.unmodifiableList(warnings),
                discovery.ignored());
    }

    /** Joins problems as a list, the lines after a problem's first (a script's lines with a caret) indented under it. */
    private static String bullets(List<String> problems) {
        return problems.stream().map(p -> p.replace("\n", "\n    ")).collect(Collectors.joining("\n  - "));
    }

    private static Map<MigrationVersion, List<FoundScript>> byVersion(Discovery discovery, FoundScript.Kind kind) {
        return discovery.found().stream().filter(f -> f.kind() == kind)
                .collect(Collectors.groupingBy(FoundScript::version, TreeMap::new, Collectors.toList()));
    }

    private static String names(List<FoundScript> scripts) {
        return scripts.stream().map(s -> s.source().name()).sorted().collect(Collectors.joining(", "));
    }

    private static String count(int n) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return n < words.length ? words[n] : Integer.toString(n);
    }
}
