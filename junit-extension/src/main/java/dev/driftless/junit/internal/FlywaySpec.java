package dev.driftless.junit.internal;

import dev.driftless.junit.FlywayConfig;
import dev.driftless.migration.FlywaySettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code FlywaySpec} is what a {@link FlywayConfig} asks for, as values: equal annotations give equal specs. Immutable.
 *
 * @param locations the further Flyway locations
 * @param placeholders the placeholders, {@code "name=value"} as written (checked by {@link #problems})
 * @param schemas the schemas
 * @param defaultSchema the default schema, or empty
 * @param table the history table, or empty
 * @param outOfOrder {@code "true"}, {@code "false"} or empty, as written
 * @param configFiles the configuration files
 */
public record FlywaySpec(List<String> locations, List<String> placeholders, List<String> schemas,
                         String defaultSchema, String table, String outOfOrder, List<String> configFiles) {

    /** The spec of {@code @FlywayConfig} with nothing set. */
    public static final FlywaySpec NONE = new FlywaySpec(List.of(), List.of(), List.of(), "", "", "", List.of());

    /**
     * Copies the lists.
     *
     * @param locations the value for the {@code locations} record component
     * @param placeholders the value for the {@code placeholders} record component
     * @param schemas the value for the {@code schemas} record component
     * @param defaultSchema the value for the {@code defaultSchema} record component
     * @param table the value for the {@code table} record component
     * @param outOfOrder the value for the {@code outOfOrder} record component
     * @param configFiles the value for the {@code configFiles} record component
     */
    public FlywaySpec {
        locations = List.copyOf(locations);
        placeholders = List.copyOf(placeholders);
        schemas = List.copyOf(schemas);
        configFiles = List.copyOf(configFiles);
    }

    /**
     * @param config the annotation
     * @return its spec, values trimmed and blank entries left out
     */
    public static FlywaySpec of(FlywayConfig config) {
        return new FlywaySpec(NameValues.trimmed(config.locations()), NameValues.trimmed(config.placeholders()),
                NameValues.trimmed(config.schemas()), config.defaultSchema().strip(), config.table().strip(),
                config.outOfOrder().strip(), NameValues.trimmed(config.configFiles()));
    }

    /** @return whether any attribute is set */
    public boolean isSet() {
        return !equals(NONE);
    }

    /**
     * Checks the attributes.
     *
     * @param problems where to add one problem per malformed attribute
     */
    void problems(List<String> problems) {
        NameValues.checkEntries("flyway = @FlywayConfig(" + NameValues.attribute("placeholders", placeholders) + ")",
                "placeholders", placeholders, problems);
        if (!outOfOrder.isEmpty() && !List.of("true", "false").contains(outOfOrder.toLowerCase(Locale.ROOT))) {
            problems.add("flyway = @FlywayConfig(outOfOrder = \"" + outOfOrder + "\") is neither \"true\" nor"
                    + " \"false\"; write one of them, or leave it out for the configured value");
        }
    }

    /**
     * Applies the attributes that are set to Flyway settings.
     *
     * @param base the settings to start from
     * @return the settings
     */
    public FlywaySettings applyTo(FlywaySettings base) {
        FlywaySettings settings = base;
        if (!locations.isEmpty()) {
            settings = settings.withLocations(locations.toArray(String[]::new));
        }
        for (var placeholder : NameValues.parse(placeholders).entrySet()) {
            settings = settings.withPlaceholder(placeholder.getKey(), placeholder.getValue());
        }
        if (!schemas.isEmpty()) {
            settings = settings.withSchemas(schemas.toArray(String[]::new));
        }
        if (!defaultSchema.isEmpty()) {
            settings = settings.withDefaultSchema(defaultSchema);
        }
        if (!table.isEmpty()) {
            settings = settings.withTable(table);
        }
        if (!outOfOrder.isEmpty()) {
            settings = settings.withOutOfOrder(Boolean.parseBoolean(outOfOrder.toLowerCase(Locale.ROOT)));
        }
        if (!configFiles.isEmpty()) {
            settings = settings.withConfigFiles(configFiles.toArray(String[]::new));
        }
        return settings;
    }

    /** @return e.g. {@code flyway = @FlywayConfig(placeholders = "currency=EUR")}, as written in the annotation */
    public String describe() {
        List<String> parts = new ArrayList<>();
        NameValues.addList(parts, "locations", locations);
        NameValues.addList(parts, "placeholders", placeholders);
        NameValues.addList(parts, "schemas", schemas);
        NameValues.addText(parts, "defaultSchema", defaultSchema);
        NameValues.addText(parts, "table", table);
        NameValues.addText(parts, "outOfOrder", outOfOrder);
        NameValues.addList(parts, "configFiles", configFiles);
        return "flyway = @FlywayConfig(" + String.join(", ", parts) + ")";
    }
}
