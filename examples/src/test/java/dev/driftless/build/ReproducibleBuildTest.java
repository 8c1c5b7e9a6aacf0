package dev.driftless.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code ReproducibleBuildTest} checks that the published jars are reproducible: it copies the sources of this build
 * (everything but {@code target} folders and {@code .git}) to a temporary folder, builds the published modules there
 * again with the wrapper, offline, and compares the SHA-256 of every jar that second build makes (main jars, sources
 * jars, the CLI's runnable jar) with the jar of the same name in this reactor. A jar that differs is named with the
 * entries that differ.
 *
 * <p>The reactor's root and its local repository come from system properties set in {@code examples/pom.xml}; this
 * module's tests run after the published modules are packaged, so their jars are those of this build.
 */
class ReproducibleBuildTest {

    /** The published modules, by folder; the second build makes these and what they need. */
    private static final List<String> PUBLISHED = List.of("core", "seed-dsl", "schema-assertions", "junit-extension",
            "cli");

    private static final Set<String> NOT_COPIED = Set.of(".git", "target", ".idea");

    @Test
    void twoBuildsOfTheSameSourcesGiveIdenticalJars(@TempDir Path temp) throws Exception {
        Path root = Path.of(System.getProperty("driftless.build.root", "..")).toAbsolutePath().normalize();
        Path copy = temp.resolve("sources");
        copySources(root, copy);

        build(copy, temp.resolve("build.log"));

        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (String module : PUBLISHED) {
            List<Path> rebuilt = jarsIn(copy.resolve(module).resolve("target"));
            if (rebuilt.isEmpty()) {
                problems.add(module + ": the second build made no jar");
            }
            for (Path again : rebuilt) {
                Path first = root.resolve(module).resolve("target").resolve(again.getFileName().toString());
                compared++;
                if (!Files.isRegularFile(first)) {
                    problems.add(module + "/target/" + first.getFileName() + ": missing in this build (package the"
                            + " modules first: ./mvnw verify from the root)");
                } else if (!sha256(first).equals(sha256(again))) {
                    problems.add(module + "/target/" + first.getFileName() + " differs (SHA-256 " + sha256(first)
                            + " here, " + sha256(again) + " in the second build); entries that differ:"
                            + entryDifferences(first, again));
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("Two builds of the same sources gave different jars (" + compared + " compared):\n"
                    + String.join("\n", problems));
        }
        assertThat(compared).as("jars compared").isGreaterThanOrEqualTo(PUBLISHED.size());
    }

    private static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && NOT_COPIED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Packages the published modules in {@code copy}, offline, with the local repository of this build. */
    private static void build(Path copy, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "./mvnw", "-B", "-ntp", "-o", "-q", "package",
                "-Dmaven.test.skip=true", "-pl", String.join(",", PUBLISHED), "-am"));
        repositoryOption("driftless.build.localRepository", "maven.repo.local").ifPresent(command::add);
        repositoryOption("driftless.build.localRepositoryTail", "maven.repo.local.tail").ifPresent(command::add);
        Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the second build did not finish within 15 minutes: " + String.join(" ", command) + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        if (process.exitValue() != 0) {
            fail("the second build failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /** {@code -Dname=value} from a system property set by the pom, unless Maven left it unset ({@code ${...}}). */
    private static Optional<String> repositoryOption(String property, String mavenProperty) {
        return Optional.ofNullable(System.getProperty(property))
                .filter(value -> !value.isBlank() && !value.startsWith("${"))
                .map(value -> "-D" + mavenProperty + "=" + value);
    }

    private static List<Path> jarsIn(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("driftless-.*\\.jar")).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in.readAllBytes());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each entry present in one jar only, or whose bytes or time differ; at most 20. */
    private static String entryDifferences(Path first, Path again) throws IOException {
        Map<String, Entry> one = entries(first);
        Map<String, Entry> two = entries(again);
        Set<String> names = new TreeSet<>(one.keySet());
        names.addAll(two.keySet());
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            Entry here = one.get(name);
            Entry there = two.get(name);
            if (here == null || there == null) {
                lines.add(name + " (only in " + (here != null ? "this build" : "the second build") + ")");
            } else if (!here.sha256().equals(there.sha256())) {
                lines.add(name + " (other bytes)");
            } else if (here.time() != there.time()) {
                lines.add(name + " (time " + Instant.ofEpochMilli(here.time()) + " here, "
                        + Instant.ofEpochMilli(there.time()) + " in the second build)");
            }
        }
        if (lines.isEmpty()) {
            lines.add(new ArrayList<>(one.keySet()).equals(new ArrayList<>(two.keySet()))
                    ? "none by name, time and bytes: the archives differ in zip metadata (compression, extra fields)"
                    : "none by name, time and bytes: the entries come in another order");
        }
        int shown = Math.min(lines.size(), 20);
        return "\n  " + String.join("\n  ", lines.subList(0, shown))
                + (lines.size() > shown ? "\n  ... and " + (lines.size() - shown) + " more" : "");
    }

    /** Entry name → its time and SHA-256, in the jar's order. */
    private static Map<String, Entry> entries(Path jar) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), new Entry(entry.getTime(), sha256(in.readAllBytes())));
                }
            }
        }
        return entries;
    }

    private record Entry(long time, String sha256) {
    }
}
