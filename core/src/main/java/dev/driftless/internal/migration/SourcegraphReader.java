package dev.driftless.internal.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.resource.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code SourcegraphReader} reads a sourcegraph schema folder ({@code migrations/frontend}) as sourcegraph's
 * {@code internal/database/migration/definition/read.go} does:
 * <ul>
 * <li>every entry whose name up to its first {@code _} is a number is a migration folder holding {@code up.sql},
 * {@code down.sql} and {@code metadata.yaml} (all three required); other entries ({@code squashed.sql},
 * {@code README.md}, {@code BUILD.bazel}) are not migrations;</li>
 * <li>{@code squashed.sql}, the schema after every migration, is the chain's master schema;</li>
 * <li>the order is the {@code parents:} graph of {@code metadata.yaml}: a depth-first walk from the single root,
 * children in descending version order, reversed, so a migration runs after its parents and unrelated ones by
 * version; unknown parents, no root, several roots and cycles are refused;</li>
 * <li>each migration runs in a transaction, except an up migration whose {@code metadata.yaml} says
 * {@code createIndexConcurrently: true}; that one must hold the {@code CREATE INDEX CONCURRENTLY} and nothing else,
 * and no down migration may create an index concurrently;</li>
 * <li>a migration that creates, drops or comments on an extension must say {@code privileged: true}.</li>
 * </ul>
 */
final class SourcegraphReader implements LayoutReader {

    static final String SQUASHED = "squashed.sql";
    static final String METADATA = "metadata.yaml";
    private static final Pattern FOLDER = Pattern.compile("(\\d+)(?:_(.*))?");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** sourcegraph's {@code createIndexConcurrentlyPattern}, case included. */
    private static final Pattern CONCURRENT_INDEX = Pattern.compile(
            "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z0-9_]+)\\s+ON\\s+"
                    + "([A-Za-z0-9_]+)[^;]+;");
    /** sourcegraph's {@code alterExtensionPattern}: statements that need {@code privileged: true}. */
    private static final Pattern EXTENSION = Pattern.compile("(CREATE|COMMENT ON|DROP)\\s+EXTENSION");
    private static final String IN_TRANSACTION = "sourcegraph runs every migration in a transaction unless its"
            + " metadata.yaml sets createIndexConcurrently: true";

    private record Definition(MigrationVersion version, String folder, List<MigrationVersion> parents) {
    }

    @Override
    public void read(Discovery discovery) {
        discovery.toolReads("sourcegraph reads only up.sql, down.sql and metadata.yaml in each migration folder",
                e -> e.folder().isEmpty() || FOLDER.matcher(e.folder()).matches());
        discovery.tree().find(SQUASHED).ifPresent(discovery::masterSchema);
        Map<String, Matcher> folders = new LinkedHashMap<>();
        for (Resource entry : discovery.tree().resources()) {
            if (entry.folder().isEmpty()) {
                continue;
            }
            String top = entry.folder().split("/", 2)[0];
            Matcher m = FOLDER.matcher(top);
            if (m.matches()) {
                folders.putIfAbsent(top, m);
            }
        }
        List<Definition> definitions = new ArrayList<>();
        for (Map.Entry<String, Matcher> folder : folders.entrySet()) {
            readFolder(discovery, folder.getKey(), folder.getValue()).ifPresent(definitions::add);
        }
        order(discovery, definitions);
    }

    private static Optional<Definition> readFolder(Discovery discovery, String folder, Matcher name) {
        String where = discovery.tree().location() + "/" + folder;
        Optional<Resource> up = discovery.tree().find(folder + "/up.sql");
        Optional<Resource> down = discovery.tree().find(folder + "/down.sql");
        Optional<Resource> metadata = discovery.tree().find(folder + "/" + METADATA);
        List<String> missing = new ArrayList<>();
        up.ifPresentOrElse(discovery::use, () -> missing.add("up.sql"));
        down.ifPresentOrElse(discovery::use, () -> missing.add("down.sql"));
        metadata.ifPresentOrElse(discovery::use, () -> missing.add(METADATA));
        if (!missing.isEmpty()) {
            discovery.error(where + " has no " + String.join(" and no ", missing) + "; sourcegraph needs up.sql,"
                    + " down.sql and metadata.yaml in every migration folder");
            return Optional.empty();
        }
        Optional<String> metadataText = discovery.text(metadata.get());
        Optional<String> upText = discovery.text(up.get());
        Optional<String> downText = discovery.text(down.get());
        if (metadataText.isEmpty() || upText.isEmpty() || downText.isEmpty()) {
            return Optional.empty();
        }
        JsonNode payload;
        try {
            payload = YAML.readTree(metadataText.get());
        } catch (JsonProcessingException e) {
            discovery.error(metadata.get().name() + " is not YAML: " + e.getOriginalMessage());
            return Optional.empty();
        }
        if (payload == null || !payload.isObject()) {
            payload = YAML.createObjectNode();
        }
        MigrationVersion version = MigrationVersion.parse(name.group(1));
        List<MigrationVersion> parents = new ArrayList<>();
        for (JsonNode parent : payload.path("parents")) {
            parents.add(MigrationVersion.parse(parent.asText()));
        }
        if (payload.path("parent").asLong(0) != 0) {
            parents.add(MigrationVersion.parse(payload.path("parent").asText()));
        }
        String description = payload.path("name").isTextual() ? payload.path("name").asText()
                : name.group(2) == null ? "" : LayoutReader.describe(name.group(2));
        boolean concurrently = payload.path("createIndexConcurrently").asBoolean(false);
        String problem = concurrencyProblem(where, metadata.get().name(), up.get().name(), upText.get(),
                downText.get(), concurrently);
        if (problem != null) {
            discovery.error(problem);
        }
        if ((EXTENSION.matcher(upText.get()).find() || EXTENSION.matcher(downText.get()).find())
                && !payload.path("privileged").asBoolean(false)) {
            discovery.error(where + ": it creates, drops or comments on an extension, which sourcegraph runs only when "
                    + metadata.get().name() + " sets privileged: true; add that line");
        }
        discovery.up(version, description, up.get(), concurrently
                ? TransactionRule.outside("its metadata.yaml sets createIndexConcurrently: true")
                : TransactionRule.inTransaction(IN_TRANSACTION));
        discovery.down(version, description, down.get(), TransactionRule.inTransaction(IN_TRANSACTION));
        return Optional.of(new Definition(version, folder, parents));
    }

