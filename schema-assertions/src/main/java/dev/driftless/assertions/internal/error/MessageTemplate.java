package dev.driftless.assertions.internal.error;

import dev.driftless.assertions.internal.Message;
import java.util.Arrays;
import java.util.Objects;
import org.assertj.core.description.Description;
import org.assertj.core.description.EmptyTextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;
import org.assertj.core.presentation.StandardRepresentation;

/**
 * {@code MessageTemplate} is the base of Driftless' failure messages, as AssertJ's {@code BasicErrorMessageFactory}
 * is of AssertJ's: a format in AssertJ's layout and its arguments, formatted when an assertion fails. Each message
 * shape is a subclass with static factory methods
 * ({@link ShouldHave#shouldHave(String, String, String, java.util.Collection)} and the others), which every assertion
 * class uses, so a shape is written once.
 *
 * <p>A format knows three conversions. {@code %n} is a line break, always {@code \n} rather than the platform's, so a
 * message reads the same on every system (and the tests compare full messages). {@code %%} is a percent sign.
 * {@code %s} is an argument's text; when it follows only spaces at the start of a line, as in
 * {@code "to have table:%n  %s"}, the argument is a value and each of its further lines is indented as much (empty
 * lines stay empty, a final line break is dropped), so a diff or a list of rows stays under its label. Arguments are
 * never read as formats: a {@code %} in a name or a file is safe.
 *
 * <p>Arguments are texts already rendered as Driftless shows them (names quoted, rows as {@code {column=value}}), so
 * the {@link Representation} AssertJ passes is not applied; the description set with {@code as(...)} prefixes the
 * message as {@code [description] }, as in AssertJ.
 */
public class MessageTemplate implements ErrorMessageFactory {

    private final String format;
    private final Object[] arguments;

    /**
     * Creates a message.
     *
     * @param format the format, see the class description
     * @param arguments one per {@code %s}
     * @throws IllegalArgumentException when the format does not take exactly these arguments
     */
    protected MessageTemplate(String format, Object... arguments) {
        this.format = Objects.requireNonNull(format, "format");
        this.arguments = arguments.clone();
        format();
    }

    /**
     * Returns a message that is already written, shown as it is (after the description, if any).
     *
     * @param text the message
     * @return the factory
     */
    public static ErrorMessageFactory preformatted(String text) {
        return new MessageTemplate("%s", text);
    }

    @Override
    public String create(Description description, Representation representation) {
        String prefix = description == null ? null : description.value();
        return (prefix == null || prefix.isEmpty() ? "" : "[" + prefix + "] ") + format();
    }

    @Override
    public String create(Description description) {
        return create(description, StandardRepresentation.STANDARD_REPRESENTATION);
    }

    @Override
    public String create() {
        return create(EmptyTextDescription.emptyDescription());
    }

    /** @return the message without description, for debugging */
    @Override
    public String toString() {
        return create();
    }

    private String format() {
        StringBuilder text = new StringBuilder();
        int lineStart = 0;
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                text.append(c);
                continue;
            }
            char conversion = i + 1 < format.length() ? format.charAt(++i) : ' ';
            switch (conversion) {
                case 'n' -> {
                    text.append('\n');
                    lineStart = text.length();
                }
                case '%' -> text.append('%');
                case 's' -> {
                    if (next >= arguments.length) {
                        throw new IllegalArgumentException("Too few arguments for " + this.format + ": "
                                + Arrays.toString(arguments));
                    }
                    String value = String.valueOf(arguments[next++]);
                    String indentation = text.substring(lineStart);
                    if (!indentation.isEmpty() && indentation.isBlank()) {
                        text.setLength(lineStart);
                        text.append(Message.indent(value, indentation));
                    } else {
                        text.append(value);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown conversion %" + conversion + " in " + format);
            }
        }
        if (next != arguments.length) {
            throw new IllegalArgumentException("Too many arguments for " + format + ": " + Arrays.toString(arguments));
        }
        return text.toString();
    }
}
