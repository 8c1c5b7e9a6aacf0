package dev.driftless.migration;

import dev.driftless.internal.migration.LayoutDetector;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Location;
import dev.driftless.resource.Resource;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code EngineSelector} picks the {@link MigrationEngine} for a location, the one way the extension, the assertions
 * and the CLI do: {@link Engine#AUTO} by default (see there), or the engine asked for, with the Flyway or Liquibase
 * settings given. Immutable.
 *
 * <pre>{@code
 * SelectedEngine selected = EngineSelector.at("classpath:db/migration").select();
 * selected.engine().migrateToLatest(database);
 * log.info("built by {}: {}", selected.engine().name(), selected.reason());
 * }</pre>
 */
public final class EngineSelector {

    private static final Pattern FORMATTED_SQL = Pattern.compile("(?i)\\A\\s*--\\s*liquibase\\s+formatted\\s+sql\\b");

    private final String location;
    private final Engine engine;
    private final Layout layout;
    private final FlywaySettings flyway;
    private final LiquibaseSettings liquibase;
    private final ClassLoader classLoader;

    private EngineSelector(String location, Engine engine, Layout layout, FlywaySettings flyway,
            LiquibaseSettings liquibase, ClassLoader classLoader) {
        this.location = location;
        this.engine = engine;
        this.layout = layout;
        this.flyway = flyway;
        this.liquibase = liquibase;
        this.classLoader = classLoader;
    }

    /**
     * @param location a migration folder or a Liquibase changelog: {@code classpath:db/migration}, or a file path
     *                 looked up as every {@link Location} is
     * @return a selector with {@link Engine#AUTO} and default settings
     */
    public static EngineSelector at(String location) {
        if (Objects.requireNonNull(location, "location").isBlank()) {
            throw new IllegalArgumentException("A migration location must not be blank");
        }
        return new EngineSelector(location, Engine.AUTO, null, FlywaySettings.defaults(), LiquibaseSettings.defaults(),
                null);
    }

    /**
     * @param kind the engine to use, {@link Engine#AUTO} to pick one from the location
     * @return a new selector
     */
    public EngineSelector withEngine(Engine kind) {
        return new EngineSelector(location, Objects.requireNonNull(kind, "kind"), layout, flyway, liquibase,
                classLoader);
    }

    /**
     * @param files the layout of Driftless's own runner; with {@link Engine#AUTO}, a layout other than
     *              {@link Layout#FLYWAY} means Driftless's own runner, and {@code FLYWAY} picks Flyway only for files in
     *              Flyway's layout (others go to Driftless's runner, which names the file that does not fit)
     * @return a new selector
     */
    public EngineSelector withLayout(Layout files) {
        return new EngineSelector(location, engine, Objects.requireNonNull(files, "files"), flyway, liquibase,
                classLoader);
    }

    /**
     * @param settings the Flyway settings of the {@link Engine#FLYWAY} engine; the location is its first Flyway
     *                 location, before any the settings name
     * @return a new selector
     */
    public EngineSelector withFlyway(FlywaySettings settings) {
        return new EngineSelector(location, engine, layout, Objects.requireNonNull(settings, "settings"), liquibase,
                classLoader);
    }

    /**
     * @param settings the Liquibase settings of the {@link Engine#LIQUIBASE} engine; the location is its changelog
     * @return a new selector
     */
    public EngineSelector withLiquibase(LiquibaseSettings settings) {
        return new EngineSelector(location, engine, layout, flyway, Objects.requireNonNull(settings, "settings"),
                classLoader);
    }

    /**
     * @param loader the class loader that decides whether Flyway or Liquibase is present and finds {@code classpath:}
     *               locations, instead of the thread's context class loader
     * @return a new selector
     */
    public EngineSelector withClassLoader(ClassLoader loader) {
        return new EngineSelector(location, engine, layout, flyway, liquibase,
                Objects.requireNonNull(loader, "loader"));
    }

    /**
     * Looks the location up and makes the engine.
     *
     * @return the engine with its kind and the reason it was picked
     * @throws MigrationException when nothing is at the location (the message lists the places searched), the engine
     *     asked for is not on the class path (the message says what to add), or the location does not suit it
     */
    public SelectedEngine select() {
        Listing listing;
        try {
            listing = location().list("migrations");
        } catch (dev.driftless.resource.ResourceException e) {
            throw new MigrationException(e.getMessage(), e);
        }
        boolean changelog = listing.singleFile() && isChangelog(listing.resources().get(0));
        switch (engine) {
            case LIQUIBASE:
                if (!listing.singleFile()) {
                    throw new MigrationException("engine = LIQUIBASE reads a changelog file, but '" + location
                            + "' is a folder: name its master changelog, e.g. " + location
                            + "/db.changelog-master.yaml");
                }
                return liquibase("engine = LIQUIBASE was asked for");
            case FLYWAY:
                if (listing.singleFile()) {
                    throw new MigrationException("engine = FLYWAY reads a folder of migrations, but '" + location
                            + "' is a file: name the folder that holds it (a Flyway location)");
                }
                return flyway(listing, "engine = FLYWAY was asked for");
            case DRIFTLESS:
                return driftless("engine = DRIFTLESS was asked for");
            default:
                break;
        }
        if (changelog) {
            return liquibase(listing.resources().get(0).fileName() + " is a Liquibase changelog");
        }
        // An explicit layout other than Flyway's means Driftless's runner; an explicit FLYWAY layout on files that do
        // not fit it goes to Driftless's runner too, which names the misfit file (Flyway would skip it silently).
        if (!listing.singleFile() && flywayPresent() && (layout == null || layout == Layout.FLYWAY)) {
            Optional<Layout> found = LayoutDetector.detected(listing);
            if (found.orElse(null) == Layout.FLYWAY) {
                return flyway(listing, "Flyway is on the class path and the folder has Flyway's file names"
                        + " (engine = DRIFTLESS uses Driftless's own runner instead)");
            }
        }
        return driftless(listing.singleFile() ? "a single SQL file is a master schema"
                : flywayPresent() ? "the folder is not in Flyway's layout"
                : "Flyway and Liquibase are not on the class path");
    }

    private SelectedEngine driftless(String reason) {
        // a Flyway folder read by Driftless's runner takes its placeholders from the same settings Flyway would
        MigrationChain chain = MigrationChain.at(location(), layout, at -> flyway.locatedAt(at).config());
        return new SelectedEngine(MigrationEngine.driftless(chain), Engine.DRIFTLESS, reason, Optional.of(chain));
    }

    private SelectedEngine flyway(Listing listing, String reason) {
        FlywaySettings settings = flyway.locatedAt(flywayLocation(listing));
        if (classLoader != null) {
            settings = settings.withClassLoader(classLoader);
        }
        return new SelectedEngine(settings.engine(), Engine.FLYWAY, reason, Optional.empty());
    }

    private SelectedEngine liquibase(String reason) {
        LiquibaseSettings settings = liquibase.withChangelog(location);
        if (classLoader != null) {
            settings = settings.withClassLoader(classLoader);
        }
        return new SelectedEngine(settings.engine(), Engine.LIQUIBASE, reason, Optional.empty());
    }

    private Location location() {
        Location found = Location.of(location);
        return classLoader == null ? found : found.withClassLoader(classLoader);
    }

    /**
     * The location as Flyway names it: {@code classpath:} as written, a folder on disk as {@code filesystem:} with its
     * absolute path (Flyway does not search Maven's base directory as Driftless does).
     */
    private String flywayLocation(Listing listing) {
        if (location.startsWith(Location.CLASSPATH) || listing.resources().isEmpty()) {
            return location;
        }
        Resource first = listing.resources().get(0);
        int depth = first.relativePath().split("/").length;
        if (first.file().isPresent()) {
            Path folder = first.file().get().toAbsolutePath();
            for (int i = 0; i < depth; i++) {
                folder = folder.getParent();
            }
            return Location.FILESYSTEM + folder;
        }
        String name = first.classpathName().orElseThrow();
        String[] parts = name.split("/");
        return Location.CLASSPATH + String.join("/", java.util.Arrays.copyOf(parts, parts.length - depth));
    }

    private static boolean isChangelog(Resource file) {
        String name = file.fileName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            return true;
        }
        return name.endsWith(".sql") && FORMATTED_SQL.matcher(file.text()).lookingAt();
    }

    private boolean flywayPresent() {
        return OptionalLibraries.present(OptionalLibraries.loader(classLoader), OptionalLibraries.FLYWAY);
    }

    /** @return e.g. {@code EngineSelector[classpath:db/migration, AUTO]} */
    @Override
    public String toString() {
        return "EngineSelector[" + location + ", " + engine + "]";
    }
}
