package dev.driftless.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Notices} is the one way Driftless tells people what they must see whatever their logging: which server
 * provider it chose and why, and what a long wait is waiting for ({@link SlowWait}).
 *
 * <p>With an SLF4J provider on the class path a notice is an ordinary log event of the caller's logger, so the
 * application's logging configuration decides where it goes. Without one, SLF4J discards every event (it falls back to
 * its no-operation logger), and a notice is printed to standard error instead, prefixed {@code [driftless] }, once per
 * distinct message: a JVM that starts the same kind of server twice, or waits for the same thing twice, says so
 * once.
 */
public final class Notices {

    /** The prefix of a notice printed to standard error. */
    public static final String PREFIX = "[driftless] ";

    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private Notices() {
    }

    /**
     * Tells something at INFO level: through the logger, or on standard error when SLF4J discards everything.
     *
     * @param log the caller's logger
     * @param message the whole message, never {@code null}
     */
    public static void tell(Logger log, String message) {
        if (slf4jDiscards()) {
            print(System.err, message);
        } else {
            log.info(message);
        }
    }

    /**
     * Warns: through the logger at WARN level, or on standard error when SLF4J discards everything.
     *
     * @param log the caller's logger
     * @param message the whole message, never {@code null}
     */
    public static void warn(Logger log, String message) {
        if (slf4jDiscards()) {
            print(System.err, message);
        } else {
            log.warn(message);
        }
    }

    /**
     * Tells whether SLF4J has no provider (or only the no-operation one), so that log events reach nobody.
     *
     * @return {@code true} when SLF4J discards every event
     */
    public static boolean slf4jDiscards() {
        // SLF4J 2 answers with its NOP fallback provider's factory when it found no provider on the class path (and
        // slf4j-nop's factory is the same class): either way, nothing logged reaches anyone.
        return LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;
    }

    private static void print(PrintStream err, String message) {
        if (PRINTED.add(message)) {
            err.println(PREFIX + message);
            err.flush();
        }
    }
}
