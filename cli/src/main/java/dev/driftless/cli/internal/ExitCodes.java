package dev.driftless.cli.internal;

import dev.driftless.DriftlessException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code ExitCodes} are the CLI's exit codes, and the handlers that turn failures into them.
 */
public final class ExitCodes {

    /** All good: no differences, every check passed. */
    public static final int OK = 0;
    /** Differences found, or a check failed. */
    public static final int DIFFERENCES = 1;
    /** Bad input (missing file, broken SQL, invalid chain, wrong option) or no server. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    /**
     * Handles an exception thrown by a command: Driftless' messages are printed as they are (they name the file, line
     * and what to do); anything else with its stack trace, as a bug.
     *
     * @param e the exception
     * @param commandLine the command
     * @param parseResult the parsed arguments
     * @return {@link #BAD_INPUT}
     */
    public static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof DriftlessException) {
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        } else {
            err.println(commandLine.getCommandSpec().qualifiedName() + " failed unexpectedly; please report this:");
            e.printStackTrace(err);
        }
        err.flush();
        return BAD_INPUT;
    }

    /**
     * Handles a wrong command line: the error, then the command's usage.
     *
     * @param e the parameter exception
     * @param args the arguments
     * @return {@link #BAD_INPUT}
     */
    public static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        commandLine.usage(err, CommandLine.Help.Ansi.OFF);
        err.flush();
        return BAD_INPUT;
    }
}
