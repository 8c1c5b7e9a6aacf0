package dev.driftless.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a Docker engine may listen, in the order Testcontainers 2.0.5 tries its strategies
 * ({@code DockerClientProviderStrategy.getFirstValidStrategy}): {@code tc.host} from {@code ~/.testcontainers.properties};
 * {@code DOCKER_HOST} (else {@code docker.host} from that file); the strategy that file remembers
 * ({@code docker.client.strategy}); rootless Docker's sockets (Linux); {@code /var/run/docker.sock}; Docker Desktop's
 * sockets. After them come sockets Testcontainers never looks at by itself (Colima's, Podman's): an engine found only
 * there is reported, with the {@code DOCKER_HOST} that would let Testcontainers use it.
 *
 * <p>Settings are read as Testcontainers reads them: an environment variable named after the key ({@code docker.host}
 * is {@code DOCKER_HOST}, {@code docker.client.strategy} is {@code TESTCONTAINERS_DOCKER_CLIENT_STRATEGY}) wins over
 * the user's {@code ~/.testcontainers.properties}; {@code tc.host} is read from that file only.
 */
final class DockerEndpoints {

    static final String PROPERTIES_FILE = "~/.testcontainers.properties";

    private static final String STRATEGY_PACKAGE = "org.testcontainers.dockerclient.";

    private DockerEndpoints() {
    }

    /** How an address is reached. */
    enum Transport {
        /** A Unix domain socket. */
        UNIX,
        /** Plain HTTP over TCP. */
        TCP,
        /** HTTPS over TCP (with client certificates): only whether it accepts connections is checked. */
        TLS,
        /** An address the quick check cannot reach ({@code npipe://}, {@code ssh://}, or not an address at all). */
        UNCHECKABLE
    }

    /**
     * One place an engine may listen.
     *
     * @param uri the address as Docker writes it, e.g. {@code unix:///var/run/docker.sock}
     * @param source the setting that named it ({@code DOCKER_HOST}, ...), or {@code null} for a usual socket
     * @param transport how it is reached
     * @param address the socket address; {@code null} for {@link Transport#UNCHECKABLE}
     * @param testcontainersLooks whether Testcontainers looks here by itself
     */
    record Endpoint(String uri, String source, Transport transport, SocketAddress address,
                    boolean testcontainersLooks) {

        /** @return the socket file of a Unix address */
        Optional<Path> socket() {
            return address instanceof UnixDomainSocketAddress unix ? Optional.of(unix.getPath()) : Optional.empty();
        }

        /** @return whether a setting named this address (rather than it being a usual socket) */
        boolean configured() {
            return source != null;
        }
    }

