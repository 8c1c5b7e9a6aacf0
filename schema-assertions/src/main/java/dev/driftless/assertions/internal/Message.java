package dev.driftless.assertions.internal;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code Message} renders the parts of failure messages in AssertJ's layout: values indented under their label
 * ({@link #indent}), names quoted as AssertJ quotes strings ({@link #quote}, {@link #quoted}), lists one per line
 * ({@link #lines}) and keys in parentheses ({@link #keys}). The message shapes themselves are the factories of
 * {@link dev.driftless.assertions.internal.error}, which every assertion raises through
 * {@code AbstractDriftlessAssert.failWith}.
 *
 * <p>Its builder ({@link #expecting}, {@link #then}, {@link #line}) lays out the same way; {@code MigrationChainAssert}
 * still builds its messages with it until it moves to {@code ShouldProduceSameSchema}, {@code ShouldBeReversible},
 * {@code ShouldBeIdempotent} and {@code ShouldPreserveData}.
 */
public final class Message {

    private final StringBuilder text = new StringBuilder();

    private Message() {
    }

    /**
     * Starts a message about an object.
     *
     * @param actual how the object under test reads, e.g. {@code table public.booking}
     * @return the message so far
     */
    public static Message expecting(String actual) {
        return new Message().then("Expecting actual:", actual);
    }

    /**
     * Adds a line and an indented value (each of its lines indented).
     *
     * @param label e.g. {@code to have column:}
     * @param value the value
     * @return this message
     */
    public Message then(String label, String value) {
        text.append('\n').append(label);
        if (value != null) {
            text.append('\n').append(indent(value, "  "));
        }
        return this;
    }

    /**
     * Adds a line without a value.
     *
     * @param line the line
     * @return this message
     */
    public Message line(String line) {
        text.append('\n').append(line);
        return this;
    }

    /** @return the message; it starts with a line break, as AssertJ's do */
    public String text() {
        return text.toString();
    }

    /**
     * Indents every line of a text.
     *
     * @param value the text
     * @param prefix the indentation
     * @return the indented text
     */
    public static String indent(String value, String prefix) {
        return value.lines().map(l -> l.isEmpty() ? l : prefix + l).collect(Collectors.joining("\n"));
    }

    /**
     * Quotes a name as AssertJ quotes strings.
     *
     * @param name the name
     * @return {@code "name"}
     */
    public static String quote(String name) {
        return name == null ? "null" : "\"" + name + "\"";
    }

    /**
     * Lists names quoted and comma-separated, or {@code (none)}.
     *
     * @param names the names
     * @return e.g. {@code "a", "b"}
     */
    public static String quoted(Collection<String> names) {
        return names.isEmpty() ? "(none)" : names.stream().map(Message::quote).collect(Collectors.joining(", "));
    }

    /**
     * Shows key columns or expressions as SQL lists them.
     *
     * @param keys the keys, in order
     * @return e.g. {@code (resource_id, starts_at)}
     */
    public static String keys(List<String> keys) {
        return "(" + String.join(", ", keys) + ")";
    }

    /**
     * Lists values one per line, or {@code (none)}.
     *
     * @param lines the values
     * @return the lines
     */
    public static String lines(Collection<String> lines) {
        return lines.isEmpty() ? "(none)" : String.join("\n", lines);
    }
}
