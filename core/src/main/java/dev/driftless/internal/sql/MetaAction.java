package dev.driftless.internal.sql;

/**
 * {@code MetaAction} is what a psql meta-command does while the script runs: print a message ({@code \echo},
 * {@code \qecho}, {@code \warn}), or require the connection to be on a database ({@code \connect}).
 *
 * @param kind what to do
 * @param argument the message, or the database name
 * @param scriptName where the meta-command is
 * @param line its line, as reported
 * @param text the meta-command as written, for messages
 */
public record MetaAction(Kind kind, String argument, String scriptName, int line, String text) implements ScriptStep {

    /** {@code Kind} is what a meta-command does at run time. */
    public enum Kind {
        /** Log the argument at INFO. */
        ECHO,
        /** Log the argument at WARN. */
        WARN,
        /** Check the connection is on the database named by the argument. */
        CONNECT
    }
}
