package dev.driftless.cli.internal;

import picocli.CommandLine.Option;

/**
 * The {@code --quiet} and {@code --verbose} options every command accepts. {@link Console} reads them from the command
 * line before picocli runs, so that logging is set up before any library logs; these fields only declare them.
 */
final class LoggingOptions {

    @Option(names = {"-q", "--quiet"}, description = "Only warnings on standard error.")
    boolean quiet;

    @Option(names = "--verbose", description = "Everything on standard error, libraries' debug output too.")
    boolean verbose;
}
