package dev.driftless.sql;

import dev.driftless.resource.Location;
import dev.driftless.resource.Resource;
import dev.driftless.internal.sql.ScriptParser;
import dev.driftless.internal.sql.ScriptSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SqlScript} is a psql-compatible script: where it comes from, its text and how it runs with respect to
 * transactions. Immutable; reading happens when it is created, splitting when {@link #parse()} is called.
 *
 * <p>Every script is read the same way, whether it is given here, included with {@code \i} or found in a migration
 * folder: only from a regular file (a pipe, a device such as {@code /dev/zero}, a folder or a link to nowhere is an
 * error naming what it is, and is never opened), strictly as UTF-8 (invalid bytes are an error with line, column and
 * byte offset; nothing is replaced by U+FFFD), a UTF-8 byte order mark stripped, and without NUL bytes.
 *
 * <pre>{@code
 * SqlScript schema = SqlScript.at("classpath:db/schema.sql");
 * ScriptRunner.create().run(schema, connection);
 * }</pre>
 */
public final class SqlScript {

    private final ScriptSource source;
    private final TransactionMode mode;
    private final String modeReason;

    private SqlScript(ScriptSource source, TransactionMode mode) {
        this(source, mode, null);
    }

    private SqlScript(ScriptSource source, TransactionMode mode, String modeReason) {
        this.source = source;
        this.mode = mode;
        this.modeReason = modeReason;
    }

    /**
     * Reads a script at a location.
     *
     * @param location {@code classpath:db/schema.sql} (a class path resource), or a file path (optionally written
     *     {@code filesystem:db/schema.sql}, as Flyway does)
     * @return the script, never {@code null}
     * @throws ScriptException when it is missing or no regular file, cannot be read, is not UTF-8 or holds a NUL byte
     */
    public static SqlScript at(String location) {
        return new SqlScript(ScriptSource.at(location), TransactionMode.AUTO);
    }

    /**
     * Reads the script a location names, looked up as every {@link Location} is.
     *
     * @param location the location
     * @return the script, never {@code null}
     * @throws ScriptException when nothing is there (the message lists every place searched), or it cannot be read,
     *     is not UTF-8 or holds a NUL byte
     */
    public static SqlScript at(Location location) {
        return new SqlScript(ScriptSource.of(Objects.requireNonNull(location, "location")), TransactionMode.AUTO);
    }

    /**
     * Reads a script from a resource already found.
     *
     * @param resource the resource
     * @return the script, never {@code null}
     * @throws ScriptException when it cannot be read, is not UTF-8 or holds a NUL byte
     */
    public static SqlScript of(Resource resource) {
        return new SqlScript(ScriptSource.of(Objects.requireNonNull(resource, "resource")), TransactionMode.AUTO);
    }

    /**
     * Reads a script file.
     *
     * @param file the file; its path as given is the name used in messages
     * @return the script, never {@code null}
     * @throws ScriptException when it is missing or no regular file, cannot be read, is not UTF-8 or holds a NUL byte
     */
    public static SqlScript of(Path file) {
        Objects.requireNonNull(file, "file");
        return new SqlScript(ScriptSource.file(file, file.toString()), TransactionMode.AUTO);
    }

    /**
     * Makes an in-memory script.
     *
     * @param name the name used in messages, e.g. {@code "V3__orders.sql"}
     * @param sql its text
     * @return the script, never {@code null}
     * @throws ScriptException when the text holds a NUL character (which PostgreSQL cannot take)
     */
    public static SqlScript of(String name, String sql) {
        return of(name, sql, 1);
    }

    /**
     * Makes a script from a section of a larger file (for instance dbmate's {@code -- migrate:up} section), so that
     * messages give line numbers in that file.
     *
     * @param name the name used in messages (the file's)
     * @param sql the section's text
     * @param firstLine the line of the file the section starts on (1 or more)
     * @return the script, never {@code null}
     * @throws ScriptException when the text holds a NUL character (which PostgreSQL cannot take)
     */
    public static SqlScript of(String name, String sql, int firstLine) {
        return new SqlScript(ScriptSource.inMemory(name, sql, firstLine), TransactionMode.AUTO);
    }

    /**
     * Sets how the script runs with respect to transactions, overriding what the script itself says.
     *
     * @param mode the mode
     * @return a copy with that mode
     */
    public SqlScript withTransactionMode(TransactionMode mode) {
        return new SqlScript(source, Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Sets how the script runs with respect to transactions, and why: the reason is what messages say when the script
     * runs outside a transaction ({@link ParsedScript#noTransactionReason()}) or fails inside one it was given, e.g.
     * the rule of the migration tool whose layout the script comes from.
     *
     * <pre>{@code
     * script.withTransactionMode(TransactionMode.NO_TRANSACTION,
     *         "its metadata.toml sets run_in_transaction = false, as diesel reads it");
     * }</pre>
     *
     * @param mode the mode
     * @param reason why, a clause such as {@code "its name holds .autocommit."}; not blank
     * @return a copy with that mode and reason
     * @throws IllegalArgumentException when the reason is blank
     */
    public SqlScript withTransactionMode(TransactionMode mode, String reason) {
        if (Objects.requireNonNull(reason, "reason").isBlank()) {
            throw new IllegalArgumentException("A transaction mode's reason must not be blank; leave it out instead");
        }
        return new SqlScript(source, Objects.requireNonNull(mode, "mode"), reason.strip());
    }

    /**
     * Sets the folder {@code \i} paths are resolved against (before the script's own folder and the working
     * directory); useful for in-memory scripts.
     *
     * @param dir the folder
     * @return a copy with that base directory
     */
    public SqlScript withBaseDirectory(Path dir) {
        return new SqlScript(source.withBaseDirectory(dir), mode, modeReason);
    }

    /** @return the name used in messages, e.g. {@code sql/migrations/003_orders.sql}, never {@code null} */
    public String name() {
        return source.name();
    }

    /** @return the text as read, byte order mark stripped, never {@code null} */
    public String content() {
        return source.content();
    }

    /** @return the SHA-256 of the script's bytes, lower-case hex, never {@code null} */
    public String checksum() {
        return source.checksum();
    }

    /** @return the transaction mode as set, {@link TransactionMode#AUTO} unless changed */
    public TransactionMode transactionMode() {
        return mode;
    }

    /** @return why the transaction mode was set, when {@link #withTransactionMode(TransactionMode, String)} said so */
    public Optional<String> transactionModeReason() {
        return Optional.ofNullable(modeReason);
    }

    /**
     * Splits the script into statements, expanding includes and checking meta-commands.
     *
     * @return the parsed script, never {@code null}
     * @throws ScriptException naming the file and line of an unsupported meta-command, a missing or unreadable
     *     include, an include cycle, a comment, quote, dollar quote or quoted identifier left open at the end of a file
     *     (where it opens, as psql's "unterminated /* comment") and the like; for a problem in an included file the
     *     message ends with the include chain
     */
    public ParsedScript parse() {
        return parse(Map.of());
    }

    ParsedScript parse(Map<String, String> variables) {
        return new ParsedScript(ScriptParser.parse(source, variables), mode, modeReason);
    }

    @Override
    public String toString() {
        return "SqlScript[" + source.name() + ", " + mode + "]";
    }
}
