package dev.driftless.server;

import dev.driftless.testing.ChildJvm;
import dev.driftless.testing.Ports;
import dev.driftless.testing.StartSharedServerMain;
import dev.driftless.testing.TestServers;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that used a shared server and exits normally leaves nothing running: no process, no container.
 */
class ServerLifecycleTest {

    @Test
    void embeddedServerStopsWhenTheJvmExits() throws Exception {
        int port = runChildJvm("embedded");

        assertThat(Ports.listening(port)).as("embedded server still listening on port " + port).isFalse();
    }

    @Test
    void dockerContainerIsRemovedWhenTheJvmExits() throws Exception {
        TestServers.assumeDocker();
        int before = containerCount();

        int port = runChildJvm("docker", TestServers.dockerImage());

        assertThat(Ports.listening(port)).isFalse();
        assertThat(containerCount()).isEqualTo(before);
    }

    @Test
    void aReusableContainerServesTheNextJvmWithItsTemplates(@TempDir Path cacheDir) throws Exception {
        TestServers.assumeDocker();
        Map<String, String> env = Map.of("TESTCONTAINERS_REUSE_ENABLE", "true",
                "DRIFTLESS_CACHE_DIR", cacheDir.toString());
        int firstPort = 0;
        try {
            String first = runChildJvm(env, "docker-reuse", TestServers.dockerImage());
            firstPort = port(first);
            String second = runChildJvm(env, "docker-reuse", TestServers.dockerImage());

            assertThat(first).contains("INITIALIZED");
            assertThat(second).doesNotContain("INITIALIZED");
            assertThat(port(second)).isEqualTo(firstPort);
            assertThat(Ports.listening(firstPort)).as("the reusable container keeps running").isTrue();
        } finally {
            removeContainerPublishing(firstPort);
        }
    }

    private static void removeContainerPublishing(int port) {
        DockerClient docker = DockerClientFactory.instance().client();
        for (Container container : docker.listContainersCmd().withShowAll(true).exec()) {
            for (ContainerPort published : container.getPorts()) {
                if (published.getPublicPort() != null && published.getPublicPort() == port) {
                    docker.removeContainerCmd(container.getId()).withForce(true).exec();
                    break;
                }
            }
        }
    }

    private static int runChildJvm(String... args) throws IOException, InterruptedException {
        return port(runChildJvm(Map.of(), args));
    }

    private static int port(String output) {
        String portLine = output.lines().filter(l -> l.startsWith("PORT=")).findFirst().orElseThrow();
        return Integer.parseInt(portLine.substring("PORT=".length()));
    }

    private static String runChildJvm(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ChildJvm.Finished child = ChildJvm.run(env, Map.of(), entry -> true, StartSharedServerMain.class, args);
        String output = child.out() + child.err();
        assertThat(child.exitCode()).as(output).isZero();
        return output;
    }

    private static int containerCount() {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true).exec().size();
    }
}
