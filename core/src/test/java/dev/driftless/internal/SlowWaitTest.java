package dev.driftless.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SlowWait}'s notices, with short thresholds through its test hook (no timing is asserted: the test waits for
 * the notices, however long the machine takes).
 */
class SlowWaitTest {

    @Test
    void tellsWhatIsBeingWaitedForThenAgainWhileItLasts() throws InterruptedException {
        BlockingQueue<String> notices = new LinkedBlockingQueue<>();
        AtomicInteger megabytes = new AtomicInteger(3);

        try (SlowWait ignored = SlowWait.start(notices::add, () -> "downloading x: " + megabytes.getAndAdd(4) + " MB",
                Duration.ofMillis(50), Duration.ofMillis(100))) {
            assertThat(notices.poll(60, TimeUnit.SECONDS)).isEqualTo("Still downloading x: 3 MB (50 ms so far)...");
            assertThat(notices.poll(60, TimeUnit.SECONDS)).isEqualTo("Still downloading x: 7 MB (150 ms so far)...");
        }
    }

    @Test
    void aWaitThatEndsFirstSaysNothing() {
        BlockingQueue<String> notices = new LinkedBlockingQueue<>();

        try (SlowWait ignored = SlowWait.start(notices::add, () -> "waiting", Duration.ofHours(1), Duration.ofHours(1))) {
            assertThat(notices).isEmpty();
        }

        assertThat(notices).isEmpty();
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(SlowWait.format(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(SlowWait.format(Duration.ofSeconds(1))).isEqualTo("1 s");
        assertThat(SlowWait.format(Duration.ofMillis(1800))).isEqualTo("1.8 s");
        assertThat(SlowWait.format(Duration.ofSeconds(35))).isEqualTo("35 s");
    }
}
