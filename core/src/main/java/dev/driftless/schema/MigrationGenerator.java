package dev.driftless.schema;

import dev.driftless.DriftlessException;
import dev.driftless.internal.schema.ddl.DdlGenerator;
import dev.driftless.internal.schema.ddl.GeneratedDdl;
import dev.driftless.internal.schema.ddl.GeneratedStatement;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.ServerError;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.ScratchDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * {@code MigrationGenerator} writes the migration that turns one schema into another, and proves it before handing it
 * out: it builds both schemas in new databases of a server, generates the up script (A → B) and the down script
 * (B → A) from their {@linkplain SchemaDiff semantic diff}, then applies the up script to the database built from A
 * and compares the result with B, and applies the down script to that and compares the result with A.
 *
 * <pre>{@code
 * GeneratedMigration migration = MigrationGenerator.on(server)
 *         .generate(SchemaSource.of(SqlScript.at("sql/schema_v1.sql")),
 *                 SchemaSource.of(SqlScript.at("sql/schema.sql")));
 * if (!migration.verified()) {
 *     throw new AssertionError(migration.verification().message());   // a generator bug, never hidden
 * }
 * String up = migration.up();
 * }</pre>
 *
 * <p>A change of a kind the generator does not handle yet is not skipped: it is listed in
 * {@link GeneratedMigration.Verification#notGenerated()} and the migration is not verified. docs/generate.md lists the
 * kinds handled. Schemas compare with {@link DiffOptions#defaults()} unless {@link #usingDiffOptions} says otherwise;
 * the verification uses the same options. Instances are immutable and safe to share; the databases are dropped, in the
 * background, when {@link #generate} returns.
 */
public final class MigrationGenerator {

    private final PostgresServer server;
    private final DiffOptions options;
    private final SchemaFilter filter;

    private MigrationGenerator(PostgresServer server, DiffOptions options, SchemaFilter filter) {
        this.server = server;
        this.options = options;
        this.filter = filter;
    }

    /**
     * Makes a generator that builds and checks on a server's new databases, with the default options.
     *
     * @param server the server, never {@code null}
     * @return the generator
     */
    public static MigrationGenerator on(PostgresServer server) {
        return new MigrationGenerator(Objects.requireNonNull(server, "server"), DiffOptions.defaults(),
                SchemaFilter.all());
    }

    /**
     * Returns a generator that compares schemas (to generate, and to verify) with other options.
     *
     * @param diffOptions the options, never {@code null}
     * @return a new generator
     */
    public MigrationGenerator usingDiffOptions(DiffOptions diffOptions) {
        return new MigrationGenerator(server, Objects.requireNonNull(diffOptions, "diffOptions"), filter);
    }

    /**
     * Returns a generator that reads only some objects of each database (e.g. some schemas).
     *
     * @param schemaFilter the filter, never {@code null}
     * @return a new generator
     */
    public MigrationGenerator inspecting(SchemaFilter schemaFilter) {
        return new MigrationGenerator(server, options, Objects.requireNonNull(schemaFilter, "schemaFilter"));
    }

    /**
     * Generates and verifies the migration from schema A to schema B.
     *
     * @param from schema A, never {@code null}
     * @param to schema B, never {@code null}
     * @return the scripts and their verification, never {@code null}
     * @throws DriftlessException when A or B cannot be built
     */
    public GeneratedMigration generate(SchemaSource from, SchemaSource to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        SchemaInspector inspector = SchemaInspector.create(filter);
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database a = scratch.create();
            from.build(a);
            SchemaSnapshot before = inspector.inspect(a);
            Database b = scratch.create();
            to.build(b);
            SchemaSnapshot after = inspector.inspect(b);
            GeneratedDdl up = DdlGenerator.generate(before, after, SchemaDiff.between(before, after, options));
            GeneratedDdl down = DdlGenerator.generate(after, before, SchemaDiff.between(after, before, options));
            SchemaDiff afterUp = null;
            SchemaDiff afterDown = null;
            String failure = null;
            try {
                run("up.sql", up.script(), a);
                afterUp = SchemaDiff.between(after, inspector.inspect(a), options);
                run("down.sql", down.script(), a);
                afterDown = SchemaDiff.between(before, inspector.inspect(a), options);
            } catch (DriftlessException e) {
                failure = e.getMessage();
            }
            List<String> lossy = up.statements().stream().filter(s -> s.lossNote() != null)
                    .map(GeneratedStatement::text).toList();
            return new GeneratedMigration(up.script(), down.script(), lossy,
                    new GeneratedMigration.Verification(up.notGenerated(), down.notGenerated(), afterUp, afterDown,
                            failure));
        }
    }

    private static void run(String name, String script, Database database) {
        if (script.isEmpty()) {
            return;
        }
        try (Connection connection = database.connect()) {
            ScriptRunner.create().run(SqlScript.of(name, script), connection);
        } catch (SQLException e) {
            throw new DriftlessException("Cannot connect to the generator's database " + database.name() + ": "
                    + ServerError.of(e).summary(), e);
        }
    }

    @Override
    public String toString() {
        return "MigrationGenerator on " + server;
    }
}
