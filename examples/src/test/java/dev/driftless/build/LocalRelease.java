package dev.driftless.build;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code LocalRelease} is a second, independent build of the published modules, made once per test JVM the way a
 * release is made: the sources of this build (everything but {@code target} folders and {@code .git}) are copied to a
 * temporary folder, so no path or state of this build can leak in, and built there with the Maven Wrapper, offline,
 * installing into a local repository of its own. Third-party artifacts come from this build's local repository, given
 * to Maven as the read-only tail of the new one ({@code maven.repo.local.tail}), so nothing is written to it.
 *
 * <p>{@link ReproducibleBuildTest} compares the two builds' jars; {@code UserProjectTest} builds a user's project
 * against the installed artifacts, as a user whose only source is a Maven repository would. The reactor's root and its
 * local repository come from system properties set in {@code examples/pom.xml}; this module's tests run after the
 * published modules are packaged, so their jars are those of this build.
 */
public final class LocalRelease {

    /** The published modules, by folder; the second build makes these and what they need. */
    static final List<String> PUBLISHED = List.of("core", "seed-dsl", "schema-assertions", "junit-extension", "cli",
            "bom");

    private static final Set<String> NOT_COPIED = Set.of(".git", "target", ".idea");
    private static LocalRelease built;

    private final Path root;
    private final Path sources;
    private final Path repository;

    private LocalRelease(Path root, Path sources, Path repository) {
        this.root = root;
        this.sources = sources;
        this.repository = repository;
    }

    /**
     * Returns the second build, making it on first use (about a minute).
     *
     * @return the build, never {@code null}
     * @throws IllegalStateException when the build fails, with Maven's output
     */
    public static synchronized LocalRelease get() {
        if (built == null) {
            built = build();
        }
        return built;
    }

    /** @return the root of this build, whose modules' {@code target/} hold this build's jars */
    public Path root() {
        return root;
    }

    /** @return the root of the copied sources, whose modules' {@code target/} hold the second build's jars */
    public Path sources() {
        return sources;
    }

    /** @return the local repository the second build installed the published artifacts into */
    public Path repository() {
        return repository;
    }

    /**
     * Runs the second build's Maven Wrapper, offline, on a project, with the second build's local repository.
     *
     * @param project the folder of the project to build
     * @param arguments Maven arguments, e.g. {@code "test"}
     * @return Maven's output, standard output and error
     * @throws IllegalStateException when Maven fails, with its output
     */
    public String maven(Path project, String... arguments) {
        return run(sources, project, repository, arguments);
    }

    private static LocalRelease build() {
        try {
            Path root = Path.of(System.getProperty("driftless.build.root", "..")).toAbsolutePath().normalize();
            Path work = Files.createTempDirectory("driftless-release");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work)));
            Path sources = work.resolve("sources");
            Path repository = work.resolve("repository");
            copySources(root, sources);
            run(sources, sources, repository, "-q", "install", "-Dmaven.test.skip=true",
                    "-pl", String.join(",", PUBLISHED), "-am");
            return new LocalRelease(root, sources, repository);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(Path sources, Path project, Path repository, String... arguments) {
        List<String> command = new ArrayList<>(List.of("sh", sources.resolve("mvnw").toString(), "-B", "-ntp", "-o",
                "-Dmaven.repo.local=" + repository));
        String tail = Stream.of(property("driftless.build.localRepository"),
                        property("driftless.build.localRepositoryTail"))
                .flatMap(Optional::stream).collect(Collectors.joining(","));
        if (!tail.isEmpty()) {
            command.add("-Dmaven.repo.local.tail=" + tail);
        }
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile("driftless-maven", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // The second build is the user's: no option of this build's command line reaches it.
            builder.environment().remove("MAVEN_ARGS");
            Process maven = builder.start();
            if (!maven.waitFor(15, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new IllegalStateException("Maven did not finish within 15 minutes: " + String.join(" ", command));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (maven.exitValue() != 0) {
                throw new IllegalStateException("Maven failed (exit " + maven.exitValue() + "): "
                        + String.join(" ", command) + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A system property set by the pom, unless Maven left it unset ({@code ${...}}). */
    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).filter(v -> !v.isBlank() && !v.startsWith("${"));
    }

    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
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

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A temporary folder; what is left is the system's to clean.
        }
    }
}
