package dev.driftless.internal.server;

import dev.driftless.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local user who races the embedded server's start never gets in without the password: the password is set by
 * initdb, and no {@code trust} line is ever written, for throw-away and reused data directories alike.
 */
class StartRaceTest {

    @Test
    void aClientRacingTheStartNeverConnectsWithoutThePassword(@TempDir Path parent, @TempDir Path cache)
            throws Exception {
        ServerConfig config = ServerConfig.embedded().withDataParent(parent).withCacheDir(cache);
        Racer racer = new Racer(List.of(parent, cache));
        Thread thread = new Thread(racer, "racer");
        thread.start();
        try {
            for (int i = 0; i < 5; i++) {
                EmbeddedServer.start(17, false, config).close();
            }
            for (int i = 0; i < 3; i++) {
                EmbeddedServer.start(17, true, config).close();
                awaitStopped(cache.resolve("embedded-pg17").resolve("data"));
            }
        } finally {
            racer.stop.set(true);
            thread.join();
        }

        assertThat(racer.connected).as("connections without the password").isEmpty();
        assertThat(racer.trustSeen).as("pg_hba.conf files seen with 'trust'").hasValue(0);
        assertThat(racer.attempts.get()).as("connection attempts while servers started").isPositive();
        assertThat(racer.hbaReads.get()).as("pg_hba.conf files read while servers started").isPositive();
    }

    private static void awaitStopped(Path data) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (Watchdog.postmaster(data).isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Watchdog.postmaster(data)).as("the reused server, stopped by its watchdog").isEmpty();
    }


    /** Watches for data directories, reads their pg_hba.conf and tries to log in without a password. */
    private static final class Racer implements Runnable {
        private final List<Path> roots;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger hbaReads = new AtomicInteger();
        private final AtomicInteger trustSeen = new AtomicInteger();
        private final List<String> connected = new ArrayList<>();

        Racer(List<Path> roots) {
            this.roots = roots;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                for (Path data : dataDirectories()) {
                    readHba(data);
                    List<String> pid = Watchdog.readLines(data.resolve("postmaster.pid"));
                    if (pid.size() >= 4) {
                        tryWithout(pid.get(3).trim(), null);
                        tryWithout(pid.get(3).trim(), "");
                        tryWithout(pid.get(3).trim(), "postgres");
                    }
                }
            }
        }

        private void readHba(Path data) {
            try {
                String hba = Files.readString(data.resolve("pg_hba.conf"));
                hbaReads.incrementAndGet();
                if (hba.lines().anyMatch(line -> !line.startsWith("#") && line.contains("trust"))) {
                    trustSeen.incrementAndGet();
                }
            } catch (IOException e) {
                // Not written yet, or gone already.
            }
        }

        private void tryWithout(String port, String password) {
            Properties properties = new Properties();
            properties.setProperty("user", "postgres");
            if (password != null) {
                properties.setProperty("password", password);
            }
            properties.setProperty("connectTimeout", "2");
            attempts.incrementAndGet();
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                    properties)) {
                synchronized (connected) {
                    connected.add("port " + port + " with password " + password);
                }
            } catch (SQLException refused) {
                // Expected: no password, or a wrong one, or not listening yet.
            }
        }

        private List<Path> dataDirectories() {
            List<Path> found = new ArrayList<>();
            for (Path root : roots) {
                try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
                    for (Path folder : folders) {
                        if (Files.isDirectory(folder.resolve(Watchdog.DATA))) {
                            found.add(folder.resolve(Watchdog.DATA));
                        }
                    }
                } catch (IOException e) {
                    // A folder being deleted.
                }
            }
            return found;
        }
    }
}
