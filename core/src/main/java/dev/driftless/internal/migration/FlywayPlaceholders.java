package dev.driftless.internal.migration;

import dev.driftless.internal.migration.flyway.FlywaySources;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Location;
import dev.driftless.sql.SqlScript;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FlywayPlaceholders} replaces Flyway's placeholders in the scripts of Driftless's own Flyway-layout reader as
 * Flyway's {@code PlaceholderReplacingReader} does: {@code ${name}} anywhere in the text (strings and dollar quotes
 * too), names case-insensitive, values from the project's Flyway configuration ({@code flyway.toml},
 * {@code flyway.conf}, {@code FLYWAY_PLACEHOLDERS_*}, read by {@link FlywaySources}), and Flyway's built-ins. The ones
 * that need no connection ({@code flyway:filename}, {@code flyway:table}, {@code flyway:workingDirectory},
 * {@code flyway:environment}) and the user's are replaced when the chain is read, so a changed value changes the
 * script's checksum and the template key; those of the database ({@code flyway:defaultSchema}, {@code flyway:user},
 * {@code flyway:database}, {@code flyway:timestamp}) when the script runs ({@link #replaceAtRunTime}).
 */
final class FlywayPlaceholders {

    /** Flyway's placeholder syntax with its default prefix, suffix and separator. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\n]+)}");
    private static final String BUILT_IN = "flyway:";
    private static final List<String> AT_RUN_TIME = List.of("defaultschema", "user", "database", "timestamp");
    private static final String PREFIX = "flyway.placeholders.";

    private final boolean enabled;
    private final Map<String, String> values;
    private final Optional<String> unsupported;

    private FlywayPlaceholders(boolean enabled, Map<String, String> values, Optional<String> unsupported) {
        this.enabled = enabled;
        this.values = values;
        this.unsupported = unsupported;
    }

    /**
     * Reads the Flyway configuration of a location.
     *
     * @param tree the files at the location
     * @param configuration Flyway location (e.g. {@code filesystem:db/migration}) → the merged Flyway configuration
     *     of a project at it, e.g. from {@code FlywaySettings}; {@code null} for the configuration the Flyway engine would
     *     find with this location alone ({@code flyway.toml}/{@code flyway.conf}, {@code FLYWAY_*})
     * @return the placeholders
     */
    static FlywayPlaceholders of(Listing tree, Function<String, Map<String, String>> configuration) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        // Flyway reads a location without prefix on the class path; Driftless's is a folder then.
        String location = tree.location().written();
        if (!tree.location().isClasspath() && !location.startsWith(Location.FILESYSTEM)) {
            location = Location.FILESYSTEM + location;
        }
        Map<String, String> config = configuration != null ? configuration.apply(location)
                : FlywaySources.resolve(Map.of("flyway.locations", location), System.getenv(), List.of(),
                        Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                                .orElse(FlywayPlaceholders.class.getClassLoader()), workingDirectory).config();
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        config.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                values.put(key.substring(PREFIX.length()), value);
            }
        });
        values.put(BUILT_IN + "table", config.getOrDefault("flyway.table", "flyway_schema_history"));
        values.put(BUILT_IN + "workingDirectory", workingDirectory.toString());
        values.put(BUILT_IN + "environment", "default");
        Map<String, String> defaults = Map.of("placeholderPrefix", "${", "placeholderSuffix", "}",
                "placeholderSeparator", ":");
        Optional<String> unsupported = defaults.keySet().stream().sorted()
                .filter(k -> !config.getOrDefault("flyway." + k, defaults.get(k)).equals(defaults.get(k))).findFirst()
                .map(k -> "flyway." + k + " = " + config.get("flyway." + k));
        return new FlywayPlaceholders(!"false".equalsIgnoreCase(config.get("flyway.placeholderReplacement")), values,
                unsupported);
    }

    /**
     * Replaces the placeholders that need no connection.
     *
     * @param name the script's name for messages, e.g. {@code classpath:db/migration/V1__x.sql}
     * @param text the script's text
     * @param errors receives one message per placeholder without a value, with file and line
     * @return the text with them replaced, and the database's built-ins left for {@link #replaceAtRunTime}
     */
    String replace(String name, String text, List<String> errors) {
        if (!enabled) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (isRunTime(m.group(1))) {
                    // Driftless's own runner replaces these when the script runs, whatever the configuration says
                    errors.add(name + ":" + line(text, m.start()) + ": ${" + m.group(1) + "} stays as written with"
                            + " flyway.placeholderReplacement = false, which Driftless's own runner does not support"
                            + " for Flyway's built-ins; migrate with the Flyway engine (FlywaySettings, docs/engines.md)");
                }
            }
            return text;
        }
        if (unsupported.isPresent()) {
            errors.add(name + ": the Flyway configuration sets " + unsupported.get() + ", which Driftless's own"
                    + " runner does not support; migrate with the Flyway engine (FlywaySettings, docs/engines.md)");
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String placeholder = m.group(1);
            String value = placeholder.equalsIgnoreCase(BUILT_IN + "filename")
                    ? name.substring(name.lastIndexOf('/') + 1) : values.get(placeholder);
            if (value == null && !isRunTime(placeholder)) {
                errors.add(name + ":" + line(text, m.start()) + ": No value provided for placeholder ${" + placeholder + "}, as Flyway"
                        + " would say: set it in flyway.toml ([flyway.placeholders] " + placeholder + " = ...),"
                        + " flyway.conf (flyway.placeholders." + placeholder + "=...) or the environment (FLYWAY_PLACEHOLDERS_"
                        + placeholder.toUpperCase(Locale.ROOT) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static long line(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static boolean isRunTime(String placeholder) {
        String lower = placeholder.toLowerCase(Locale.ROOT);
        return lower.startsWith(BUILT_IN) && AT_RUN_TIME.contains(lower.substring(BUILT_IN.length()));
    }

    /**
     * Replaces the built-ins of the database a script runs on ({@code ${flyway:defaultSchema}}: the current schema, as
     * Flyway's is without {@code schemas}; {@code ${flyway:user}}, {@code ${flyway:database}},
     * {@code ${flyway:timestamp}}) in a script read from a Flyway layout.
     *
     * @param script the script, its other placeholders replaced when it was read
     * @param connection the connection it runs on
     * @return the script, itself when it has none
     * @throws SQLException when the server cannot be asked
     */
    static SqlScript replaceAtRunTime(SqlScript script, Connection connection) throws SQLException {
        String text = script.content();
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.find()) {
            return script;
        }
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_schema(), current_user, current_database()")) {
            rs.next();
            values.put(BUILT_IN + "defaultSchema", rs.getString(1));
            values.put(BUILT_IN + "user", rs.getString(2));
            values.put(BUILT_IN + "database", rs.getString(3));
        }
        values.put(BUILT_IN + "timestamp", new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()));
        StringBuilder out = new StringBuilder();
        do {
            String value = isRunTime(m.group(1)) ? values.get(m.group(1)) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        } while (m.find());
        m.appendTail(out);
        // A Flyway script is a whole file without includes: name and transaction mode are all it carries.
        SqlScript replaced = SqlScript.of(script.name(), out.toString());
        return script.transactionModeReason()
                .map(reason -> replaced.withTransactionMode(script.transactionMode(), reason))
                .orElseGet(() -> replaced.withTransactionMode(script.transactionMode()));
    }
}
