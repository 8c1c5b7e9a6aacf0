package dev.driftless.internal.migration.flyway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.driftless.migration.MigrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code FlywaySources} merges the user's Flyway configuration from every place a Flyway project keeps it into one map
 * of Flyway's own keys ({@code flyway.locations}, {@code flyway.placeholders.tenant}, ...), which the engine hands to
 * Flyway itself. Precedence, highest first: the explicit settings, the {@code FLYWAY_*} environment, a
 * {@code flyway.toml} or {@code flyway.conf} file, Spring's {@code spring.flyway.*} properties, Flyway's defaults.
 * Connection settings (url, user, password, driver) are dropped from every source: the engine always migrates the
 * database Driftless gives it.
 */
public final class FlywaySources {

    private static final Logger LOG = LoggerFactory.getLogger(FlywaySources.class);

    /** The settings read from every source; each is {@code flyway.} followed by one of these, or a placeholder. */
    private static final Set<String> KEYS = Set.of("locations", "schemas", "defaultSchema", "table", "tablespace",
            "target", "outOfOrder", "placeholderPrefix", "placeholderSuffix", "placeholderSeparator",
            "placeholderReplacement", "scriptPlaceholderPrefix", "scriptPlaceholderSuffix", "sqlMigrationPrefix",
            "sqlMigrationSeparator", "sqlMigrationSuffixes", "repeatableSqlMigrationPrefix", "baselineMigrationPrefix",
            "callbacks", "skipDefaultCallbacks", "callbackLocations", "resolvers", "skipDefaultResolvers", "encoding",
            "mixed", "group", "createSchemas", "initSql", "baselineOnMigrate", "baselineVersion", "baselineDescription",
            "installedBy", "executeInTransaction", "validateMigrationNaming", "validateOnMigrate",
            "ignoreMigrationPatterns", "cleanDisabled", "failOnMissingLocations", "detectEncoding", "lockRetryCount",
            "connectRetries", "skipExecutingMigrations", "postgresql.transactional.lock");
    private static final Set<String> CONNECTION = Set.of("url", "user", "password", "driver", "environment",
            "jdbcProperties", "connectRetriesInterval");
    private static final String PLACEHOLDERS = "placeholders.";

    /**
     * {@code Resolved} is the merged configuration and where each key came from.
     *
     * @param config Flyway key → value, sorted by key
     * @param origins Flyway key → the source that set it, e.g. {@code FLYWAY_LOCATIONS} or {@code flyway.toml}
     * @param configFile the configuration file read, if one was
     */
    public record Resolved(Map<String, String> config, Map<String, String> origins, String configFile) {
    }

    private FlywaySources() {
    }

    /**
     * Merges the sources.
     *
     * @param explicit Flyway key → value, set in code (highest precedence)
     * @param environment the process environment ({@code FLYWAY_*} entries are read)
     * @param configFiles configuration files named by the user; when empty, the first {@code flyway.toml} or
     *                    {@code flyway.conf} found in a location's folder, its parent, or the working directory
     * @param loader the class loader for {@code classpath:} locations and Spring's {@code application.*} files
     * @param workingDirectory where relative files are looked up
     * @return the merged configuration
     * @throws MigrationException when a named file is missing or a file cannot be read (file and line)
     */
    public static Resolved resolve(Map<String, String> explicit, Map<String, String> environment,
            List<String> configFiles, ClassLoader loader, Path workingDirectory) {
        Map<String, String> fromEnvironment = fromEnvironment(environment);
        Map<String, String> fromSpring = fromSpring(loader);
        String locations = first("flyway.locations", explicit, fromEnvironment, fromSpring);
        List<String> searched = new ArrayList<>();
        String fileName = null;
        Map<String, String> fromFile = new LinkedHashMap<>();
        if (!configFiles.isEmpty()) {
            for (String named : configFiles) {
                Path path = workingDirectory.resolve(named);
                if (!Files.isRegularFile(path)) {
                    throw new MigrationException("The Flyway configuration file " + named + " is not there (looked at "
                            + path.toAbsolutePath() + ")");
                }
                fromFile.putAll(readFile(path.toString(), read(path)));
                fileName = fileName == null ? named : fileName + ", " + named;
            }
        } else {
            for (String place : placesToLook(locations == null ? "classpath:db/migration" : locations)) {
                for (String name : List.of("flyway.toml", "flyway.conf")) {
                    String candidate = place.isEmpty() || place.endsWith(":") ? place + name : place + "/" + name;
                    searched.add(candidate);
                    String text = find(candidate, loader, workingDirectory);
                    if (text != null && fileName == null) {
                        fromFile.putAll(readFile(candidate, text));
                        fileName = candidate;
                    }
                }
            }
        }
        Map<String, String> config = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        put(config, origins, fromSpring, "spring.flyway.* (application properties)");
        put(config, origins, fromFile, fileName);
        put(config, origins, fromEnvironment, "FLYWAY_* environment");
        put(config, origins, explicit, "the settings in code");
        if (fileName == null) {
            LOG.debug("No Flyway configuration file at {}", searched);
        }
        return new Resolved(config, origins, fileName);
    }

