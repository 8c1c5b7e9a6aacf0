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
 * {@code ReproducibleBuildTest} checks that the published jars are reproducible: {@link LocalRelease} builds the
 * published modules a second time from a copy of the sources, and the SHA-256 of every jar it made (main jars,
 * sources jars, the CLI's runnable jar) is compared with the jar of the same name in this reactor. A jar that differs
 * is named with the entries that differ.
 */
class ReproducibleBuildTest {

    @Test
    void twoBuildsOfTheSameSourcesGiveIdenticalJars() throws Exception {
        LocalRelease release = LocalRelease.get();
        Path root = release.root();
        Path copy = release.sources();

        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (String module : LocalRelease.PUBLISHED) {
            List<Path> rebuilt = jarsIn(copy.resolve(module).resolve("target"));
            if (rebuilt.isEmpty() && !module.equals("bom")) {
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
        assertThat(compared).as("jars compared").isGreaterThanOrEqualTo(LocalRelease.PUBLISHED.size() - 1);
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
