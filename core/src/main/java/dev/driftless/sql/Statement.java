package dev.driftless.sql;

import dev.driftless.internal.sql.ParsedStatement;

import java.util.Optional;

/**
 * {@code Statement} is one SQL statement of a script: the text sent to the server and where it is in which file.
 * Immutable.
 */
public final class Statement {

    private final ParsedStatement parsed;

    Statement(ParsedStatement parsed) {
        this.parsed = parsed;
    }

    /**
     * @return the text sent to the server: as written from its first word to just before its terminating {@code ;}
     *     (trailing whitespace trimmed), with psql variables interpolated; never {@code null}
     */
    public String sql() {
        return parsed.sql();
    }

    /** @return the display name of the script it is written in (an included file's when it is in one) */
    public String scriptName() {
        return parsed.scriptName();
    }

    /** @return the 1-based line it starts on in {@link #scriptName()} */
    public int line() {
        return parsed.line();
    }

    /** @return the 1-based column (in characters) it starts at */
    public int column() {
        return parsed.column();
    }

    /** @return the line its text ends on (its data lines not counted for a COPY) */
    public int endLine() {
        return parsed.endLine();
    }

    /** @return the data lines of a {@code COPY ... FROM STDIN} (without the closing {@code \.}), else empty */
    public Optional<String> copyData() {
        return Optional.ofNullable(parsed.copyData());
    }

    @Override
    public String toString() {
        return parsed.toString();
    }
}
