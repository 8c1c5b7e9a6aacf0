package dev.driftless.internal.server;

import dev.driftless.testing.ChildJvm;
import dev.driftless.testing.Ports;
import dev.driftless.testing.FaultChildMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JVMs that use an embedded server and are killed with SIGKILL leave nothing behind: no server process, no data
 * directory; a reused server survives the kill of one of its JVMs only while another uses it, and the next run finds it
 * sound. Each test kills real child JVMs and then counts processes and folders.
 */
class CrashRecoveryTest {

    private static final Duration START = Duration.ofMinutes(2);

    @Test
    void aKilledJvmLeavesNoServerAndNoDataDirectory(@TempDir Path parent) throws Exception {
        Map<String, String> properties = Map.of("driftless.embedded.data.parent", parent.toString());
        int kills = 3;
        for (int i = 0; i < kills; i++) {
            try (ChildJvm child = ChildJvm.start(properties, FaultChildMain.class, "embedded")) {
                int port = port(child.await("READY", START));
                Path folder = onlyServerFolder(parent);
                long postmaster = postmasterPid(folder.resolve("data"));
                assertThat(ProcessHandle.of(postmaster)).isPresent();

                child.kill();

                awaitGone(folder, postmaster, port);
            }
        }
        assertThat(serverFolders(parent)).as("data directories left after %d kills", kills).isEmpty();
        assertThat(processesMentioning(parent)).as("processes left after %d kills", kills).isEmpty();
    }

    @Test
    void theNextStartReapsAServerWhoseJvmAndWatchdogWereBothKilled(@TempDir Path parent) throws Exception {
        Map<String, String> properties = Map.of("driftless.embedded.data.parent", parent.toString());
        Path folder;
        long postmaster;
        try (ChildJvm child = ChildJvm.start(properties, FaultChildMain.class, "embedded")) {
            child.await("READY", START);
            folder = onlyServerFolder(parent);
            postmaster = postmasterPid(folder.resolve("data"));
            long watchdog = Long.parseLong(ownerLine(folder, "watchdog=").split(" ")[0]);
            ProcessHandle.of(watchdog).orElseThrow().destroyForcibly();
            ProcessHandle.of(watchdog).ifPresent(p -> p.onExit().join());
            child.kill();
        }
        Thread.sleep(500);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the orphaned server").contains(true);

        EmbeddedServer.reapOrphans(parent);

        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aReusedServerKilledDuringATemplateBuildIsSoundForTheNextRun(@TempDir Path cache) throws Exception {
        Map<String, String> properties = Map.of("driftless.cache.dir", cache.toString());
        Path data = cache.resolve("embedded-pg17").resolve("data");
        int port;
        long postmaster;
        try (ChildJvm child = ChildJvm.start(properties, FaultChildMain.class, "reuse-build")) {
            port = port(child.await("PORT=", START));
            child.await("BUILDING", START);
            postmaster = postmasterPid(data);
            assertThat(hba(data)).doesNotContain("trust");

            child.kill();
        }
        // Its only user is gone, so the watchdog stops the reused server, and keeps its folder.
        awaitStopped(postmaster, port);
        assertThat(data.resolve("PG_VERSION")).exists();
        assertThat(hba(data)).doesNotContain("trust");

        try (ChildJvm next = ChildJvm.start(properties, FaultChildMain.class, "reuse-run", "0")) {
            String databases = next.await("DATABASES=", START);
            int nextPort = port(next.await("PORT=", START));
            long nextPostmaster = postmasterPid(data);
            assertThat(next.waitForExit()).as(next.output()).isZero();
            assertThat(databases).as("the killed run's half-built template was removed at start")
                    .doesNotContain("driftless_build_");
            awaitStopped(nextPostmaster, nextPort);
        }
        assertThat(hba(data)).doesNotContain("trust");
    }

    @Test
    void twoJvmsOnAColdReuseCacheShareOneServer(@TempDir Path cache) throws Exception {
        Map<String, String> properties = Map.of("driftless.cache.dir", cache.toString());
        try (ChildJvm first = ChildJvm.start(properties, FaultChildMain.class, "reuse-run", "4000");
             ChildJvm second = ChildJvm.start(properties, FaultChildMain.class, "reuse-run", "4000")) {
            int firstPort = port(first.await("PORT=", START));
            int secondPort = port(second.await("PORT=", START));
            long postmaster = postmasterPid(cache.resolve("embedded-pg17").resolve("data"));
            assertThat(first.waitForExit()).as(first.output()).isZero();
            assertThat(second.waitForExit()).as(second.output()).isZero();

            assertThat(secondPort).as("the second JVM uses the server the first started").isEqualTo(firstPort);
            assertThat(count(first.output() + second.output(), "INITIALIZED")).as("template builds").isEqualTo(1);
            // The last JVM using it is gone, so its watchdog stops it.
            awaitStopped(postmaster, firstPort);
        }
    }

    private static int count(String text, String word) {
        return text.split(word, -1).length - 1;
    }

    private static int port(String line) {
        return Integer.parseInt(line.substring(line.indexOf("=") + 1).split(" ")[0].replace("port=", ""));
    }

    private static void awaitGone(Path folder, long postmaster, int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline
                && (Files.exists(folder) || ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isPresent())) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("server process").isEmpty();
        assertThat(folder).as("data directory").doesNotExist();
        assertThat(Ports.listening(port)).as("something listens on port " + port).isFalse();
        assertThat(processesMentioning(folder)).isEmpty();
    }

    private static void awaitStopped(long postmaster, int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isPresent()) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("reused server process").isEmpty();
        assertThat(Ports.listening(port)).isFalse();
    }

    private static Path onlyServerFolder(Path parent) throws IOException {
        List<Path> folders = serverFolders(parent);
        assertThat(folders).hasSize(1);
        return folders.get(0);
    }

    private static List<Path> serverFolders(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(p -> p.getFileName().toString().startsWith("driftless-pg-")).collect(Collectors.toList());
        }
    }

    private static List<String> processesMentioning(Path path) {
        return ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(path.toString())).collect(Collectors.toList());
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static String ownerLine(Path folder, String prefix) throws IOException {
        Optional<String> line = Files.readAllLines(folder.resolve("owner")).stream().filter(l -> l.startsWith(prefix))
                .findFirst();
        return line.orElseThrow().substring(prefix.length());
    }

    private static String hba(Path data) throws IOException {
        return Files.readString(data.resolve("pg_hba.conf"), StandardCharsets.UTF_8);
    }

}
