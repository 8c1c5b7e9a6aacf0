package dev.driftless.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something listens on a local port, for the tests that check that servers are gone. */
public final class Ports {

    private Ports() {
    }

    /**
     * @param port a port on localhost
     * @return whether a connection to it succeeds within half a second
     */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
