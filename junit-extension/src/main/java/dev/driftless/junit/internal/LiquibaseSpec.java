package dev.driftless.junit.internal;

import dev.driftless.junit.LiquibaseConfig;
import dev.driftless.migration.LiquibaseSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code LiquibaseSpec} is what a {@link LiquibaseConfig} asks for, as values: equal annotations give equal specs.
 * Immutable.
 *
 * @param contexts the contexts
 * @param labels the label expressions
 * @param parameters the changelog parameters, {@code "name=value"} as written (checked by {@link #problems})
 * @param defaultSchema the default schema, or empty
 */
public record LiquibaseSpec(List<String> contexts, List<String> labels, List<String> parameters,
                            String defaultSchema) {

    /** The spec of {@code @LiquibaseConfig} with nothing set. */
    public static final LiquibaseSpec NONE = new LiquibaseSpec(List.of(), List.of(), List.of(), "");

    /**
     * Copies the lists.
     *
     * @param contexts the value for the {@code contexts} record component
     * @param labels the value for the {@code labels} record component
     * @param parameters the value for the {@code parameters} record component
     * @param defaultSchema the value for the {@code defaultSchema} record component
     */
    public LiquibaseSpec {
        contexts = List.copyOf(contexts);
        labels = List.copyOf(labels);
        parameters = List.copyOf(parameters);
    }

    /**
     * @param config the annotation
     * @return its spec, values trimmed and blank entries left out
     */
    public static LiquibaseSpec of(LiquibaseConfig config) {
        return new LiquibaseSpec(NameValues.trimmed(config.contexts()), NameValues.trimmed(config.labels()),
                NameValues.trimmed(config.parameters()), config.defaultSchema().strip());
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
        NameValues.checkEntries("liquibase = @LiquibaseConfig(" + NameValues.attribute("parameters", parameters) + ")",
                "parameters", parameters, problems);
    }

    /**
     * Applies the attributes that are set to Liquibase settings.
     *
     * @param base the settings to start from
     * @return the settings
     */
    public LiquibaseSettings applyTo(LiquibaseSettings base) {
        LiquibaseSettings settings = base;
        if (!contexts.isEmpty()) {
            settings = settings.withContexts(contexts.toArray(String[]::new));
        }
        if (!labels.isEmpty()) {
            settings = settings.withLabels(labels.toArray(String[]::new));
        }
        for (var parameter : NameValues.parse(parameters).entrySet()) {
            settings = settings.withParameter(parameter.getKey(), parameter.getValue());
        }
        if (!defaultSchema.isEmpty()) {
            settings = settings.withDefaultSchema(defaultSchema);
        }
        return settings;
    }

    /** @return e.g. {@code liquibase = @LiquibaseConfig(contexts = "test")}, as written in the annotation */
    public String describe() {
        List<String> parts = new ArrayList<>();
        NameValues.addList(parts, "contexts", contexts);
        NameValues.addList(parts, "labels", labels);
        NameValues.addList(parts, "parameters", parameters);
        NameValues.addText(parts, "defaultSchema", defaultSchema);
        return "liquibase = @LiquibaseConfig(" + String.join(", ", parts) + ")";
    }
}
