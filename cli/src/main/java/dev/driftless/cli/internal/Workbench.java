package dev.driftless.cli.internal;

import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationException;
import dev.driftless.resource.Location;
import dev.driftless.resource.ResourceException;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.migration.Migrator;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptResult;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.ScratchDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code Workbench} is a PostgreSQL server started on first use and the scratch databases a command builds on it (the
 * library's {@link ScratchDatabases}). Closing it drops those databases (only those: a server the user runs keeps
 * everything else) and stops the server.
 */
public final class Workbench implements AutoCloseable {

    private final ServerOptions options;
    private PostgresServer server;
    private ScratchDatabases scratch;

    /**
     * @param options how to obtain the server
     */
    public Workbench(ServerOptions options) {
        this.options = options;
    }

    /** @return the server, started on first call */
    public PostgresServer server() {
        if (server == null) {
            server = options.start();
        }
        return server;
    }

    /** @return a new, empty database, dropped when the workbench closes */
    public Database newDatabase() {
        if (scratch == null) {
            scratch = ScratchDatabases.on(server());
        }
        return scratch.create();
    }

    /**
     * Runs a script on a database, in one transaction unless the script manages its own.
     *
     * @param script the script
     * @param database the database
     * @return what ran
     * @throws dev.driftless.sql.ScriptException with file, line and column when a statement fails
     */
    public static ScriptResult run(SqlScript script, Database database) {
        try (Connection connection = database.connect()) {
            return ScriptRunner.create().run(script, connection);
        } catch (SQLException e) {
            throw new BadInputException("Cannot connect to scratch database " + database.name() + ": " + e.getMessage());
        }
    }

    static String versions(MigrationChain chain) {
        return versions(chain.migrations());
    }

    static String versions(List<Migration> migrations) {
        List<String> versions = migrations.stream().map(m -> m.version().toString()).toList();
        return versions.isEmpty() ? "(none)" : String.join(", ", versions);
    }

    /**
     * Reads a script named by an option (a file path or {@code classpath:...}), looked up as every core location is,
     * and checks that it parses.
     *
     * @param option the option or parameter, for messages, e.g. {@code --schema}
     * @param location the location as given
     * @return the script
     * @throws BadInputException naming the option when nothing is there
     */
    public static SqlScript script(String option, String location) {
        SqlScript script;
        try {
            script = SqlScript.of(Location.of(location).file("schema script"));
        } catch (ResourceException e) {
            throw new BadInputException(option + " " + location + ": " + e.getMessage());
        }
        script.parse();
        return script;
    }

    /**
     * Reads a migration chain from a location named by an option and parses every script of it (includes,
     * meta-commands), so that a broken one stops the command before any side is built; its warnings go to standard
     * error, and a line counts the files its layout's tool does not read ({@code --verbose} lists them).
     *
     * @param option the option or parameter, for messages, e.g. {@code --migrations}
     * @param location the location as given
     * @return the chain
     * @throws BadInputException naming the option when nothing is there or no migration is found
     * @throws dev.driftless.sql.ScriptException naming the file and line of a script that cannot be parsed
     */
    public static MigrationChain chain(String option, String location) {
        MigrationChain chain;
        try {
            chain = MigrationChain.at(Location.of(location));
        } catch (MigrationException e) {
            if (e.getCause() instanceof ResourceException) {
                throw new BadInputException(option + " " + location + ": " + e.getMessage());
            }
            throw e;
        }
        return checked(option, location, chain);
    }

    /**
     * Checks a chain read from a location as {@link #chain(String, String)} does: it has migrations, and every script
     * parses; its warnings and left-out files are reported.
     *
     * @param option the option or parameter, for messages
     * @param location the location as given
     * @param chain the chain read from it
     * @return the chain
     * @throws BadInputException naming the option when no migration is found
     * @throws dev.driftless.sql.ScriptException naming the file and line of a script that cannot be parsed
     */
    public static MigrationChain checked(String option, String location, MigrationChain chain) {
        if (chain.migrations().isEmpty()) {
            throw new BadInputException(option + " " + location + ": no migrations found in this folder");
        }
        chain.warnings().forEach(w -> Console.progress("warning: " + w));
        int ignored = chain.ignored().size();
        if (ignored > 0) {
            Console.progress(ignored + (ignored == 1 ? " file" : " files") + " at " + location + " "
                    + (ignored == 1 ? "is" : "are") + " not read by the " + chain.layout().map(l -> l.displayName())
                    .orElse("chain's") + " layout and " + (ignored == 1 ? "was" : "were") + " left out; --verbose"
                    + " lists them");
        }
        for (Migration migration : chain.migrations()) {
            migration.up().parse();
            migration.down().ifPresent(SqlScript::parse);
        }
        chain.baselines().forEach(b -> b.up().parse());
        chain.repeatables().forEach(r -> r.script().parse());
        chain.masterSchema().ifPresent(SqlScript::parse);
        return chain;
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        if (scratch != null) {
            scratch.close();
        }
        // Waits for the scratch databases' drops; a drop that fails is logged as a warning.
        server.close();
    }
}
