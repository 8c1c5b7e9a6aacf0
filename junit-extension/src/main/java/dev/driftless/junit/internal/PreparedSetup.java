package dev.driftless.junit.internal;

import dev.driftless.DriftlessException;
import dev.driftless.migration.Engine;
import dev.driftless.migration.EngineSelector;
import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.LiquibaseSettings;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.Migrator;
import dev.driftless.migration.SelectedEngine;
import dev.driftless.resource.Listing;
import dev.driftless.resource.Location;
import dev.driftless.resource.Resource;
import dev.driftless.resource.ResourceException;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.Seeder;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.Quote;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.Template;
import dev.driftless.template.TemplateBuildException;
import dev.driftless.template.TemplateKey;
import dev.driftless.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code PreparedSetup} is a {@link SetupSpec} made real: its scripts read, its server running and its template built.
 * One per spec per test run, shared by every class with that spec; thread-safe.
 *
 * <p>Every location is found and read once, through core's {@link Location}; the template key is made of the
 * checksums of what was read (for a migration chain, the engine's {@link MigrationEngine#contentKey()}: everything
 * the engine reads), and the seeds are loaded from the very resources that were hashed. The engine is picked by core's
 * {@link EngineSelector}.
 */
public final class PreparedSetup {

    /** The setting of a template database that keeps the aliases of its seeds. */
    public static final String ALIASES_SETTING = "driftless.seed_aliases";

    private static final Logger LOG = LoggerFactory.getLogger(PreparedSetup.class);

    private final SetupSpec spec;
    private final PostgresServer server;
    private final SelectedEngine selected;
    private final Template template;

    private PreparedSetup(SetupSpec spec, PostgresServer server, SelectedEngine selected, Template template) {
        this.spec = spec;
        this.server = server;
        this.selected = selected;
        this.template = template;
    }

    /** A seed as found: a script, or the files of a fixture. */
    private record Seed(SqlScript script, Listing fixture) {
    }

    /** Everything a spec reads before a server is involved: its key, schema or engine, and seeds. */
    private record Inputs(TemplateKey key, SqlScript schema, SelectedEngine selected, List<Seed> seeds) {
    }

    /**
     * Reads the inputs, obtains the server and builds (or finds) the template.
     *
     * @param spec what to build
     * @param owner the class that asks first, for messages about the annotation itself
     * @return the prepared setup
     * @throws DriftlessException when a location is missing, the chain is invalid or the template cannot be built; the
     *         message carries the script runner's own error (file:line, SQLSTATE, statement)
     */
    public static PreparedSetup prepare(SetupSpec spec, String owner) {
        Inputs inputs = read(spec, owner);
        PostgresServer server = PostgresServer.shared(spec.serverConfig());
        SelectedEngine selected = inputs.selected();
        long started = System.nanoTime();
        Template template;
        try {
            template = Templates.of(server).get(inputs.key(), database -> {
                if (inputs.schema() != null) {
                    try (Connection connection = database.connect()) {
                        ScriptRunner.create().run(inputs.schema(), connection);
                    }
                } else {
                    // The template's generated name means nothing to the reader, and it is dropped when it fails.
                    MigrationEngine engine = selected.engine().withDatabaseLabel("the database being built");
                    if (spec.target().isBlank()) {
                        engine.migrateToLatest(database);
                    } else {
                        engine.migrateTo(database, spec.target());
                    }
                }
                loadSeeds(database, inputs.seeds());
            });
        } catch (TemplateBuildException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DriftlessException("Could not build the database of @MigratedDatabase(" + spec.describe() + "): "
                    + cause.getMessage(), cause);
        }
        String builtBy = selected == null ? "" : ", built by " + selected.engine().name() + " (engine = "
                + selected.kind() + ": " + selected.reason() + ")";
        if (template.reused()) {
            LOG.info("@MigratedDatabase({}): reusing template {}, built by an earlier run{}", spec.describe(),
                    template.databaseName(), builtBy);
        } else {
            LOG.info("@MigratedDatabase({}): template {} ready in {} ms on {}{}", spec.describe(),
                    template.databaseName(), (System.nanoTime() - started) / 1_000_000, server, builtBy);
        }
        return new PreparedSetup(spec, server, selected, template);
    }

