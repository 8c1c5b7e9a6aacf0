package dev.driftless.benchmarks;

import dev.driftless.internal.server.ServerLauncher;
import dev.driftless.server.ProviderKind;
import dev.driftless.server.ServerConfig;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13's benchmark: how long {@code auto} takes to decide between Docker and the embedded server, in a fresh JVM
 * each time (so class loading counts), in three situations; against the old way, Testcontainers'
 * {@code DockerClientFactory.isDockerAvailable()}, measured in the same run and capped.
 *
 * <pre>benchmarks/run.sh AutoDecisionBenchmark [runs] [cap-seconds]</pre>
 *
 * <ul>
 *   <li><b>Docker absent</b>: the child runs in a mount namespace of its own with an empty {@code /run}
 *   ({@code unshare -m}, root only), so that no Docker socket exists, and without {@code DOCKER_HOST};</li>
 *   <li><b>present and healthy</b>: {@code DOCKER_HOST=unix:///var/run/docker.sock},
 *   {@code TESTCONTAINERS_RYUK_DISABLED=true}, {@code TESTCONTAINERS_HOST_OVERRIDE=localhost} (this machine runs in a
 *   container, where Testcontainers otherwise runs {@code alpine:3.17} to find the Docker host's address), image
 *   {@code postgres:15} present;</li>
 *   <li><b>present, image not pullable</b>: the same engine with Testcontainers' defaults (Ryuk on, no host
 *   override), image {@code postgres:17} absent and no registry reachable (as behind a corporate registry): neither
 *   the image nor Testcontainers' helper images can be pulled.</li>
 * </ul>
 *
 * <p>Each child reports the time from the start of its {@code main} to the decision, and from the JVM's start. The
 * old way runs {@code runs} times too, except that after its first run over {@code cap-seconds} (default 60) a
 * situation is not repeated, and is reported as "&gt; cap".
 */
public final class AutoDecisionBenchmark {

    private static final String RESULT = "RESULT ";
    private static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");

    private AutoDecisionBenchmark() {
    }

    /** One situation: the child's environment, the image, and whether it needs a namespace without sockets. */
    private record Situation(String name, Map<String, String> env, String image, boolean hideSockets) {
    }

    /** One child's answer: milliseconds in main, milliseconds since the JVM started, and what it decided. */
    private record Answer(double mainMillis, double jvmMillis, String decision) {
    }

    /**
     * @param args optional: runs per situation and way (default 10), the old way's cap in seconds (default 60)
     * @throws Exception when a child cannot run
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], args[2]);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int capSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        System.out.println("Load: " + Machine.loadAverage());
        List<Situation> situations = List.of(
                new Situation("Docker absent", Map.of(), "postgres:15", true),
                new Situation("present and healthy", Map.of("DOCKER_HOST", "unix://" + DOCKER_SOCKET,
                        "TESTCONTAINERS_RYUK_DISABLED", "true", "TESTCONTAINERS_HOST_OVERRIDE", "localhost"),
                        "postgres:15", false),
                new Situation("present, image not pullable", Map.of("DOCKER_HOST", "unix://" + DOCKER_SOCKET),
                        "postgres:17", false));
        List<String> table = new ArrayList<>();
        for (Situation situation : situations) {
            if (situation.hideSockets() && !canHideSockets()) {
                table.add(String.format(Locale.ROOT, "%-28s skipped: needs 'unshare -m' (root)", situation.name()));
                continue;
            }
            List<Answer> fresh = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                fresh.add(runChild(situation, "new", 30).orElseThrow(() -> new IllegalStateException(
                        "the auto decision took longer than 30 s in " + situation.name())));
            }
            List<Answer> old = new ArrayList<>();
            boolean capped = false;
            for (int run = 0; run < runs && !capped; run++) {
                Optional<Answer> answer = runChild(situation, "old", capSeconds);
                answer.ifPresent(old::add);
                capped = answer.isEmpty();
            }
            System.out.println(situation.name() + ": " + fresh.get(0).decision());
            table.add(String.format(Locale.ROOT, "%-28s new: %s (since JVM start: %s)", situation.name(),
                    summary(fresh, false), summary(fresh, true)));
            String oldWay = old.isEmpty() ? "> " + capSeconds + " s (capped; 1 run)"
                    : summary(old, false) + " -> isDockerAvailable() = " + old.get(0).decision()
                    + (capped ? "; then a run > " + capSeconds + " s (capped)" : "");
            table.add(String.format(Locale.ROOT, "%-28s old: %s", "", oldWay));
        }
        System.out.println();
        table.forEach(System.out::println);
        System.out.println("Load after: " + Machine.loadAverage());
    }

    /** In the child JVM: decides the new way or asks Testcontainers the old way, then reports. */
    private static void child(String way, String image) {
        long started = System.nanoTime();
        String decision;
        if (way.equals("new")) {
            decision = ServerLauncher.decide(ServerConfig.docker(image).withProvider(ProviderKind.AUTO)).describe();
        } else {
            // As the old DockerServer.dockerAvailable(): isDockerAvailable() lets some failures through.
            try {
                decision = Boolean.toString(DockerClientFactory.instance().isDockerAvailable());
            } catch (RuntimeException e) {
                decision = "false (" + e.getClass().getSimpleName() + ")";
            }
        }
        long inMain = System.nanoTime() - started;
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(RESULT + inMain / 1e6 + " " + sinceStart + " " + decision);
        // The old way leaves Testcontainers' threads behind; the measurement is taken.
        System.exit(0);
    }

    private static Optional<Answer> runChild(Situation situation, String way, int capSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (situation.hideSockets()) {
            command.addAll(List.of("unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /run && exec \"$0\" \"$@\""));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                AutoDecisionBenchmark.class.getName(), "child", way, situation.image()));
        Path output = Files.createTempFile("auto-decision", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().remove("DOCKER_HOST");
            builder.environment().remove("TESTCONTAINERS_RYUK_DISABLED");
            builder.environment().remove("TESTCONTAINERS_HOST_OVERRIDE");
            builder.environment().putAll(situation.env());
            Process process = builder.start();
            if (!process.waitFor(capSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
                return Optional.empty();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            String line = text.lines().filter(l -> l.startsWith(RESULT)).findFirst().orElseThrow(() ->
                    new IllegalStateException("the child (" + way + ", " + situation.name() + ") printed:\n" + text));
            String[] parts = line.substring(RESULT.length()).split(" ", 3);
            return Optional.of(new Answer(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), parts[2]));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean canHideSockets() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /run && test ! -e "
                    + DOCKER_SOCKET).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String summary(List<Answer> answers, boolean sinceJvmStart) {
        long[] nanos = answers.stream().mapToLong(a -> (long) ((sinceJvmStart ? a.jvmMillis() : a.mainMillis()) * 1e6))
                .toArray();
        return Stats.ofNanos(nanos).spread(0);
    }
}
