package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ReuseSecretTest}: JVMs that start on a cold cache at once must derive the same passwords, so none may read
 * the secret while another is still writing it (seen as "password authentication failed" between two JVMs sharing a
 * reused server under load).
 */
class ReuseSecretTest {

    @Test
    void everyoneWhoRacesOnAColdCacheReadsTheSameSecret(@TempDir Path temp) throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 40; round++) {
                Path cache = temp.resolve("cache-" + round);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<String>> secrets = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    secrets.add(pool.submit(() -> {
                        start.await();
                        return ReuseSecret.load(cache);
                    }));
                }
                Set<String> seen = new HashSet<>();
                for (Future<String> secret : secrets) {
                    seen.add(secret.get());
                }
                assertThat(seen).as("round " + round).hasSize(1);
                assertThat(seen.iterator().next()).isNotBlank();
                try (var files = Files.list(cache)) {
                    assertThat(files.map(f -> f.getFileName().toString())).as("nothing half written left")
                            .containsExactly("docker-reuse.secret");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmptySecretFileIsNamedWithWhatToDo(@TempDir Path cache) throws Exception {
        Path file = cache.resolve("docker-reuse.secret");
        Files.writeString(file, "");

        assertThatThrownBy(() -> ReuseSecret.load(cache)).isInstanceOf(DriftlessException.class)
                .hasMessage(file + " is empty, so no password can be derived from it. Delete it and the embedded-pg*"
                        + " folders beside it, whose servers were set up with passwords derived from it (and remove"
                        + " reusable Driftless containers: docker rm -f).");
    }
}
