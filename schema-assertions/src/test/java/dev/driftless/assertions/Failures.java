package dev.driftless.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * {@code Failures} checks the full message of an assertion that must fail. With {@code -Ddriftless.dumpMessages=dir}
 * it writes the messages to files instead, for reviewing a changed wording.
 */
final class Failures {

    private Failures() {
    }

    static String messageOf(ThrowingCallable assertion) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                assertion.call();
            } catch (Throwable t) {
                thrown[0] = t;
                throw t;
            }
        }).isInstanceOf(AssertionError.class);
        return thrown[0].getMessage();
    }

    static void assertFailure(String id, String expected, ThrowingCallable assertion) {
        String message = messageOf(assertion);
        String dump = System.getProperty("driftless.dumpMessages");
        if (dump != null) {
            try {
                Files.createDirectories(Path.of(dump));
                Files.writeString(Path.of(dump, id + ".txt"), message, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(message).isEqualTo(expected);
    }
}
