package dev.driftless.internal;

import dev.driftless.internal.server.ServerLauncher;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@code NoticesTest}: makes Driftless tell something, with or without an SLF4J provider.
 */
public final class NoticesChildMain {

    private static final Logger LOG = LoggerFactory.getLogger(NoticesChildMain.class);

    private NoticesChildMain() {
    }

    /**
     * @param args {@code embedded} (starts and stops the embedded server), {@code auto <image>} (decides only),
     *     {@code slow-wait} (a wait with a 50 ms threshold), or {@code repeated} (one notice twice, another once)
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "embedded" -> {
                try (PostgresServer server = PostgresServer.start(ServerConfig.embedded())) {
                    System.out.println("STARTED " + server.provider());
                }
            }
            case "auto" -> System.out.println(ServerLauncher.announce(ServerConfig.docker(args[1])
                    .withProvider(ProviderKind.AUTO)).kind());
            case "slow-wait" -> {
                CountDownLatch told = new CountDownLatch(1);
                try (SlowWait ignored = SlowWait.start(message -> {
                    Notices.tell(LOG, message);
                    told.countDown();
                }, () -> "waiting for the test's stand-in", Duration.ofMillis(50), Duration.ofHours(1))) {
                    if (!told.await(60, TimeUnit.SECONDS)) {
                        throw new AssertionError("no notice within 60 s");
                    }
                }
            }
            case "repeated" -> {
                Notices.tell(LOG, "the same notice");
                Notices.tell(LOG, "the same notice");
                Notices.warn(LOG, "another notice");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
