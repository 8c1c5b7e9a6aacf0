package dev.driftless.junit.internal;

import dev.driftless.DriftlessException;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.Migrator;
import dev.driftless.migration.RepeatableMigration;
import dev.driftless.seed.Seeder;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.Template;
import dev.driftless.template.TemplateBuildException;
import dev.driftless.template.TemplateKey;
import dev.driftless.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code PreparedSetup} is a {@link SetupSpec} made real: its scripts read, its server running and its template built.
 * One per spec per test run, shared by every class with that spec; thread-safe.
 */
public final class PreparedSetup {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedSetup.class);

    private final SetupSpec spec;
    private final PostgresServer server;
    private final MigrationChain chain;
    private final Template template;

    private PreparedSetup(SetupSpec spec, PostgresServer server, MigrationChain chain, Template template) {
        this.spec = spec;
        this.server = server;
        this.chain = chain;
        this.template = template;
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
        spec.validate(owner);
        SqlScript schema = null;
        MigrationChain chain = null;
        if (!spec.schema().isBlank()) {
            schema = SqlScript.at(Location.resolve("schema", spec.schema(), owner).resolved());
        } else {
            String location = Location.resolve("migrations", spec.migrations(), owner).resolved();
            chain = spec.layout().map(layout -> MigrationChain.at(location, layout))
                    .orElseGet(() -> MigrationChain.at(location));
        }
        List<Location> seeds = new ArrayList<>();
        for (String seed : spec.seeds()) {
            seeds.add(Location.resolve("seed", seed, owner));
        }
        PostgresServer server = PostgresServer.shared(spec.serverConfig());
        TemplateKey key = TemplateKey.builder()
                .add("@MigratedDatabase(" + spec.describe() + ")", contentHash(spec, schema, chain, seeds, server))
                .setup(setupId(spec))
                .build();
        SqlScript schemaScript = schema;
        MigrationChain migrationChain = chain;
        long started = System.nanoTime();
        Template template;
        try {
            template = Templates.of(server).get(key, database -> {
                if (schemaScript != null) {
                    try (Connection connection = database.connect()) {
                        ScriptRunner.create().run(schemaScript, connection);
                    }
                } else {
                    // The template's generated name means nothing to the reader, and it is dropped when it fails.
                    Migrator migrator = Migrator.of(migrationChain, database)
                            .withDatabaseLabel("the database being built");
                    if (spec.target().isBlank()) {
                        migrator.migrateToLatest();
                    } else {
                        migrator.migrateTo(spec.target());
                    }
                }
                loadSeeds(database, seeds);
            });
        } catch (TemplateBuildException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new DriftlessException("Could not build the database of @MigratedDatabase(" + spec.describe() + "): "
                    + cause.getMessage(), cause);
        }
        if (template.reused()) {
            LOG.info("@MigratedDatabase({}): reusing template {}, built by an earlier run", spec.describe(),
                    template.databaseName());
        } else {
            LOG.info("@MigratedDatabase({}): template {} ready in {} ms on {}", spec.describe(), template.databaseName(),
                    (System.nanoTime() - started) / 1_000_000, server);
        }
        return new PreparedSetup(spec, server, chain, template);
    }

    private static void loadSeeds(Database database, List<Location> seeds) {
        Seeder seeder = null;
        for (Location seed : seeds) {
            if (seed.isSql()) {
                try (Connection connection = database.connect()) {
                    ScriptRunner.create().run(SqlScript.at(seed.resolved()), connection);
                } catch (java.sql.SQLException e) {
                    throw new DriftlessException("Cannot connect to " + database.name() + " to load " + seed + ": "
                            + e.getMessage(), e);
                }
            } else {
                if (seeder == null) {
                    seeder = Seeder.on(database);
                }
                seeder.load(seed.forFixture());
            }
        }
    }

    /** The identity of a setup apart from content: what makes a template of an earlier run stale rather than foreign. */
    private static String setupId(SetupSpec spec) {
        return sha256(List.of("schema=" + spec.schema(), "migrations=" + spec.migrations(),
                "format=" + spec.layout().map(Enum::name).orElse("AUTO"), "target=" + spec.target(),
                "seeds=" + String.join("\n", spec.seeds()))).substring(0, 16);
    }

    private static String contentHash(SetupSpec spec, SqlScript schema, MigrationChain chain, List<Location> seeds,
                                      PostgresServer server) {
        List<byte[]> parts = new ArrayList<>();
        add(parts, "driftless-junit template v1");
        add(parts, "options " + spec.describe());
        add(parts, "server " + server.version());
        if (schema != null) {
            add(parts, "schema " + schema.name());
            add(parts, schema.content());
        } else {
            add(parts, "layout " + chain.layout().map(Enum::name).orElse("none"));
            for (Migration migration : chain.migrations()) {
                add(parts, "migration " + migration.version() + " " + migration.up().name());
                add(parts, migration.up().content());
                Optional<SqlScript> down = migration.down();
                add(parts, down.map(SqlScript::content).orElse(""));
                add(parts, "transactional " + migration.isTransactional());
            }
            for (RepeatableMigration repeatable : chain.repeatables()) {
                add(parts, "repeatable " + repeatable.script().name());
                add(parts, repeatable.script().content());
            }
        }
        for (Location seed : seeds) {
            for (Location.Content content : seed.contents()) {
                add(parts, "seed " + seed.written() + " " + content.label());
                parts.add(content.bytes());
            }
        }
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(Integer.toString(part.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ':');
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(List<byte[]> parts, String text) {
        parts.add(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(List<String> parts) {
        MessageDigest digest = digest();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
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

    /** @return the migration chain, empty for a schema setup */
    public Optional<MigrationChain> chain() {
        return Optional.ofNullable(chain);
    }
}
