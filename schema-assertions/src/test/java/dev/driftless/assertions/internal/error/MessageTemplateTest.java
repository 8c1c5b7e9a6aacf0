package dev.driftless.assertions.internal.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.description.TextDescription;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

/** How {@link MessageTemplate} lays out a message: line breaks, indented values, description. */
class MessageTemplateTest {

    @Test
    void valuesAreIndentedUnderTheirLabelLineByLine() {
        MessageTemplate message = new MessageTemplate("%nExpecting actual:%n  %s%nto be:%n    %s%nbut was %s.",
                "table t\n  CREATE TABLE t ()", "a\n\nb\n", "x\ny") { };
        assertThat(message.create()).isEqualTo("""

                Expecting actual:
                  table t
                    CREATE TABLE t ()
                to be:
                    a

                    b
                but was x
                y.""");
    }

    @Test
    void lineBreaksAreTheSameOnEverySystemAndArgumentsAreNeverFormats() {
        assertThat(new MessageTemplate("%s%n100%% %s", "a%nb", "%s") { }.create()).isEqualTo("a%nb\n100% %s");
        assertThat(MessageTemplate.preformatted("\n  kept\r\nas is\n").create()).isEqualTo("\n  kept\r\nas is\n");
    }

    @Test
    void theDescriptionPrefixesTheMessageAsInAssertJ() {
        assertThat(MessageTemplate.preformatted("\nExpecting").create(new TextDescription("fresh install"),
                StandardRepresentation.STANDARD_REPRESENTATION)).isEqualTo("[fresh install] \nExpecting");
        assertThat(MessageTemplate.preformatted("\nExpecting").create(new TextDescription(""))).isEqualTo("\nExpecting");
    }

    @Test
    void aFormatMustTakeItsArguments() {
        assertThatThrownBy(() -> new MessageTemplate("%s and %s", "one") { })
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Too few arguments for %s and %s: [one]");
        assertThatThrownBy(() -> new MessageTemplate("%s", "one", "two") { })
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Too many arguments for %s: [one, two]");
        assertThatThrownBy(() -> new MessageTemplate("%d", 1) { })
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown conversion %d in %d");
    }
}
