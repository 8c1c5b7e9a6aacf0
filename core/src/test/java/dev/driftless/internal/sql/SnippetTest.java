package dev.driftless.internal.sql;

import dev.driftless.Printable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rendering script lines for messages: escapes, and a caret that stays under its character. */
class SnippetTest {

    private static String render(String line, int column) {
        return Snippet.render(new LineIndex(line), 0, 1, 1, 1, column);
    }

    @Test
    void escapedCharactersKeepTheCaretUnderItsCharacter() {
        assertThat(render("a\u0000b\u001bc\u007fd\u0085e\u202ef\rg", 13)).isEqualTo(
                "  1 | a<U+0000>b<U+001B>c<U+007F>d<U+0085>e<U+202E>f<U+000D>g\n"
                        + "    | " + " ".repeat(1 + 8 + 1 + 8 + 1 + 8 + 1 + 8 + 1 + 8 + 1 + 8) + "^\n");
    }

    @Test
    void tabsSupplementaryCharactersAndLoneSurrogates() {
        assertThat(render("\t'𝄞' \uD800x", 7)).isEqualTo(
                "  1 | \t'𝄞' <U+D800>x\n"
                        + "    | \t" + " ".repeat(4 + 8) + "^\n");
    }

    @Test
    void printableLeavesOrdinaryTextAlone() {
        String text = "SELECT 'é𝄞', E'\\x01'\n\tFROM t;";
        assertThat(Printable.of(text)).isSameAs(text);
        assertThat(Printable.of("a\u0007\u2066b\uDC00")).isEqualTo("a<U+0007><U+2066>b<U+DC00>");
    }
}