    /**
     * Returns the key of the template a spec builds, without building it: the same spec and content give the same
     * key; a changed script, placeholder or engine gives another.
     *
     * @param spec what to build
     * @param owner the class that asks, for messages
     * @return the key
     * @throws DriftlessException as {@link #prepare} does before it builds anything
     */
    public static TemplateKey templateKey(SetupSpec spec, String owner) {
        return read(spec, owner).key();
    }

    private static Inputs read(SetupSpec spec, String owner) {
        spec.validate(owner);
        TemplateKey.Builder key = TemplateKey.builder()
                .add("@MigratedDatabase", "template v4 (" + spec.describe() + ")")
                .setup(setupIdentity(spec));
        SqlScript schema = null;
        SelectedEngine selected = null;
        if (!spec.schema().isBlank()) {
            Resource file = found("schema", spec.schema(), owner,
                    () -> Location.of(spec.schema()).file("schema script"));
            schema = SqlScript.of(file);
            key.add("schema " + schema.name(), schema.checksum());
        } else {
            selected = select(spec, owner);
            key.add("engine " + selected.kind(), selected.engine().contentKey().hash());
        }
        List<Seed> seeds = new ArrayList<>();
        for (String seed : spec.seeds()) {
            Location location = Location.of(seed);
            if (seed.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                SqlScript script = SqlScript.of(found("seed", seed, owner, () -> location.file("seed script")));
                key.add("seed " + script.name(), script.checksum());
                seeds.add(new Seed(script, null));
            } else {
                Listing fixture = found("seed", seed, owner, () -> location.list("fixtures"));
                for (Resource file : fixture.resources()) {
                    key.add("seed " + file.name(), file.checksum());
                }
                seeds.add(new Seed(null, fixture));
            }
        }
        return new Inputs(key.build(), schema, selected, seeds);
    }

    /** Picks the engine through core's {@link EngineSelector}, the one place that picks. */
    private static SelectedEngine select(SetupSpec spec, String owner) {
        EngineSelector selector = EngineSelector.at(spec.migrations()).withEngine(spec.engine())
                .withFlyway(spec.flyway().applyTo(FlywaySettings.defaults()))
                .withLiquibase(spec.liquibase().applyTo(LiquibaseSettings.defaults()));
        if (spec.layout().isPresent()) {
            selector = selector.withLayout(spec.layout().get());
        }
        SelectedEngine selected;
        try {
            selected = selector.select();
        } catch (MigrationException e) {
            if (e.getCause() instanceof ResourceException missing) {
                throw annotated("migrations", spec.migrations(), owner, missing);
            }
            throw e;
        }
        String unused = spec.flyway().isSet() && selected.kind() != Engine.FLYWAY ? spec.flyway().describe()
                : spec.liquibase().isSet() && selected.kind() != Engine.LIQUIBASE ? spec.liquibase().describe()
                : null;
        if (unused != null) {
            throw new DriftlessException("@MigratedDatabase on " + owner + " is not valid: it sets " + unused
                    + ", but engine = AUTO picked " + selected.kind() + " for migrations = \"" + spec.migrations()
                    + "\" (" + selected.reason() + "). Set engine = " + (spec.flyway().isSet() ? "FLYWAY" : "LIQUIBASE")
                    + " to use that engine (the error then says what it is missing), or remove the settings.");
        }
        return selected;
    }

    /** Looks a location up, saying which attribute of which class named it when nothing is there. */
    private static <T> T found(String attribute, String location, String owner, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (ResourceException e) {
            throw annotated(attribute, location, owner, e);
        }
    }

