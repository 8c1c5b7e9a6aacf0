package dev.driftless.server;

import dev.driftless.testing.StartSharedServerMain;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that used a shared server and exits normally leaves nothing running: no process, no container.
 */
class ServerLifecycleTest {

    @Test
    void embeddedServerStopsWhenTheJvmExits() throws Exception {
        int port = runChildJvm("embedded");

        assertThat(listening(port)).as("embedded server still listening on port " + port).isFalse();
    }

    @Test
    void dockerContainerIsRemovedWhenTheJvmExits() throws Exception {
        TestServers.assumeDocker();
        int before = containerCount();

        int port = runChildJvm("docker", TestServers.dockerImage());

        assertThat(listening(port)).isFalse();
        assertThat(containerCount()).isEqualTo(before);
    }

    private static int runChildJvm(String... args) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                StartSharedServerMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        String portLine = output.lines().filter(l -> l.startsWith("PORT=")).findFirst().orElseThrow();
        return Integer.parseInt(portLine.substring("PORT=".length()));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int containerCount() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().size();
    }
}
