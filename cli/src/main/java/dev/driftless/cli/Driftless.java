package dev.driftless.cli;

import dev.driftless.cli.internal.Console;
import dev.driftless.cli.internal.DiffCommand;
import dev.driftless.cli.internal.ExitCodes;
import dev.driftless.cli.internal.MigrateCommand;
import dev.driftless.cli.internal.SeedCommand;
import dev.driftless.cli.internal.SnapshotCommand;
import dev.driftless.cli.internal.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code Driftless} is the {@code driftless} command line: {@code verify}, {@code diff}, {@code snapshot},
 * {@code migrate} and {@code seed}. Results go to standard output, progress and errors to standard error.
 *
 * <p>Exit codes: {@code 0} all good, {@code 1} differences found (or a check failed), {@code 2} bad input (a missing
 * file, broken SQL, an invalid migration chain, a wrong option) or a server that cannot be reached.
 */
@Command(name = "driftless", mixinStandardHelpOptions = true, versionProvider = Driftless.Version.class,
        description = "Checks that PostgreSQL master schemas and migration chains agree, and seeds dev databases.",
        subcommands = {VerifyCommand.class, DiffCommand.class, SnapshotCommand.class, MigrateCommand.class,
                SeedCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all good", "1:differences found, a check failed", "2:bad input, or no server"})
public final class Driftless implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments, e.g. {@code verify --schema init_schema.sql --migrations migrations}
     */
    public static void main(String[] args) {
        Console.install();
        Console.configureLogging(args);
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting the JVM.
     *
     * @param args the arguments
     * @return the exit code: 0 all good, 1 differences found, 2 bad input
     */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Driftless());
        commandLine.setExecutionExceptionHandler(ExitCodes::handle);
        commandLine.setParameterExceptionHandler(ExitCodes::handleUsage);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of verify, diff, snapshot, migrate, seed");
    }

    /** {@code Version} prints the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Driftless.class.getPackage().getImplementationVersion();
            return new String[] {"driftless " + (version == null ? "(development build)" : version)};
        }
    }
}
