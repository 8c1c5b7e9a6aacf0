package dev.driftless.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a test main class with this JVM's class path, whose output lines the test can wait for, and
 * which the test can kill for real ({@link #kill()} sends SIGKILL on Linux).
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child is gone.
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a child JVM.
     *
     * @param systemProperties {@code -D} properties for it
     * @param main the main class
     * @param args its arguments
     * @return the running child
     * @throws IOException when it cannot start
     */
    public static ChildJvm start(Map<String, String> systemProperties, Class<?> main, String... args) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m"));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null && !systemProperties.containsKey("maven.repo.local")) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), main.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * What a child JVM that ran to its end wrote.
     *
     * @param exitCode its exit code
     * @param out what it wrote to standard output
     * @param err what it wrote to standard error
     */
    public record Finished(int exitCode, String out, String err) {
    }

    /**
     * Runs a test main class in a child JVM to its end (3 minutes at most), its standard output and error apart.
     *
     * @param env environment variables set on top of this JVM's
     * @param systemProperties {@code -D} properties for it
     * @param classPath keeps the entries of this JVM's class path it accepts (to leave out an SLF4J provider, say)
     * @param main the main class
     * @param args its arguments
     * @return what it wrote and how it ended
     * @throws IOException when it cannot start
     */
    public static Finished run(Map<String, String> env, Map<String, String> systemProperties,
                               Predicate<String> classPath, Class<?> main, String... args)
            throws IOException, InterruptedException {
        return run(env, systemProperties, classPath(classPath), main, args);
    }

    /**
     * @param keep which entries of this JVM's class path to keep
     * @return those entries, in order
     */
    public static List<String> classPath(Predicate<String> keep) {
        return Arrays.stream(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator)).filter(keep).toList();
    }

    /**
     * Runs a test main class in a child JVM to its end (3 minutes at most) with the given class path, e.g. this JVM's
     * with one library replaced by another version of it.
     *
     * @param env environment variables set on top of this JVM's
     * @param systemProperties {@code -D} properties for it
     * @param classPath the child's class path entries
     * @param main the main class
     * @param args its arguments
     * @return what it wrote and how it ended
     * @throws IOException when it cannot start
     */
    public static Finished run(Map<String, String> env, Map<String, String> systemProperties,
                               List<String> classPath, Class<?> main, String... args)
            throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m"));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), main.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("The child JVM did not exit. It printed:\n" + Files.readString(out)
                        + Files.readString(err));
            }
            return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Waits for an output line that starts with a prefix.
     *
     * @param prefix the prefix
     * @param timeout how long to wait
     * @return the line
     * @throws AssertionError when it does not come, with everything the child printed
     */
    public String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("The child JVM did not print a line starting with '" + prefix + "' within "
                        + timeout + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                        + ". It printed:\n" + output);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** @return the process */
    public Process process() {
        return process;
    }

    /** @return everything printed so far */
    public String output() {
        return output.toString();
    }

    /** Kills the child with SIGKILL and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Closes the child's standard input and waits for it to exit.
     *
     * @return its exit code
     */
    public int endInputAndWait() throws IOException, InterruptedException {
        process.getOutputStream().close();
        return waitForExit();
    }

    /** @return the exit code, after waiting up to 3 minutes */
    public int waitForExit() throws InterruptedException {
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The child JVM did not exit. It printed:\n" + output);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
