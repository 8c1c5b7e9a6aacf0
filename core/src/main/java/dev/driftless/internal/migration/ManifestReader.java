package dev.driftless.internal.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.resource.Resource;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code ManifestReader} reads a chain whose versions are folders with a manifest, as temporal's and cadence's schema
 * tools do ({@code tools/common/schema/updatetask.go}: {@code readSchemaDir}, {@code readManifest}):
 * <ul>
 * <li>every folder at the top named {@code v<version>} ({@code v1.0}, {@code v1.10}) is a version, ordered
 * numerically; it holds {@code manifest.json} (or {@code manifest.yaml}) with {@code CurrVersion} (equal to the
 * folder's version), {@code MinCompatibleVersion}, {@code Description} and {@code SchemaUpdateCqlFiles}, the files
 * of the version in the order they run;</li>
 * <li>the tool runs each statement of those files on its own, outside a transaction; there are no down scripts;</li>
 * <li>files no manifest lists, and folders not named like a version, are not read.</li>
 * </ul>
 * A version's up script is the listed files in order, each included with {@code \ir} so that a failure names the file
 * and line it is on (inside a jar, where includes cannot be resolved, their text joined).
 */
final class ManifestReader implements LayoutReader {

    static final List<String> MANIFESTS = List.of("manifest.json", "manifest.yaml", "manifest.yml");
    static final Pattern FOLDER = Pattern.compile("v\\d+(?:\\.\\d+)*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TransactionRule OUTSIDE = TransactionRule.outside("the schema tool runs each statement of a"
            + " manifest's files on its own");

    @Override
    public void read(Discovery discovery) {
        discovery.toolReads("the schema tool reads only the manifest of each version folder and the files it lists",
                e -> FOLDER.matcher(e.folder()).matches());
        TreeSet<String> folders = new TreeSet<>();
        for (Resource entry : discovery.tree().resources()) {
            if (!entry.folder().isEmpty() && FOLDER.matcher(entry.folder()).matches()) {
                folders.add(entry.folder());
            }
        }
        for (String folder : folders) {
            readFolder(discovery, folder);
        }
    }

    private static void readFolder(Discovery discovery, String folder) {
        Optional<Resource> manifest = MANIFESTS.stream().map(name -> discovery.tree().find(folder + "/" + name))
                .flatMap(Optional::stream).findFirst();
        String where = discovery.tree().location() + "/" + folder;
        if (manifest.isEmpty()) {
            discovery.error(where + " has no manifest.json; the schema tool reads a version's files from its"
                    + " manifest");
            return;
        }
        discovery.use(manifest.get());
        Optional<String> text = discovery.text(manifest.get());
        if (text.isEmpty()) {
            return;
        }
        JsonNode payload;
        try {
            payload = (manifest.get().fileName().endsWith(".json") ? JSON : YAML).readTree(text.get());
        } catch (JsonProcessingException e) {
            discovery.error(manifest.get().name() + " cannot be read: " + e.getOriginalMessage());
            return;
        }
        String name = manifest.get().name();
        MigrationVersion version = MigrationVersion.parse(folder);
        String current = payload == null ? "" : payload.path("CurrVersion").asText("");
        if (!MigrationVersion.isVersion(current) || !MigrationVersion.parse(current).equals(version)) {
            discovery.error(name + " says CurrVersion " + (current.isEmpty() ? "(none)" : "\"" + current + "\"")
                    + ", but its folder is " + folder + "; the schema tool needs the two to match");
            return;
        }
        if (payload.path("MinCompatibleVersion").asText("").isEmpty()) {
            discovery.error(name + " has no MinCompatibleVersion, which the schema tool requires");
        }
        List<Resource> files = new ArrayList<>();
        for (JsonNode file : payload.path("SchemaUpdateCqlFiles")) {
            Optional<Resource> listed = discovery.tree().find(folder + "/" + file.asText());
            if (listed.isEmpty()) {
                discovery.error(name + " lists " + file.asText() + ", which is not in " + where);
            } else {
                files.add(listed.get());
            }
        }
        if (files.isEmpty()) {
            if (payload.path("SchemaUpdateCqlFiles").isEmpty()) {
                discovery.error(name + " lists no files in SchemaUpdateCqlFiles; the schema tool needs at least one");
            }
            return;
        }
        String description = payload.path("Description").asText("");
        script(discovery, manifest.get(), files).ifPresent(s -> discovery.up(version, description, s));
    }

    /** The listed files as one script: {@code \ir} each (its checksum in a comment, so the chain sees edits). */
    private static Optional<ScriptSource> script(Discovery discovery, Resource manifest, List<Resource> files) {
        StringBuilder includes = new StringBuilder();
        StringBuilder joined = new StringBuilder();
        boolean readable = true;
        for (Resource file : files) {
            discovery.use(file);
            Optional<String> text = discovery.text(file);
            if (text.isEmpty()) {
                readable = false;
                continue;
            }
            if (files.size() > 1) {
                discovery.check(ScriptSource.of(file, OUTSIDE)); // the single file is checked as the script itself
            }
            includes.append("-- ").append(file.fileName()).append(" sha256 ").append(sha256(text.get())).append('\n')
                    .append("\\ir ").append(file.fileName()).append('\n');
            joined.append(text.get()).append(text.get().endsWith("\n") ? "" : "\n");
        }
        if (!readable) {
            return Optional.empty();
        }
        if (files.size() == 1) {
            return Optional.of(ScriptSource.of(files.get(0), OUTSIDE));
        }
        return Optional.of(manifest.baseDirectory().isPresent()
                ? new ScriptSource(manifest.name(), includes.toString(), 1, manifest.baseDirectory(), OUTSIDE)
                : new ScriptSource(manifest.name(), joined.toString(), 1, Optional.empty(), OUTSIDE));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
