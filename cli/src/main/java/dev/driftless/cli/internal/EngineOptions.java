package dev.driftless.cli.internal;

import dev.driftless.migration.Engine;
import dev.driftless.migration.EngineSelector;
import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.LiquibaseSettings;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.SelectedEngine;
import dev.driftless.resource.ResourceException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code EngineOptions} are the options of {@code verify}, {@code migrate}, {@code diff} and {@code snapshot} that say
 * which migration engine runs a chain; the engine itself is picked by the library's {@link EngineSelector}, the one
 * place that picks, and the command says which it picked and why.
 */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "The migration engine: auto (default: a Liquibase changelog file runs with Liquibase, a folder "
                    + "in Flyway's layout with Flyway, anything else with Driftless's own runner), driftless, flyway or "
                    + "liquibase.")
    private String engine = "auto";

    @Option(names = "--placeholder", paramLabel = "NAME=VALUE",
            description = "A Flyway placeholder or a Liquibase changelog parameter (repeatable).")
    private List<String> placeholders = new ArrayList<>();

    @Option(names = "--contexts", paramLabel = "EXPRESSION", description = "Liquibase contexts, e.g. dev,test.")
    private String contexts;

    @Option(names = "--labels", paramLabel = "EXPRESSION", description = "Liquibase labels, e.g. '!slow'.")
    private String labels;

    @Option(names = "--flyway-config", paramLabel = "FILE", description = "A flyway.toml or flyway.conf to read.")
    private Path flywayConfig;

    /**
     * {@code Chosen} is the engine picked for a location, with Driftless's chain checked when it is the one.
     *
     * @param selected what the selector picked
     * @param chain the chain, checked by {@link Workbench#chain(String, String)}, for Driftless's own runner
     */
    public record Chosen(SelectedEngine selected, Optional<MigrationChain> chain) {

        /** Prints the line saying which engine runs the location and why. */
        void announce(String location) {
            Console.progress("Migrating " + location + " with " + selected.engine().name() + ": " + selected.reason());
        }
    }

    /**
     * Picks the engine for a location and reads it: a Driftless chain is read and every script of it parsed
     * ({@link Workbench#chain}); no server starts.
     *
     * @param option the option or parameter naming the location, for messages, e.g. {@code --migrations}
     * @param location the folder or changelog as given
     * @param flyway further Flyway settings of the command (e.g. {@code migrate --history-table}), applied first
     * @return the engine
     * @throws BadInputException naming the option when an option is wrong or nothing is at the location
     */
    public Chosen select(String option, String location, FlywaySettings flyway) {
        EngineSelector selector = EngineSelector.at(location).withEngine(engine())
                .withFlyway(flywaySettings(flyway)).withLiquibase(liquibaseSettings());
        SelectedEngine selected;
        try {
            selected = selector.select();
        } catch (MigrationException e) {
            if (e.getCause() instanceof ResourceException) {
                throw new BadInputException(option + " " + location + ": " + e.getMessage());
            }
            throw e;
        }
        Optional<MigrationChain> chain = selected.chain().map(c -> Workbench.checked(option, location, c));
        return new Chosen(selected, chain);
    }

    private Engine engine() {
        try {
            return Engine.valueOf(engine.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--engine " + engine + ": not an engine; give auto, driftless, flyway or"
                    + " liquibase");
        }
    }

    private FlywaySettings flywaySettings(FlywaySettings settings) {
        FlywaySettings result = settings;
        for (String[] placeholder : placeholders()) {
            result = result.withPlaceholder(placeholder[0], placeholder[1]);
        }
        if (flywayConfig != null) {
            result = result.withConfigFiles(flywayConfig.toString());
        }
        return result;
    }

    private LiquibaseSettings liquibaseSettings() {
        LiquibaseSettings result = LiquibaseSettings.defaults();
        for (String[] placeholder : placeholders()) {
            result = result.withParameter(placeholder[0], placeholder[1]);
        }
        if (contexts != null) {
            result = result.withContexts(contexts.split(","));
        }
        if (labels != null) {
            result = result.withLabels(labels);
        }
        return result;
    }

    private List<String[]> placeholders() {
        List<String[]> parsed = new ArrayList<>();
        for (String placeholder : placeholders) {
            int equals = placeholder.indexOf('=');
            if (equals <= 0) {
                throw new BadInputException("--placeholder " + placeholder + ": give NAME=VALUE, e.g. --placeholder"
                        + " currency=EUR");
            }
            parsed.add(new String[] {placeholder.substring(0, equals), placeholder.substring(equals + 1)});
        }
        return parsed;
    }

    /** @return whether an engine other than {@code auto} was asked for */
    boolean chosen() {
        return engine() != Engine.AUTO;
    }
}
