package dev.driftless.internal.server;

import dev.driftless.internal.SlowWait;
import dev.driftless.internal.server.DockerEndpoints.Endpoint;
import dev.driftless.internal.server.DockerEndpoints.Transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A quick look at a Docker engine with the JDK alone, bounded in time: which engine answers {@code GET /_ping} first,
 * in the order Testcontainers tries them ({@link DockerEndpoints}), and whether an image is present
 * ({@code GET /images/<name>/json}) or, if not, whether the engine could pull it
 * ({@code GET /distribution/<name>/json}, which asks the registry without pulling).
 *
 * <p>Every exchange is one HTTP/1.1 request on a non-blocking channel (Unix domain socket or TCP) watched by a
 * {@link Selector}, so that no read outlives its time limit: a blocking {@code SocketChannel} read would ignore
 * {@code SO_TIMEOUT}. Finding the engine takes at most {@link #ANSWER_TIMEOUT} in all; each image question at most as
 * long again, and the whole check at most {@link #TOTAL_TIMEOUT}.
 */
final class DockerProbe {

    /** How long finding an engine may take, and the most any one answer may take. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(1);

    /** How long a whole check (engine and images) may take. */
    static final Duration TOTAL_TIMEOUT = Duration.ofMillis(1800);

    private static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final Pattern GATEWAY = Pattern.compile("\"Gateway\"\\s*:\\s*\"[^\"]+\"");
    private static final Pattern IMAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@+-]*");

    private final List<Endpoint> candidates;
    private final Optional<Path> dockerConfig;

    /**
     * @param candidates where to look, in order
     * @param dockerConfig Docker's {@code config.json}, to tell whether a registry that asks for credentials may get
     *     them when Testcontainers pulls
     */
    DockerProbe(List<Endpoint> candidates, Optional<Path> dockerConfig) {
        this.candidates = List.copyOf(candidates);
        this.dockerConfig = dockerConfig;
    }

    /**
     * Looks where Testcontainers looks, from this process's environment and the user's home folder.
     *
     * @return the probe
     */
    static DockerProbe fromEnvironment() {
        Path home = Path.of(System.getProperty("user.home"));
        String osName = System.getProperty("os.name", "");
        Integer uid = null;
        try {
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // Not Linux: no /run/user/<uid>/docker.sock to look at.
        }
        String configDir = System.getenv("DOCKER_CONFIG");
        Path config = (configDir == null || configDir.isBlank() ? home.resolve(".docker") : Path.of(configDir))
                .resolve("config.json");
        return new DockerProbe(DockerEndpoints.resolve(System.getenv(), home, osName, uid), Optional.of(config));
    }

    /** One place looked at and why it is not the engine. */
    record Attempt(Endpoint endpoint, String failure) {

        /** @return e.g. {@code unix:///nonexistent (DOCKER_HOST: no such socket)} */
        String describe() {
            return endpoint.uri() + " (" + (endpoint.configured() ? endpoint.source() + ": " : "") + failure + ")";
        }
    }

    /**
     * What finding an engine gave.
     *
     * @param engine the first place that answers, if any
     * @param attempts the places looked at before it (all of them when none answers)
     */
    record Search(Optional<Endpoint> engine, List<Attempt> attempts) {
    }

    /** Whether an image can be had. */
    enum Availability {
        /** The engine has it. */
        PRESENT,
        /** The engine does not have it; its registry says it has it. */
        PULLABLE,
        /** The registry asks for credentials, and Docker's configuration has some for it. */
        PULLABLE_WITH_CREDENTIALS,
        /** The engine cannot tell (an older or compatible engine without the distribution endpoint). */
        UNKNOWN,
        /** Neither present nor obtainable. */
        UNAVAILABLE
    }

    /**
     * An image's state.
     *
     * @param availability whether it can be had
     * @param detail why, for {@link Availability#UNKNOWN} and {@link Availability#UNAVAILABLE}; else empty
     */
    record ImageState(Availability availability, String detail) {

        /** @return whether Testcontainers may go on with it */
        boolean obtainable() {
            return availability != Availability.UNAVAILABLE;
        }
    }

    /** An HTTP answer: status and body. */
    record Response(int status, String body) {
    }

    /** The exchange did not finish in time; the message says at which step. */
    static final class Timeout extends IOException {
        private static final long serialVersionUID = 1L;

        Timeout(String message) {
            super(message);
        }
    }

    /**
     * Looks for the engine, taking at most {@link #ANSWER_TIMEOUT} and never past the deadline.
     *
     * @param deadline a {@link System#nanoTime()} value
     * @return the engine found, with the places looked at before it
     */
    Search find(long deadline) {
        long end = Math.min(deadline, System.nanoTime() + ANSWER_TIMEOUT.toNanos());
        List<Attempt> attempts = new ArrayList<>();
        for (Endpoint endpoint : candidates) {
            Optional<Path> socket = endpoint.socket();
            if (socket.isPresent() && !Files.exists(socket.get())) {
                attempts.add(new Attempt(endpoint, "no such socket"));
                continue;
            }
            if (endpoint.transport() == Transport.UNCHECKABLE) {
                attempts.add(new Attempt(endpoint, uncheckable(endpoint.uri())));
                continue;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                attempts.add(new Attempt(endpoint, "not tried: the check's " + SlowWait.format(ANSWER_TIMEOUT)
                        + " were up"));
                continue;
            }
            Duration timeout = Duration.ofNanos(left);
            try {
                if (endpoint.transport() == Transport.TLS) {
                    connect(endpoint.address(), timeout);
                    return new Search(Optional.of(endpoint), attempts);
                }
                Response ping = get(endpoint.address(), "/_ping", timeout);
                if (ping.status() == 200) {
                    return new Search(Optional.of(endpoint), attempts);
                }
                attempts.add(new Attempt(endpoint, "it answers GET /_ping with HTTP " + ping.status()
                        + message(ping).map(m -> ": " + m).orElse("")));
            } catch (IOException e) {
                attempts.add(new Attempt(endpoint, failure(e)));
            }
        }
        return new Search(Optional.empty(), attempts);
    }

    /**
     * Tells whether the engine has an image or could pull it, never past the deadline.
     *
     * @param engine where the engine listens
     * @param image the image name, e.g. {@code postgres:17}
     * @param deadline a {@link System#nanoTime()} value
     * @return the image's state
     */
    ImageState image(Endpoint engine, String image, long deadline) {
        if (!IMAGE_NAME.matcher(image).matches()) {
            return new ImageState(Availability.UNAVAILABLE, "not a Docker image name");
        }
        Response inspect;
        try {
            inspect = get(engine.address(), "/images/" + image + "/json", timeLeft(deadline));
        } catch (IOException e) {
            return new ImageState(Availability.UNAVAILABLE, "the engine does not say whether it has it: "
                    + failure(e));
        }
        if (inspect.status() == 200) {
            return new ImageState(Availability.PRESENT, "");
        }
        if (inspect.status() != 404) {
            return new ImageState(Availability.UNKNOWN, "the engine answers GET /images/" + image + "/json with HTTP "
                    + inspect.status() + message(inspect).map(m -> ": " + m).orElse(""));
        }
        Duration timeout;
        try {
            timeout = timeLeft(deadline);
        } catch (Timeout e) {
            return new ImageState(Availability.UNAVAILABLE, e.getMessage());
        }
        try {
            return pullability(image, get(engine.address(), "/distribution/" + image + "/json", timeout));
        } catch (Timeout e) {
            return new ImageState(Availability.UNAVAILABLE, "its registry does not answer the engine within "
                    + shown(timeout));
        } catch (IOException e) {
            return new ImageState(Availability.UNAVAILABLE, "the engine stopped answering: " + failure(e));
        }
    }

    /**
     * Tells whether the engine's {@code bridge} network names a gateway ({@code IPAM.Config[].Gateway}), which
     * Testcontainers uses as the Docker host's address from inside a container.
     *
     * @param engine where the engine listens
     * @param deadline a {@link System#nanoTime()} value
     * @return {@code false} only when the engine answered and names none
     */
    boolean bridgeHasGateway(Endpoint engine, long deadline) {
        try {
            Response bridge = get(engine.address(), "/networks/bridge", timeLeft(deadline));
            return bridge.status() != 200 || GATEWAY.matcher(bridge.body()).find();
        } catch (IOException e) {
            return true;
        }
    }

    private ImageState pullability(String image, Response distribution) {
        if (distribution.status() == 200) {
            return new ImageState(Availability.PULLABLE, "");
        }
        String message = message(distribution).orElse("HTTP " + distribution.status());
        String lower = message.toLowerCase(Locale.ROOT);
        if (distribution.status() == 404 && lower.contains("page not found")) {
            return new ImageState(Availability.UNKNOWN, "this engine has no GET /distribution/<name>/json");
        }
        if (distribution.status() == 401 || distribution.status() == 403 || lower.contains("unauthorized")
                || lower.contains("denied") || lower.contains("authentication required")) {
            String registry = registry(image);
            if (hasCredentials(registry)) {
                return new ImageState(Availability.PULLABLE_WITH_CREDENTIALS, "");
            }
            return new ImageState(Availability.UNAVAILABLE, "its registry " + registry + " refuses it without"
                    + " credentials, and Docker's configuration has none for it: " + message);
        }
        if (lower.contains("dial tcp") || lower.contains("no such host") || lower.contains("i/o timeout")) {
            return new ImageState(Availability.UNAVAILABLE, "registry unreachable: " + message);
        }
        return new ImageState(Availability.UNAVAILABLE, "the engine says: " + message);
    }

    /** The registry an image comes from, as Docker reads a reference: Docker Hub unless the first part is a host. */
    static String registry(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "docker.io";
    }

    /** Whether Docker's configuration holds credentials (or a credential store) that may serve the registry. */
    private boolean hasCredentials(String registry) {
        if (dockerConfig.isEmpty() || !Files.isRegularFile(dockerConfig.get())) {
            return false;
        }
        try {
            String config = Files.readString(dockerConfig.get(), StandardCharsets.UTF_8);
            String key = registry.equals("docker.io") ? "index.docker.io" : registry;
            return config.contains("\"credsStore\"") || config.contains(key);
        } catch (IOException e) {
            return false;
        }
    }

    private static Duration timeLeft(long deadline) throws Timeout {
        long left = Math.min(deadline - System.nanoTime(), ANSWER_TIMEOUT.toNanos());
        if (left <= 0) {
            throw new Timeout("not checked: the check's " + SlowWait.format(TOTAL_TIMEOUT) + " were up");
        }
        return Duration.ofNanos(left);
    }

    private static String uncheckable(String uri) {
        int colon = uri.indexOf("://");
        return colon > 0 ? "a " + uri.substring(0, colon) + ":// address, which Driftless' quick check cannot reach"
                : "not a Docker address (unix://, tcp:// or https://)";
    }

    /** A failure in words: {@code connection refused}, {@code permission denied}, a timeout's own message. */
    static String failure(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof Timeout ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** Docker's error answers are {@code {"message":"..."}}. */
    static Optional<String> message(Response response) {
        String body = response.body();
        int key = body.indexOf("\"message\"");
        if (key < 0) {
            return Optional.empty();
        }
        int quote = body.indexOf('"', body.indexOf(':', key + 9) + 1);
        if (quote < 0) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (int i = quote + 1; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                return Optional.of(text.toString().strip());
            }
            if (c == '\\' && i + 1 < body.length()) {
                char escaped = body.charAt(++i);
                switch (escaped) {
                    case 'n' -> text.append(' ');
                    case 't' -> text.append(' ');
                    case 'u' -> {
                        if (i + 4 < body.length()) {
                            text.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    default -> text.append(escaped);
                }
            } else {
                text.append(c);
            }
        }
        return Optional.empty();
    }

    /** Opens a connection and closes it: all that is checked of a TLS endpoint. */
    static void connect(SocketAddress address, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = open(address); Selector selector = Selector.open()) {
            connect(channel, selector, resolve(address), deadline, timeout);
        }
    }

    /**
     * Sends {@code GET path} and reads the whole answer, within the time limit.
     *
     * @param address a Unix domain socket or TCP address
     * @param path the request path
     * @param timeout the time limit for everything: connecting, sending, receiving
     * @return the answer
     * @throws Timeout when the time limit passes, saying at which step
     * @throws IOException when the connection fails
     */
    static Response get(SocketAddress address, String path, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = open(address); Selector selector = Selector.open()) {
            SelectionKey key = connect(channel, selector, resolve(address), deadline, timeout);
            ByteBuffer request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: driftless\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String noAnswer = "it accepts connections but does not answer within " + shown(timeout);
            while (request.hasRemaining()) {
                if (channel.write(request) == 0) {
                    await(key, SelectionKey.OP_WRITE, deadline, noAnswer);
                }
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read == -1) {
                    break;
                }
                if (read == 0) {
                    await(key, SelectionKey.OP_READ, deadline, noAnswer);
                    continue;
                }
                received.write(buffer.array(), 0, read);
                if (received.size() > MAX_RESPONSE_BYTES) {
                    throw new IOException("the answer to GET " + path + " is larger than " + MAX_RESPONSE_BYTES + " bytes");
                }
                Optional<Response> complete = parse(received.toByteArray(), false);
                if (complete.isPresent()) {
                    return complete.get();
                }
            }
            return parse(received.toByteArray(), true).orElseThrow(() -> new IOException(
                    "it closed the connection without a whole HTTP answer to GET " + path));
        }
    }

    /** A time limit as messages show it, to the nearest 10 ms: a limit of 999.98 ms is "1 s". */
    private static String shown(Duration limit) {
        return SlowWait.format(Duration.ofMillis(Math.round(limit.toNanos() / 1e7) * 10));
    }

    private static SocketChannel open(SocketAddress address) throws IOException {
        SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        channel.configureBlocking(false);
        return channel;
    }

    private static SocketAddress resolve(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.isUnresolved()) {
            return new InetSocketAddress(inet.getHostString(), inet.getPort());
        }
        return address;
    }

    private static SelectionKey connect(SocketChannel channel, Selector selector, SocketAddress address, long deadline,
                                        Duration timeout) throws IOException {
        SelectionKey key = channel.register(selector, 0);
        if (!channel.connect(address)) {
            String noConnection = "it does not accept a connection within " + shown(timeout);
            while (!channel.finishConnect()) {
                await(key, SelectionKey.OP_CONNECT, deadline, noConnection);
            }
        }
        return key;
    }

    private static void await(SelectionKey key, int operation, long deadline, String timeoutMessage)
            throws IOException {
        key.interestOps(operation);
        long millis = (deadline - System.nanoTime()) / 1_000_000;
        if (millis <= 0 || key.selector().select(millis) == 0 && System.nanoTime() >= deadline) {
            throw new Timeout(timeoutMessage);
        }
        key.selector().selectedKeys().clear();
    }

    /**
     * Reads an HTTP answer: the status line, headers, and a body by {@code Content-Length}, chunked, or up to the end.
     *
     * @param bytes what was received
     * @param ended whether the connection was closed (the body then ends where the bytes end)
     * @return the answer, or empty when more bytes are needed
     */
    static Optional<Response> parse(byte[] bytes, boolean ended) throws IOException {
        try {
            return parseHttp(bytes, ended);
        } catch (NumberFormatException e) {
            throw new IOException("it does not speak HTTP (" + e.getMessage() + ")", e);
        }
    }

    private static Optional<Response> parseHttp(byte[] bytes, boolean ended) throws IOException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            if (ended) {
                throw new IOException("it does not speak HTTP (it answered " + bytes.length + " bytes without headers)");
            }
            return Optional.empty();
        }
        String[] lines = text.substring(0, headersEnd).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("it does not speak HTTP (it answered '" + lines[0].strip() + "')");
        }
        int code = Integer.parseInt(status[1]);
        long length = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).strip());
            } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                chunked = true;
            }
        }
        String body = text.substring(headersEnd + 4);
        if (chunked) {
            Optional<String> dechunked = dechunk(body);
            if (dechunked.isEmpty() && ended) {
                throw new IOException("it closed the connection in the middle of its answer");
            }
            return dechunked.map(b -> new Response(code, utf8(b)));
        }
        if (length >= 0) {
            if (body.length() >= length) {
                return Optional.of(new Response(code, utf8(body.substring(0, (int) length))));
            }
            if (ended) {
                throw new IOException("it closed the connection in the middle of its answer");
            }
            return Optional.empty();
        }
        return ended ? Optional.of(new Response(code, utf8(body))) : Optional.empty();
    }

    private static Optional<String> dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return Optional.empty();
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";", 2)[0].strip(), 16);
            if (size == 0) {
                return Optional.of(out.toString());
            }
            int start = lineEnd + 2;
            if (body.length() < start + size + 2) {
                return Optional.empty();
            }
            out.append(body, start, start + size);
            at = start + size + 2;
        }
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
