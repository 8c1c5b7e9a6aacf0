package dev.driftless.cli.internal;

import picocli.CommandLine.Help.Ansi;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code Console} is where the CLI writes: results to standard output, progress to standard error, colour only when
 * standard output is a terminal (and {@code NO_COLOR} is not set).
 */
public final class Console {

    private static final boolean COLOUR = System.getenv("NO_COLOR") == null && Ansi.AUTO.enabled();

    private Console() {
    }

    /**
     * Configures slf4j-simple before the first logger exists: Driftless' own progress (migrations applied, server
     * chosen) on standard error without timestamps or thread names; libraries only when they warn.
     *
     * @param args the command line; {@code --quiet} keeps only warnings, {@code --verbose} shows everything
     */
    public static void configureLogging(String[] args) {
        boolean quiet = Arrays.asList(args).contains("--quiet") || Arrays.asList(args).contains("-q");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.dev.driftless", quiet ? "warn" : verbose ? "debug" : "info");
        // Each migration's line is the progress of `migrate`; verify and diff print one line per step themselves.
        boolean migrate = args.length > 0 && args[0].equals("migrate");
        setIfAbsent("org.slf4j.simpleLogger.log.dev.driftless.migration", quiet || !migrate && !verbose ? "warn" : "info");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** @return standard output, for results */
    public static PrintStream out() {
        return System.out;
    }

    /**
     * Writes a progress line to standard error.
     *
     * @param line the line
     */
    public static void progress(String line) {
        System.err.println(line);
    }

    /**
     * Colours a word for standard output when it is a terminal.
     *
     * @param style a picocli style: {@code green}, {@code red}, {@code yellow}, {@code bold}
     * @param text the text
     * @return the text, coloured or as is
     */
    public static String colour(String style, String text) {
        return COLOUR ? Ansi.ON.string("@|" + style + " " + text.replace("|@", "| @") + "|@") : text;
    }
}