    private static String first(String key, Map<String, String> explicit, Map<String, String> environment,
            Map<String, String> spring) {
        for (Map<String, String> source : List.of(explicit, environment, spring)) {
            if (source.containsKey(key)) {
                return source.get(key);
            }
        }
        return null;
    }

    private static void put(Map<String, String> config, Map<String, String> origins, Map<String, String> source,
            String origin) {
        for (Map.Entry<String, String> e : source.entrySet()) {
            config.put(e.getKey(), e.getValue());
            origins.put(e.getKey(), origin);
        }
    }

    /** Keeps the settings the engine uses, named as Flyway names them; logs the ones it leaves out. */
    private static Map<String, String> keep(Map<String, String> raw, String source) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(PLACEHOLDERS)) {
                kept.put("flyway." + name, e.getValue());
            } else if (KEYS.contains(name)) {
                kept.put("flyway." + name, e.getValue());
            } else if (CONNECTION.contains(name) || name.startsWith("jdbcProperties.")) {
                LOG.debug("Flyway's {} from {} is not used: the engine migrates the database Driftless gives it", name,
                        source);
            } else {
                LOG.info("Flyway setting {} from {} is not used by Driftless's Flyway engine", name, source);
            }
        }
        return kept;
    }

    /** {@code FLYWAY_DEFAULT_SCHEMA} → {@code defaultSchema}; {@code FLYWAY_PLACEHOLDERS_TENANT} → a placeholder. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> raw = new TreeMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("FLYWAY_")) {
                continue;
            }
            String rest = name.substring("FLYWAY_".length());
            if (rest.startsWith("PLACEHOLDERS_")) {
                raw.put(PLACEHOLDERS + rest.substring("PLACEHOLDERS_".length()).toLowerCase(Locale.ROOT), e.getValue());
            } else {
                raw.put(camel(rest.toLowerCase(Locale.ROOT), '_'), e.getValue());
            }
        }
        return keep(raw, "the environment");
    }

    /** Spring Boot's {@code spring.flyway.*} from {@code application.properties} or {@code application.yml}. */
    private static Map<String, String> fromSpring(ClassLoader loader) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : springProperties(loader, "spring.flyway.").entrySet()) {
            String rest = e.getKey();
            if (rest.startsWith(PLACEHOLDERS)) {
                raw.put(rest, e.getValue());
            } else if (!rest.equals("enabled") && !rest.equals("check-location") && !rest.equals("fail-on-missing-locations")) {
                raw.put(camel(rest, '-'), e.getValue());
            }
        }
        return keep(raw, "application properties");
    }

    /**
     * Reads Spring Boot's properties under a prefix from {@code application.yml}, {@code application.yaml} and
     * {@code application.properties} on the class path (the first file that sets a key wins); YAML lists are joined
     * with commas.
     *
     * @param loader the class loader to find the files with
     * @param prefix e.g. {@code spring.flyway.}
     * @return each key without the prefix (e.g. {@code default-schema}) → its value, in the files' order
     * @throws MigrationException when a file cannot be read
     */
    public static Map<String, String> springProperties(ClassLoader loader, String prefix) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (String name : List.of("application.yml", "application.yaml", "application.properties")) {
            String text = find(name, loader, null);
            if (text == null) {
                continue;
            }
            if (name.endsWith(".properties")) {
                properties(name, text).forEach(flat::putIfAbsent);
            } else {
                yaml(name, text).forEach(flat::putIfAbsent);
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                found.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return found;
    }

    /** A {@code flyway.conf} (properties) or {@code flyway.toml} file. */
    private static Map<String, String> readFile(String name, String text) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (name.endsWith(".toml")) {
            Map<String, String> toml = Toml.read(name, text);
            String environment = toml.getOrDefault("flyway.environment", "default");
            for (Map.Entry<String, String> e : toml.entrySet()) {
                String key = e.getKey();
                String envPrefix = "environments." + environment + ".";
                if (key.startsWith("flyway.")) {
                    raw.put(key.substring("flyway.".length()), e.getValue());
                } else if (key.startsWith(envPrefix + "flyway.")) {
                    raw.put(key.substring((envPrefix + "flyway.").length()), e.getValue());
                } else if (key.startsWith(envPrefix)) {
                    raw.put(key.substring(envPrefix.length()), e.getValue());
                }
            }
        } else {
            for (Map.Entry<String, String> e : properties(name, text).entrySet()) {
                if (e.getKey().startsWith("flyway.")) {
                    raw.put(e.getKey().substring("flyway.".length()), e.getValue());
                }
            }
        }
        return keep(raw, name);
    }

    /** The folders a configuration file may sit in: each location, its parent, then the working directory. */
    private static List<String> placesToLook(String locations) {
        List<String> places = new ArrayList<>();
        for (String location : locations.split(",")) {
            String trimmed = location.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String prefix = trimmed.startsWith("filesystem:") ? "filesystem:" : "classpath:";
            String path = trimmed.startsWith(prefix) ? trimmed.substring(prefix.length()) : trimmed;
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            places.add(prefix + path);
            int slash = path.lastIndexOf('/');
            places.add(prefix + (slash < 0 ? "" : path.substring(0, slash)));
        }
        places.add("");
        return places.stream().distinct().toList();
    }

    /** Reads {@code classpath:x}, {@code filesystem:x} or a plain name (the class path, then the working directory). */
    private static String find(String place, ClassLoader loader, Path workingDirectory) {
        if (place.startsWith("filesystem:")) {
            Path path = Path.of(place.substring("filesystem:".length()));
            Path file = workingDirectory == null ? path : workingDirectory.resolve(path);
            return Files.isRegularFile(file) ? read(file) : null;
        }
        String resource = place.startsWith("classpath:") ? place.substring("classpath:".length()) : place;
        resource = resource.startsWith("/") ? resource.substring(1) : resource;
        URL url = loader.getResource(resource);
        if (url != null) {
            try (InputStream in = url.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MigrationException("Cannot read " + url + ": " + e.getMessage(), e);
            }
        }
        if (!place.startsWith("classpath:") && workingDirectory != null) {
            Path file = workingDirectory.resolve(resource);
            return Files.isRegularFile(file) ? read(file) : null;
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read the Flyway configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(String name, String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new MigrationException("Cannot read " + name + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).strip()));
        return values;
    }

    private static Map<String, String> yaml(String name, String text) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(text);
            if (root != null) {
                flatten("", root, values);
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + name + ": " + e.getMessage(), e);
        }
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(",", items));
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    /** {@code default_schema} → {@code defaultSchema} (with {@code '_'}); {@code out-of-order} → {@code outOfOrder}. */
    private static String camel(String words, char separator) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : words.toCharArray()) {
            if (c == separator) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
