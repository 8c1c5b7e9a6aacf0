package dev.driftless.internal.server;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Maven repository over HTTP on loopback, as a corporate mirror would be: serves the files of a folder under
 * {@code /maven2/}, to clients that authenticate with one user and password (basic authentication), and remembers
 * the paths it was asked for once authenticated. It answers requests sent to it as an HTTP proxy too (an absolute
 * URL whose path is under {@code /maven2/}), as if it were the repository they name.
 */
final class RepositoryServer implements AutoCloseable {

    private final HttpServer server;
    private final List<String> served = new CopyOnWriteArrayList<>();

    private RepositoryServer(Path root, String user, String password) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/maven2/", exchange -> serve(root, exchange)).setAuthenticator(
                new BasicAuthenticator("mirror") {
                    @Override
                    public boolean checkCredentials(String givenUser, String givenPassword) {
                        return user.equals(givenUser) && password.equals(givenPassword);
                    }
                });
        server.start();
    }

    /**
     * Starts a server.
     *
     * @param root the repository's folder
     * @param user the one user allowed in
     * @param password that user's password
     * @return the running server
     */
    static RepositoryServer serving(Path root, String user, String password) throws IOException {
        return new RepositoryServer(root, user, password);
    }

    /** @return the repository's URL: {@code http://127.0.0.1:<port>/maven2} */
    String url() {
        return "http://127.0.0.1:" + port() + "/maven2";
    }

    /** @return the port it listens on, on 127.0.0.1 */
    int port() {
        return server.getAddress().getPort();
    }

    /** @return the paths below {@code /maven2/} asked for by authenticated clients, in order */
    List<String> served() {
        return List.copyOf(served);
    }

    private void serve(Path root, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/maven2/".length());
        served.add(exchange.getRequestMethod() + " " + path);
        Path file = root.resolve(path).normalize();
        try (exchange) {
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : Files.size(file));
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