    /**
     * Resolves the places to look, in order, without duplicates.
     *
     * @param env the environment ({@code System.getenv()})
     * @param home the user's home folder
     * @param osName the {@code os.name} system property: rootless Docker's sockets are looked for on Linux only, and
     *     Windows has Docker's named pipe (which this check cannot reach), as with Testcontainers
     * @param uid this user's id, for {@code /run/user/<uid>/docker.sock}; {@code null} when unknown
     * @return the places, never empty
     */
    static List<Endpoint> resolve(Map<String, String> env, Path home, String osName, Integer uid) {
        boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
        Properties user = userProperties(home);
        Map<String, Endpoint> found = new LinkedHashMap<>();
        String tcHost = user.getProperty("tc.host");
        if (tcHost != null && !tcHost.isBlank()) {
            add(found, parse(tcHost, "tc.host in " + PROPERTIES_FILE, false));
        }
        boolean tls = truthy(setting(env, user, "docker.tls.verify"));
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            add(found, parse(dockerHost, "DOCKER_HOST", tls));
        } else if (user.getProperty("docker.host") != null && !user.getProperty("docker.host").isBlank()) {
            add(found, parse(user.getProperty("docker.host"), "docker.host in " + PROPERTIES_FILE, tls));
        }
        List<Path> rootless = new ArrayList<>();
        if (linux) {
            Optional.ofNullable(env.get("XDG_RUNTIME_DIR")).filter(s -> !s.isBlank())
                    .ifPresent(dir -> rootless.add(Path.of(dir, "docker.sock")));
            rootless.add(home.resolve(".docker/run/docker.sock"));
            if (uid != null) {
                rootless.add(Path.of("/run/user/" + uid + "/docker.sock"));
            }
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            add(found, parse("npipe:////./pipe/docker_engine", null, false));
        }
        List<Path> unix = List.of(Path.of("/var/run/docker.sock"));
        List<Path> desktop = List.of(home.resolve(".docker/desktop/docker.sock"), home.resolve(".docker/run/docker.sock"));
        // The strategy Testcontainers remembered from its last success is tried right after the two settings.
        String remembered = Optional.ofNullable(setting(env, user, "docker.client.strategy")).orElse("");
        Map<String, List<Path>> strategies = new LinkedHashMap<>();
        strategies.put(STRATEGY_PACKAGE + "RootlessDockerClientProviderStrategy", rootless);
        strategies.put(STRATEGY_PACKAGE + "UnixSocketClientProviderStrategy", unix);
        strategies.put(STRATEGY_PACKAGE + "DockerDesktopClientProviderStrategy", desktop);
        strategies.getOrDefault(remembered.strip(), List.of()).forEach(path -> add(found, socket(path, true)));
        strategies.values().forEach(paths -> paths.forEach(path -> add(found, socket(path, true))));
        add(found, socket(home.resolve(".colima/default/docker.sock"), false));
        Optional.ofNullable(env.get("XDG_RUNTIME_DIR")).filter(s -> !s.isBlank())
                .ifPresent(dir -> add(found, socket(Path.of(dir, "podman/podman.sock"), false)));
        add(found, socket(Path.of("/run/podman/podman.sock"), false));
        return List.copyOf(found.values());
    }

    /**
     * Reads one address.
     *
     * @param uri {@code unix:///path}, {@code tcp://host:port}, {@code http://...}, {@code https://...}
     * @param source the setting that named it
     * @param tlsVerify whether {@code DOCKER_TLS_VERIFY} asks for TLS on {@code tcp://}
     * @return the endpoint; {@link Transport#UNCHECKABLE} for anything else
     */
    static Endpoint parse(String uri, String source, boolean tlsVerify) {
        String value = uri.strip();
        try {
            if (value.startsWith("unix://")) {
                return new Endpoint(value, source, Transport.UNIX,
                        UnixDomainSocketAddress.of(value.substring("unix://".length())), true);
            }
            URI parsed = URI.create(value);
            String scheme = Optional.ofNullable(parsed.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if ((scheme.equals("tcp") || scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null) {
                boolean tls = scheme.equals("https") || scheme.equals("tcp") && tlsVerify;
                int port = parsed.getPort() != -1 ? parsed.getPort() : tls ? 2376 : 2375;
                return new Endpoint(value, source, tls ? Transport.TLS : Transport.TCP,
                        InetSocketAddress.createUnresolved(parsed.getHost(), port), true);
            }
        } catch (IllegalArgumentException e) {
            // Not an address this check can read; reported as such below.
        }
        return new Endpoint(value, source, Transport.UNCHECKABLE, null, true);
    }

    private static Endpoint socket(Path path, boolean testcontainersLooks) {
        return new Endpoint("unix://" + path, null, Transport.UNIX, UnixDomainSocketAddress.of(path),
                testcontainersLooks);
    }

    private static void add(Map<String, Endpoint> found, Endpoint endpoint) {
        found.putIfAbsent(endpoint.socket().map(Path::toString).orElse(endpoint.uri()), endpoint);
    }

    /** As Testcontainers' {@code getEnvVarOrUserProperty}: the environment variable, else the user's file. */
    private static String setting(Map<String, String> env, Properties user, String key) {
        String variable = key.replace('.', '_').toUpperCase(Locale.ROOT);
        if (!variable.startsWith("TESTCONTAINERS_") && !variable.startsWith("DOCKER_")) {
            variable = "TESTCONTAINERS_" + variable;
        }
        return env.containsKey(variable) ? env.get(variable) : user.getProperty(key);
    }

    /** As Docker reads {@code DOCKER_TLS_VERIFY}: set to anything but empty, {@code 0} or {@code false}. */
    private static boolean truthy(String value) {
        return value != null && !value.isBlank() && !value.strip().equals("0")
                && !value.strip().equalsIgnoreCase("false");
    }

    private static Properties userProperties(Path home) {
        Properties properties = new Properties();
        Path file = home.resolve(".testcontainers.properties");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // Testcontainers ignores a file it cannot read as well.
            }
        }
        return properties;
    }
}