    private static DriftlessException annotated(String attribute, String location, String owner, ResourceException e) {
        return new DriftlessException("@MigratedDatabase(" + attribute + " = \"" + location + "\") on " + owner + ": "
                + e.getMessage(), e);
    }

    private static void loadSeeds(Database database, List<Seed> seeds) {
        Seeder seeder = null;
        for (Seed seed : seeds) {
            if (seed.script() != null) {
                try (Connection connection = database.connect()) {
                    ScriptRunner.create().run(seed.script(), connection);
                } catch (java.sql.SQLException e) {
                    throw new DriftlessException("Cannot connect to " + database.name() + " to load "
                            + seed.script().name() + ": " + e.getMessage(), e);
                }
            } else {
                if (seeder == null) {
                    seeder = Seeder.on(database);
                }
                seeder.load(Fixture.of(seed.fixture()));
            }
        }
        if (seeder != null) {
            keepAliases(database, seeder.aliasesAsText());
        }
    }

    /**
     * Keeps the aliases of the seeds with the template, as a setting of the template database
     * ({@value #ALIASES_SETTING}): settings are not copied into the copies of a template, so no test sees it, and it
     * lives as long as the template, also for later runs and other JVMs that reuse it.
     */
    private static void keepAliases(Database database, String aliases) {
        try (Connection connection = database.connect(); Statement st = connection.createStatement()) {
            st.execute("ALTER DATABASE " + Quote.identifier(database.name()) + " SET " + ALIASES_SETTING + " = "
                    + Quote.literal(aliases));
        } catch (java.sql.SQLException e) {
            throw new DriftlessException("Cannot keep the aliases of the seeds with the template " + database.name()
                    + ": [" + e.getSQLState() + "] " + e.getMessage().strip() + ". The user needs to own the"
                    + " databases it creates (or be a superuser).", e);
        }
    }

    /**
     * Reads the aliases the seeds of a template defined, through a connection to one of its copies.
     *
     * @param connection a connection to the server
     * @param template the template's database name
     * @return the text of {@code Seeder.aliasesAsText()}, or {@code null} when the template keeps none
     * @throws java.sql.SQLException when the catalog cannot be read
     */
    public static String keptAliases(Connection connection, String template) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT substr(c, length(?) + 2)"
                + " FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) c"
                + " WHERE s.setrole = 0 AND d.datname = ? AND c LIKE ? || '=%'")) {
            ps.setString(1, ALIASES_SETTING);
            ps.setString(2, template);
            ps.setString(3, ALIASES_SETTING);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The identity of a setup apart from content: what makes a template of an earlier run stale rather than foreign. */
    private static String setupIdentity(SetupSpec spec) {
        return String.join("\n", "schema=" + spec.schema(), "migrations=" + spec.migrations(),
                "format=" + spec.layout().map(Enum::name).orElse("AUTO"), "target=" + spec.target(),
                "seeds=" + String.join("\n", spec.seeds()), "engine=" + spec.engine(), spec.flyway().describe(),
                spec.liquibase().describe());
    }

    /** @return the spec */
    public SetupSpec spec() {
        return spec;
    }

    /** @return the server the template lives on */
    public PostgresServer server() {
        return server;
    }

    /** @return the template */
    public Template template() {
        return template;
    }

    /** @return the migration chain of Driftless's own runner, empty for a schema setup, Flyway and Liquibase */
    public Optional<MigrationChain> chain() {
        return engine().flatMap(SelectedEngine::chain);
    }

    /** @return the engine that built the template, with why it was picked; empty for a schema setup */
    public Optional<SelectedEngine> engine() {
        return Optional.ofNullable(selected);
    }

    /**
     * @return the tables the engine keeps its history in, left out of the tests' schema snapshots; Driftless's own
     *     for a schema setup
     */
    public List<String> historyTables() {
        return selected == null ? List.of(Migrator.DEFAULT_HISTORY_TABLE) : selected.engine().historyTables();
    }
}
