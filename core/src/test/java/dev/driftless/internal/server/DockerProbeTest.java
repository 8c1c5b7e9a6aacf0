package dev.driftless.internal.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.internal.server.DockerEndpoints.Endpoint;
import dev.driftless.internal.server.DockerEndpoints.Transport;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The quick Docker check against the situations it meets: no engine (no socket, a socket or port nobody listens on),
 * a listener that never answers, the real engine of this machine with an image present, and images that are absent
 * with no registry reachable (this machine has none). Places other than the real engine are given explicitly, since
 * the real search would find this machine's engine behind them, as Testcontainers would.
 */
class DockerProbeTest {

    private static final String RYUK_HINT = "; set TESTCONTAINERS_RYUK_DISABLED=true to run without it";

    @Test
    void noSocketAtTheAddressInDockerHost() {
        DockerCheck check = check(configured("unix:///nonexistent"));

        assertThat(check.usable()).isFalse();
        assertThat(check.reason()).isEqualTo("no Docker engine answers at unix:///nonexistent (DOCKER_HOST: no such"
                + " socket)");
        assertThat(check.advice()).isEqualTo("Start Docker (or point DOCKER_HOST at it), or use"
                + " driftless.provider=embedded.");
    }

    @Test
    void aSocketNobodyListensOn(@TempDir Path dir) throws IOException {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(socket));
        }
        // The socket file stays behind its closed listener, as a stopped engine leaves /var/run/docker.sock.
        assertThat(socket).exists();

        DockerCheck check = check(configured("unix://" + socket));

        assertThat(check.reason()).isEqualTo("no Docker engine answers at unix://" + socket + " (DOCKER_HOST:"
                + " connection refused)");
    }

    @Test
    void aClosedPort() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        DockerCheck check = check(configured("tcp://127.0.0.1:" + port));

        assertThat(check.reason()).isEqualTo("no Docker engine answers at tcp://127.0.0.1:" + port + " (DOCKER_HOST:"
                + " connection refused)");
    }

    @Test
    void aPortThatAcceptsConnectionsButNeverAnswers() throws IOException {
        // The backlog completes the TCP handshake; nobody ever reads or writes.
        try (ServerSocket stalling = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String uri = "tcp://127.0.0.1:" + stalling.getLocalPort();

            DockerCheck check = check(configured(uri));

            assertThat(check.reason()).isEqualTo("no Docker engine answers at " + uri + " (DOCKER_HOST: it accepts"
                    + " connections but does not answer within 1 s)");
        }
    }

    @Test
    void aSocketThatAcceptsConnectionsButNeverAnswers(@TempDir Path dir) throws IOException {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel stalling = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stalling.bind(UnixDomainSocketAddress.of(socket), 10);

            DockerCheck check = check(configured("unix://" + socket));

            assertThat(check.reason()).isEqualTo("no Docker engine answers at unix://" + socket + " (DOCKER_HOST: it"
                    + " accepts connections but does not answer within 1 s)");
        }
    }

    @Test
    void theUsualSocketsThatDoNotExistAreListedTogether(@TempDir Path home) {
        List<Endpoint> usual = DockerEndpoints.resolve(Map.of(), home, "Mac OS X", null).stream()
                .filter(e -> !e.uri().equals("unix:///var/run/docker.sock")).toList();

        DockerCheck check = DockerCheck.run(new DockerProbe(usual, Optional.empty()), List.of());

        assertThat(check.reason()).isEqualTo("no Docker engine answers: DOCKER_HOST is not set and no socket exists at "
                + home + "/.docker/desktop/docker.sock, " + home + "/.docker/run/docker.sock, " + home
                + "/.colima/default/docker.sock, /run/podman/podman.sock");
    }

    @Test
    void anAddressOnlyTestcontainersCanReach() {
        DockerCheck check = check(configured("ssh://me@build-host"));

        assertThat(check.usable()).isFalse();
        assertThat(check.uncheckable()).isTrue();
        assertThat(check.reason()).isEqualTo("no Docker engine answers at ssh://me@build-host (DOCKER_HOST: a ssh://"
                + " address, which Driftless' quick check cannot reach); driftless.provider=docker lets Testcontainers"
                + " try it");
    }

    @Test
    void tlsEndpointsAreCheckedForConnectionsOnly() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String uri = "tcp://127.0.0.1:" + listening.getLocalPort();

            DockerCheck check = DockerCheck.run(new DockerProbe(List.of(DockerEndpoints.parse(uri, "DOCKER_HOST", true)),
                    Optional.empty()), List.of(postgres("postgres:17")));

            assertThat(check.usable()).isTrue();
            assertThat(check.reason()).isEqualTo("Docker at " + uri + " (DOCKER_HOST) accepts connections; it speaks"
                    + " TLS, which Driftless' quick check does not, so whether the images are there is left to"
                    + " Testcontainers");
        }
    }

    @Test
    void theRealEngineWithItsImagePresent() {
        TestServers.assumeDocker();
        String image = TestServers.dockerImage();

        DockerCheck check = DockerServer.check(image, false, false, DockerProbe.fromEnvironment());

        assertThat(check.usable()).isTrue();
        assertThat(check.reason()).isEqualTo("Docker answers at " + realEngine() + " and image " + image + " is present");
    }

    @Test
    void anAbsentImageWithoutARegistry() throws IOException {
        TestServers.assumeDocker();
        String image = "driftless-test/absent:1";
        String engineSays = registryUnreachable(image);

        DockerCheck check = DockerServer.check(image, false, false, DockerProbe.fromEnvironment());

        assertThat(check.usable()).isFalse();
        assertThat(check.reason()).isEqualTo("Docker answers at " + realEngine() + ", but image " + image + " is not"
                + " present and cannot be pulled (registry unreachable: " + engineSays + ")");
        assertThat(check.advice()).isEqualTo("Pull or build it yourself (docker pull driftless-test/absent:1), set"
                + " driftless.postgres.image (DRIFTLESS_POSTGRES_IMAGE) to an image this engine has, or use"
                + " driftless.provider=embedded.");
    }

    @Test
    void ryukThatCannotBePulled() throws IOException {
        TestServers.assumeDocker();
        assumeTrue(engineAnswer("/images/" + DockerServer.RYUK_IMAGE + "/json").startsWith("HTTP/1.0 404"),
                "this engine has " + DockerServer.RYUK_IMAGE);
        String engineSays = registryUnreachable(DockerServer.RYUK_IMAGE);

        DockerCheck check = DockerServer.check(TestServers.dockerImage(), true, false, DockerProbe.fromEnvironment());

        assertThat(check.usable()).isFalse();
        assertThat(check.reason()).isEqualTo("Docker answers at " + realEngine() + ", but Testcontainers' helper image"
                + " testcontainers/ryuk:0.14.0 is not present and cannot be pulled (registry unreachable: " + engineSays
                + ")" + RYUK_HINT);
        assertThat(check.advice()).isEqualTo("Pull it yourself (docker pull testcontainers/ryuk:0.14.0), set"
                + " TESTCONTAINERS_RYUK_DISABLED=true to run without it, or use driftless.provider=embedded.");
    }

    @Test
    void theGatewayLookupInsideAContainerThatCannotBePulled() throws IOException {
        TestServers.assumeDocker();
        assumeTrue(!engineAnswer("/networks/bridge").contains("\"Gateway\""), "the bridge network names a gateway");
        assumeTrue(engineAnswer("/images/alpine:3.17/json").startsWith("HTTP/1.0 404"), "this engine has alpine:3.17");
        String engineSays = registryUnreachable("alpine:3.17");

        DockerCheck check = DockerServer.check(TestServers.dockerImage(), false, true, DockerProbe.fromEnvironment());

        assertThat(check.reason()).isEqualTo("Docker answers at " + realEngine() + ", but Testcontainers' helper image"
                + " alpine:3.17 (which it runs to find the Docker host's address from inside this container) is not"
                + " present and cannot be pulled (registry unreachable: " + engineSays + "); set"
                + " TESTCONTAINERS_HOST_OVERRIDE=localhost (or the address where containers' ports are reached) to do"
                + " without it");
        assertThat(check.advice()).isEqualTo("Pull it yourself (docker pull alpine:3.17), set"
                + " TESTCONTAINERS_HOST_OVERRIDE to the address where containers' ports are reached, or use"
                + " driftless.provider=embedded.");
    }

    @Test
    void noGatewayLookupWhereTheBridgeNamesItsGateway(@TempDir Path dir) throws Exception {
        try (FakeEngine engine = new FakeEngine(dir.resolve("docker.sock"))) {
            engine.route("/images/postgres:17/json", answer("200 OK", "{}"));
            engine.route("/networks/bridge", answer("200 OK", "{\"Name\":\"bridge\",\"IPAM\":{\"Config\":"
                    + "[{\"Subnet\":\"172.17.0.0/16\",\"Gateway\":\"172.17.0.1\"}]}}"));

            DockerCheck check = DockerServer.check("postgres:17", false, true, engine.probe(Optional.empty()));

            assertThat(check.reason()).isEqualTo("Docker answers at unix://" + engine.socket + " and image postgres:17 is"
                    + " present");
        }
    }

    @Test
    void aDockerHostThatDoesNotAnswerIsSkippedAsTestcontainersSkipsIt() {
        TestServers.assumeDocker();
        String image = TestServers.dockerImage();
        DockerProbe probe = new DockerProbe(List.of(configured("unix:///nonexistent"),
                DockerEndpoints.parse(realEngine(), null, false)), Optional.empty());

        DockerCheck check = DockerServer.check(image, false, false, probe);

        assertThat(check.reason()).isEqualTo("Docker answers at " + realEngine() + " (like Testcontainers, Driftless"
                + " skipped unix:///nonexistent from DOCKER_HOST: no such socket) and image " + image + " is present");
    }

    @Test
    void anEngineWhereTestcontainersDoesNotLook(@TempDir Path dir) throws Exception {
        try (FakeEngine engine = new FakeEngine(dir.resolve("docker.sock"))) {
            Endpoint colima = new Endpoint("unix://" + engine.socket, null, Transport.UNIX,
                    UnixDomainSocketAddress.of(engine.socket), false);

            DockerCheck check = DockerCheck.run(new DockerProbe(List.of(colima), Optional.empty()), List.of());

            assertThat(check.usable()).isFalse();
            assertThat(check.reason()).isEqualTo("a Docker engine answers at unix://" + engine.socket + ", but"
                    + " Testcontainers looks there only when DOCKER_HOST names it");
            assertThat(check.advice()).isEqualTo("Set DOCKER_HOST=unix://" + engine.socket + " (see the Docker section"
                    + " of docs/servers.md), or use driftless.provider=embedded.");
        }
    }

    @Test
    void chunkedAnswersAndPullableImages(@TempDir Path dir) throws Exception {
        try (FakeEngine engine = new FakeEngine(dir.resolve("docker.sock"))) {
            engine.route("/images/postgres:17/json", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\n{\"I\r\n5\r\nd\":1}\r\n0\r\n\r\n");
            engine.route("/images/testcontainers/ryuk:0.14.0/json", notFound("No such image"));
            engine.route("/distribution/testcontainers/ryuk:0.14.0/json", answer("200 OK", "{}"));

            DockerCheck check = DockerServer.check("postgres:17", true, false, engine.probe(Optional.empty()));

            assertThat(check.usable()).isTrue();
            assertThat(check.reason()).isEqualTo("Docker answers at unix://" + engine.socket + " and image postgres:17 is"
                    + " present and Testcontainers' helper image testcontainers/ryuk:0.14.0 is not present but can be"
                    + " pulled");
        }
    }

    @Test
    void aRegistryThatWantsCredentials(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        try (FakeEngine engine = new FakeEngine(dir.resolve("docker.sock"))) {
            engine.route("/images/registry.example.com/team/pg:17/json", notFound("No such image"));
            engine.route("/distribution/registry.example.com/team/pg:17/json", answer("401 Unauthorized",
                    "{\"message\":\"unauthorized: authentication required\\n\"}"));

            DockerCheck without = DockerServer.check("registry.example.com/team/pg:17", false, false,
                    engine.probe(Optional.of(config)));
            Files.writeString(config, "{\"auths\": {\"registry.example.com\": {\"auth\": \"c2VjcmV0\"}}}");
            DockerCheck with = DockerServer.check("registry.example.com/team/pg:17", false, false,
                    engine.probe(Optional.of(config)));

            assertThat(without.reason()).isEqualTo("Docker answers at unix://" + engine.socket + ", but image"
                    + " registry.example.com/team/pg:17 is not present and cannot be pulled (its registry"
                    + " registry.example.com refuses it without credentials, and Docker's configuration has none for it:"
                    + " unauthorized: authentication required)");
            assertThat(with.usable()).isTrue();
            assertThat(with.reason()).isEqualTo("Docker answers at unix://" + engine.socket + " and image"
                    + " registry.example.com/team/pg:17 is not present; its registry asks for credentials, which"
                    + " Docker's configuration has");
        }
    }

    @Test
    void aRegistryThatDoesNotAnswerInTime(@TempDir Path dir) throws Exception {
        try (FakeEngine engine = new FakeEngine(dir.resolve("docker.sock"))) {
            engine.route("/images/postgres:17/json", notFound("No such image"));
            engine.route("/distribution/postgres:17/json", null);

            DockerCheck check = DockerServer.check("postgres:17", false, false, engine.probe(Optional.empty()));

            assertThat(check.reason()).isEqualTo("Docker answers at unix://" + engine.socket + ", but image postgres:17 is"
                    + " not present and cannot be pulled (its registry does not answer the engine within 1 s)");
        }
    }

    @Test
    void placesAreTriedInTestcontainersOrder(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve(".testcontainers.properties"), "tc.host=tcp://127.0.0.1:4711\n"
                + "docker.host=tcp://ignored:1\n"
                + "docker.client.strategy=org.testcontainers.dockerclient.UnixSocketClientProviderStrategy\n");
        Map<String, String> env = Map.of("DOCKER_HOST", "unix:///srv/docker.sock", "XDG_RUNTIME_DIR", "/run/user/1000");

        List<String> places = DockerEndpoints.resolve(env, home, "Linux", 1000).stream()
                .map(e -> e.uri() + (e.configured() ? " <- " + e.source() : "") + (e.testcontainersLooks() ? "" : " (not TC)"))
                .toList();

        assertThat(places).containsExactly(
                "tcp://127.0.0.1:4711 <- tc.host in ~/.testcontainers.properties",
                "unix:///srv/docker.sock <- DOCKER_HOST",
                "unix:///var/run/docker.sock",
                "unix:///run/user/1000/docker.sock",
                "unix://" + home + "/.docker/run/docker.sock",
                "unix://" + home + "/.docker/desktop/docker.sock",
                "unix://" + home + "/.colima/default/docker.sock (not TC)",
                "unix:///run/user/1000/podman/podman.sock (not TC)",
                "unix:///run/podman/podman.sock (not TC)");
    }

    @Test
    void dockerHostFromTheTestcontainersFileAndTlsFromTheEnvironment(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://docker.example.com\n");

        Endpoint first = DockerEndpoints.resolve(Map.of("DOCKER_TLS_VERIFY", "1"), home, "Linux", null).get(0);

        assertThat(first).isEqualTo(new Endpoint("tcp://docker.example.com", "docker.host in ~/.testcontainers.properties",
                Transport.TLS, InetSocketAddress.createUnresolved("docker.example.com", 2376), true));
    }

    @Test
    void theHelperImagesAreTheOnesTheTestcontainersOnTheClassPathStarts() throws IOException {
        // Both classes name their image in a string constant, which the class file's constant pool holds as UTF-8.
        assertThat(classFile("/org/testcontainers/utility/RyukContainer.class")).contains(DockerServer.RYUK_IMAGE);
        assertThat(classFile("/org/testcontainers/DockerClientFactory.class")).contains(DockerServer.TINY_IMAGE);
    }

    private static String classFile(String resource) throws IOException {
        try (var in = org.testcontainers.DockerClientFactory.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static DockerCheck check(Endpoint endpoint) {
        return DockerCheck.run(new DockerProbe(List.of(endpoint), Optional.empty()), List.of(postgres("postgres:17")));
    }

    private static Endpoint configured(String uri) {
        return DockerEndpoints.parse(uri, "DOCKER_HOST", false);
    }

    private static DockerCheck.RequiredImage postgres(String image) {
        return new DockerCheck.RequiredImage(image, "image " + image, "", "");
    }

    private static String notFound(String message) {
        return answer("404 Not Found", "{\"message\":\"" + message + "\"}");
    }

    private static String answer(String status, String json) {
        return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    /** The engine the tests' environment names (testenv.sh sets DOCKER_HOST), else the usual socket. */
    private static String realEngine() {
        String dockerHost = System.getenv("DOCKER_HOST");
        return dockerHost != null && dockerHost.startsWith("unix://") ? dockerHost : "unix:///var/run/docker.sock";
    }

    /**
     * What the engine says when asked to look up an image in its registry, read here independently of the probe; the
     * tests that need an unreachable registry skip where one answers.
     */
    private static String registryUnreachable(String image) throws IOException {
        String answer = engineAnswer("/distribution/" + image + "/json");
        String message = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("message")
                .asText();
        assumeTrue(message.contains("dial tcp"), "a registry answers here: " + message);
        return message;
    }

    /** One request to the real engine with a plain blocking channel, the whole answer as text. */
    private static String engineAnswer(String path) throws IOException {
        Path socket = Path.of(realEngine().substring("unix://".length()));
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer.clear()) != -1) {
                received.write(buffer.array(), 0, buffer.position());
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * A stand-in engine on a Unix socket: answers {@code /_ping} with {@code OK}, other paths with the answers given
     * ({@code null}: reads the request and never answers), and anything else with 404.
     */
    private static final class FakeEngine implements AutoCloseable {
        private final Path socket;
        private final ServerSocketChannel listener;
        private final Map<String, Optional<String>> answers = new ConcurrentHashMap<>();
        private final Thread thread;

        FakeEngine(Path socket) throws IOException {
            this.socket = socket;
            this.listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(socket));
            route("/_ping", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
            thread = new Thread(this::serve, "fake-docker-engine");
            thread.setDaemon(true);
            thread.start();
        }

        void route(String path, String response) {
            answers.put(path, Optional.ofNullable(response));
        }

        DockerProbe probe(Optional<Path> dockerConfig) {
            return new DockerProbe(List.of(DockerEndpoints.parse("unix://" + socket, null, false)), dockerConfig);
        }

        private void serve() {
            while (listener.isOpen()) {
                try {
                    SocketChannel client = listener.accept();
                    Thread handler = new Thread(() -> handle(client), "fake-docker-request");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void handle(SocketChannel client) {
            try (client) {
                ByteBuffer buffer = ByteBuffer.allocate(8192);
                StringBuilder request = new StringBuilder();
                while (!request.toString().contains("\r\n\r\n") && client.read(buffer.clear()) != -1) {
                    request.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
                }
                String path = request.toString().split(" ", 3)[1];
                Optional<String> answer = answers.getOrDefault(path, Optional.of(notFound("page not found")));
                if (answer.isEmpty()) {
                    Thread.sleep(60_000);
                    return;
                }
                client.write(ByteBuffer.wrap(answer.get().getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | InterruptedException e) {
                // The probe gave up, or the test ended.
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            thread.interrupt();
        }
    }
}
