package dev.driftless.cli;

import dev.driftless.server.Database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code CliProcess} runs the real shaded jar in a child JVM, as a user's shell would, and captures exit code,
 * standard output and standard error.
 */
final class CliProcess {

    /** What one run gave. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private CliProcess() {
    }

    static Path jar() {
        String jar = System.getProperty("driftless.cli.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("The CLI jar " + jar + " is missing: run these tests with ./mvnw verify "
                    + "(they run after the package phase has built it)");
        }
        return Path.of(jar);
    }

    /** Runs the jar on its own embedded server (the default). */
    static Result run(String... args) {
        return run(Map.of(), args);
    }

    /**
     * Runs the jar with {@code --provider external} pointed at the test JVM's shared server (fast: no second server).
     * The password goes through the environment, as users are told to pass it.
     */
    static Result runOn(Database admin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--jdbc-url", admin.jdbcUrl(), "--user", admin.user()));
        return run(Map.of("DRIFTLESS_JDBC_PASSWORD", admin.password()), all.toArray(String[]::new));
    }

    static Result run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            // The embedded binaries come through Maven: the build's local repository, as for the tests themselves.
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DRIFTLESS_JDBC_URL");
        builder.environment().remove("DRIFTLESS_PROVIDER");
        builder.environment().putAll(env);
        try {
            Path out = Files.createTempFile("driftless-out", ".txt");
            Path err = Files.createTempFile("driftless-err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("driftless " + String.join(" ", args) + " did not end within 5 minutes");
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
