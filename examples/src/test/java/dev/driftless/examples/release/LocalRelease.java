package dev.driftless.examples.release;

import dev.driftless.testing.GuideSnippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code LocalRelease} is a second, independent build of the published modules, made once per test JVM the way a
 * release is made: the sources are copied to a temporary folder (so no path or state of this build can leak in) and
 * built there with the Maven Wrapper, offline, installing into a local repository of its own whose tail is this
 * build's repository (Maven's {@code maven.repo.local.tail}: third-party artifacts are read from it, nothing is
 * written to it). Tests use it to compare the two builds' jars and to build a user's project against the installed
 * artifacts, as a user whose only source is a Maven repository would.
 */
public final class LocalRelease {

    private static LocalRelease built;

    private final Path sources;
    private final Path repository;

    private LocalRelease(Path sources, Path repository) {
        this.sources = sources;
        this.repository = repository;
    }

    /**
     * Returns the second build, building it on first use (about a minute).
     *
     * @return the build, never {@code null}
     * @throws IllegalStateException when the build fails, with its output
     */
    public static synchronized LocalRelease get() {
        if (built == null) {
            built = build();
        }
        return built;
    }

    /** @return the root of the copied sources, where each module's {@code target/} of the second build is */
    public Path sources() {
        return sources;
    }

    /** @return the local repository the second build installed into */
    public Path repository() {
        return repository;
    }

    /** @return this build's local repository, read-only tail of {@link #repository()} */
    public static Path buildRepository() {
        return Path.of(System.getProperty("driftless.test.localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
    }

    /**
     * Runs the Maven Wrapper of the copied sources, offline, with the second build's local repository.
     *
     * @param directory the project to build
     * @param arguments Maven arguments, e.g. {@code "-q", "test"}
     * @return Maven's output (standard output and error)
     * @throws IllegalStateException when Maven fails, with its output
     */
    public String maven(Path directory, String... arguments) {
        return run(sources, directory, repository, arguments);
    }

    private static LocalRelease build() {
        try {
            Path root = GuideSnippets.repositoryRoot();
            Path work = Files.createTempDirectory("driftless-release");
            Path sources = work.resolve("driftless");
            Path repository = work.resolve("repository");
            copySources(root, sources);
            run(sources, sources, repository, "-q", "install", "-DskipTests",
                    "-pl", "core,seed-dsl,schema-assertions,junit-extension,cli", "-am");
            return new LocalRelease(sources, repository);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(Path sources, Path directory, Path repository, String... arguments) {
        List<String> command = new ArrayList<>(List.of(sources.resolve("mvnw").toString(), "-B", "-ntp", "-o",
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + buildRepository()));
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile("driftless-maven", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("MAVEN_ARGS");
            Process maven = builder.start();
            if (!maven.waitFor(10, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new IllegalStateException("Maven did not finish within 10 minutes: " + command);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (maven.exitValue() != 0) {
                throw new IllegalStateException("Maven failed (exit " + maven.exitValue() + "): " + command + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(from) && (name.equals("target") || name.equals(".git") || name.equals(".idea"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
