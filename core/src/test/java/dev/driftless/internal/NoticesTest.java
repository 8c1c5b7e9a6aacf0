package dev.driftless.internal;

import dev.driftless.internal.server.DockerServer;
import dev.driftless.testing.ChildJvm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices reach people whatever their logging: on standard error when SLF4J has no provider (each distinct message
 * once), through SLF4J when it has one (and then not on standard error as well). Each case runs in a child JVM, so
 * that the class path decides.
 */
class NoticesTest {

    private static final String EMBEDDED_DECISION = "Driftless uses the embedded provider: configured"
            + " (driftless.provider=embedded)";

    @Test
    void withoutAnSlf4jProviderTheDecisionGoesToStandardError() throws Exception {
        ChildJvm.Finished child = withoutSlf4jProvider("embedded");

        assertThat(child.exitCode()).as(child.err()).isZero();
        assertThat(notices(child)).filteredOn(line -> line.startsWith("[driftless] Driftless uses"))
                .containsExactly("[driftless] " + EMBEDDED_DECISION);
        assertThat(child.out()).isEqualTo("STARTED EMBEDDED\n");
    }

    @Test
    void withoutAnSlf4jProviderTheAutoDecisionGivesItsWholeReason() throws Exception {
        String image = "driftless-test/absent:1";

        ChildJvm.Finished child = withoutSlf4jProvider("auto", image);

        assertThat(child.exitCode()).as(child.err()).isZero();
        assertThat(notices(child)).containsExactly("[driftless] Driftless uses the embedded provider: no"
                + " driftless.jdbc.url is set and " + DockerServer.check(image).reason());
    }

    @Test
    void withSlf4jSimpleTheDecisionIsLoggedAndNotPrintedTwice() throws Exception {
        ChildJvm.Finished child = ChildJvm.run(Map.of(), Map.of("org.slf4j.simpleLogger.defaultLogLevel", "info",
                "org.slf4j.simpleLogger.log.org.testcontainers", "warn"), entry -> true, NoticesChildMain.class,
                "embedded");

        assertThat(child.exitCode()).as(child.err()).isZero();
        assertThat(child.err().lines()).contains("[main] INFO dev.driftless.internal.server.ServerLauncher - "
                + EMBEDDED_DECISION);
        assertThat(notices(child)).isEmpty();
    }

    @Test
    void aSlowWaitSaysWhatIsBeingWaitedFor() throws Exception {
        ChildJvm.Finished child = withoutSlf4jProvider("slow-wait");

        assertThat(child.exitCode()).as(child.err()).isZero();
        assertThat(notices(child)).containsExactly("[driftless] Still waiting for the test's stand-in (50 ms so far)...");
    }

    @Test
    void eachDistinctNoticeIsPrintedOnce() throws Exception {
        ChildJvm.Finished child = withoutSlf4jProvider("repeated");

        assertThat(notices(child)).containsExactly("[driftless] the same notice", "[driftless] another notice");
    }

    private static ChildJvm.Finished withoutSlf4jProvider(String... args) throws IOException, InterruptedException {
        return ChildJvm.run(Map.of(), Map.of(), entry -> !entry.contains("slf4j-simple"), NoticesChildMain.class, args);
    }

    private static List<String> notices(ChildJvm.Finished child) {
        return child.err().lines().filter(line -> line.startsWith(Notices.PREFIX)).toList();
    }
}
