package dev.driftless.internal.sql;

/**
 * {@code ScriptStep} is one thing a parsed script does when it runs: an SQL statement ({@link ParsedStatement}) or a
 * meta-command's action ({@link MetaAction}).
 */
public sealed interface ScriptStep permits ParsedStatement, MetaAction {
}
