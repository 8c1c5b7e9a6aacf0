package dev.driftless.internal;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code SlowWait} says what a long wait is waiting for: wrap anything that may block for more than a few seconds
 * (an image pull, a container or server start, a download, a lock another JVM holds) in a try-with-resources block,
 * and if it is still running after {@link #FIRST_NOTICE} (5 s) a {@link Notices notice} tells people what they are
 * waiting for, then again every {@link #LATER_NOTICES} (30 s) until the block ends:
 *
 * <pre>{@code
 * try (SlowWait wait = SlowWait.start(LOG, "pulling image " + image)) {
 *     pull(image);
 * }
 * // after 5 s: "Still pulling image postgres:17 (5 s so far)..."; after 35 s: "... (35 s so far)..."
 * }</pre>
 *
 * <p>The description is a phrase that reads after "Still " ("pulling image postgres:17", "downloading the PostgreSQL
 * 16 binaries from https://..."). To show progress, pass a {@link Supplier}: it is asked each time a notice is due,
 * on the timer's thread, so it must be cheap and thread-safe ({@code () -> "downloading x: " + done.get() + " MB"}).
 * A wait that ends before 5 s says nothing. The timer is a single daemon thread shared by every wait; {@link #close()}
 * cancels the notices and never throws.
 */
public final class SlowWait implements AutoCloseable {

    /** How long a wait runs before its first notice. */
    public static final Duration FIRST_NOTICE = Duration.ofSeconds(5);

    /** How long a wait runs between later notices. */
    public static final Duration LATER_NOTICES = Duration.ofSeconds(30);

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> notices;

    private SlowWait(ScheduledFuture<?> notices) {
        this.notices = notices;
    }

    /**
     * Starts timing a wait.
     *
     * @param log the logger of the code that waits (notices go through {@link Notices#tell})
     * @param what what is being waited for, read after "Still ", e.g. {@code "pulling image postgres:17"}
     * @return the wait; close it when the wait is over
     */
    public static SlowWait start(Logger log, String what) {
        Objects.requireNonNull(what, "what");
        return start(log, () -> what);
    }

    /**
     * Starts timing a wait whose description may change while it runs (progress).
     *
     * @param log the logger of the code that waits (notices go through {@link Notices#tell})
     * @param what asked for the description each time a notice is due; cheap and thread-safe
     * @return the wait; close it when the wait is over
     */
    public static SlowWait start(Logger log, Supplier<String> what) {
        Objects.requireNonNull(log, "log");
        return start(message -> Notices.tell(log, message), what, FIRST_NOTICE, LATER_NOTICES);
    }

    /** The test hook: where notices go and when they are due. */
    static SlowWait start(Consumer<String> sink, Supplier<String> what, Duration first, Duration later) {
        Objects.requireNonNull(what, "what");
        AtomicInteger told = new AtomicInteger();
        // The time a notice says is the one it was scheduled for, so the text does not jitter with the timer.
        Runnable notice = () -> {
            Duration soFar = first.plus(later.multipliedBy(told.getAndIncrement()));
            try {
                sink.accept("Still " + what.get() + " (" + format(soFar) + " so far)...");
            } catch (RuntimeException e) {
                // A notice that fails must not end the later ones, nor reach the code that waits.
            }
        };
        return new SlowWait(TIMER.scheduleAtFixedRate(notice, first.toNanos(), later.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Ends the wait: no notice comes after this returns (one being printed right now may still finish). */
    @Override
    public void close() {
        notices.cancel(false);
    }

    /**
     * Writes a duration as notices and messages show it: {@code 250 ms}, {@code 1.8 s}, {@code 35 s}.
     *
     * @param duration the duration
     * @return the text
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 || millis >= 10_000 ? millis / 1000 + " s"
                : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("driftless-slow-wait");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