    /** sourcegraph's checks of concurrent index creation, in {@code hydrateMetadataFromFile}. */
    private static String concurrencyProblem(String where, String metadata, String up, String upText, String downText,
            boolean flagged) {
        if (CONCURRENT_INDEX.matcher(downText).find()) {
            return where + ": its down.sql creates an index concurrently, which sourcegraph refuses in a down"
                    + " migration; remove CONCURRENTLY there";
        }
        Matcher index = CONCURRENT_INDEX.matcher(upText);
        if (index.find()) {
            if (!flagged) {
                return where + ": its up.sql creates an index concurrently, which sourcegraph runs only when "
                        + metadata + " sets createIndexConcurrently: true; add that line";
            }
            String rest = (upText.substring(0, index.start()) + upText.substring(index.end())).lines()
                    .map(line -> line.split("--", 2)[0].strip()).filter(line -> !line.isEmpty())
                    .collect(Collectors.joining("\n"));
            if (!rest.isEmpty()) {
                return where + ": its up.sql creates an index concurrently and holds other statements, which"
                        + " sourcegraph refuses; move the index into a migration of its own (" + up + ")";
            }
        } else if (flagged) {
            return where + ": " + metadata + " sets createIndexConcurrently: true but its up.sql creates no index"
                    + " concurrently; remove that line";
        }
        return null;
    }

    /**
     * Orders the definitions as sourcegraph's {@code findDefinitionOrder}: a depth-first walk from the single root,
     * each migration's children in descending version order, each migration added after its children, and the result
     * reversed.
     */
    private static void order(Discovery discovery, List<Definition> definitions) {
        if (definitions.isEmpty()) {
            return;
        }
        String location = discovery.tree().location().toString();
        Set<MigrationVersion> known = new HashSet<>();
        definitions.forEach(d -> known.add(d.version()));
        Map<MigrationVersion, TreeSet<MigrationVersion>> children = new HashMap<>();
        List<MigrationVersion> roots = new ArrayList<>();
        boolean unknown = false;
        for (Definition d : definitions) {
            if (d.parents().isEmpty()) {
                roots.add(d.version());
            }
            for (MigrationVersion parent : d.parents()) {
                if (!known.contains(parent)) {
                    discovery.error(location + "/" + d.folder() + "/" + METADATA + " names parent " + parent
                            + ", which is no migration of " + location + "; fix the parents: line");
                    unknown = true;
                }
                children.computeIfAbsent(parent, p -> new TreeSet<>(Comparator.reverseOrder())).add(d.version());
            }
        }
        if (unknown) {
            return;
        }
        roots.sort(Comparator.naturalOrder());
        if (roots.size() != 1) {
            discovery.error(roots.isEmpty()
                    ? "every migration of " + location + " names a parent in its metadata.yaml, so the graph has no"
                            + " root (a cycle, or a parent that is gone); sourcegraph needs exactly one migration"
                            + " without parents"
                    : roots.size() + " migrations of " + location + " have no parents (" + roots.stream()
                            .map(MigrationVersion::toString).collect(Collectors.joining(", ")) + "); sourcegraph needs"
                            + " exactly one root: give the others their parents in metadata.yaml");
            return;
        }
        List<MigrationVersion> postOrder = new ArrayList<>();
        Map<MigrationVersion, Integer> marks = new TreeMap<>();
        List<MigrationVersion> cycle = visit(roots.get(0), children, marks, postOrder, new ArrayList<>());
        if (cycle == null && postOrder.size() < definitions.size()) {
            for (Definition d : definitions) {
                if (!marks.containsKey(d.version())) {
                    cycle = visit(d.version(), children, marks, postOrder, new ArrayList<>());
                    if (cycle != null) {
                        break;
                    }
                }
            }
        }
        if (cycle != null) {
            discovery.error("the parents: of " + location + " make a cycle: " + cycle.stream()
                    .map(MigrationVersion::toString).collect(Collectors.joining(" -> ")) + "; break one of its links");
            return;
        }
        List<MigrationVersion> order = new ArrayList<>(postOrder);
        java.util.Collections.reverse(order);
        discovery.orderAs(order);
    }

    /** @return the cycle found, from a migration back to itself, or {@code null} */
    private static List<MigrationVersion> visit(MigrationVersion version,
            Map<MigrationVersion, TreeSet<MigrationVersion>> children, Map<MigrationVersion, Integer> marks,
            List<MigrationVersion> postOrder, List<MigrationVersion> path) {
        Integer mark = marks.get(version);
        if (mark != null && mark == 1) {
            List<MigrationVersion> cycle = new ArrayList<>(path.subList(path.indexOf(version), path.size()));
            cycle.add(version);
            return cycle;
        }
        if (mark != null) {
            return null;
        }
        marks.put(version, 1);
        path.add(version);
        for (MigrationVersion child : children.getOrDefault(version, new TreeSet<>())) {
            List<MigrationVersion> cycle = visit(child, children, marks, postOrder, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        marks.put(version, 2);
        postOrder.add(version);
        return null;
    }
}
