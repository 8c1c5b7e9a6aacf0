package dev.driftless.cli.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Console}'s escaping of control characters on the way to the terminal. */
class ConsoleTest {

    private static String through(boolean colours, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(new Console.Escaping(bytes, true, colours), true, StandardCharsets.UTF_8)) {
            out.print(text);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void controlCharactersAreWrittenVisibly() throws IOException {
        assertThat(through(false, "a\u0000b\u0007c\u001b]0;title\u0007d\u001b[2Je\u007ff\u009bg\rh"))
                .isEqualTo("a<U+0000>b<U+0007>c<U+001B>]0;title<U+0007>d<U+001B>[2Je<U+007F>f<U+009B>g<U+000D>h");
    }

    @Test
    void lineBreaksTabsAndOtherCharactersPass() throws IOException {
        assertThat(through(false, "line 1\r\nline\t2\n≡ café ¢ \u00a0end")).isEqualTo("line 1\r\nline\t2\n≡ café ¢ \u00a0end");
    }

    @Test
    void colourSequencesPassOnlyWhileColourIsOn() throws IOException {
        String coloured = "\u001b[32mPASS\u001b[39m\u001b[0m";
        assertThat(through(true, coloured + " \u001b[2J \u001b]0;x")).isEqualTo(coloured + " <U+001B>[2J <U+001B>]0;x");
        assertThat(through(false, coloured)).isEqualTo("<U+001B>[32mPASS<U+001B>[39m<U+001B>[0m");
    }

    @Test
    void sequencesSplitAcrossWritesAreStillRecognised() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Console.Escaping out = new Console.Escaping(bytes, true, false)) {
            out.write(new byte[] {'a', '\r'});
            out.write(new byte[] {'\n', (byte) 0xC2});
            out.write(new byte[] {(byte) 0x9B, (byte) 0xC2});
            out.write(new byte[] {(byte) 0xA2, '\r'});
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a\r\n<U+009B>¢<U+000D>");
    }
}
