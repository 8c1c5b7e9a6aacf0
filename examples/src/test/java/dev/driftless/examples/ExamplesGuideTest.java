package dev.driftless.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ExamplesGuideTest} keeps docs/examples.md honest: every {@code java} code block in it must be an excerpt, line
 * for line (indentation aside), of a test in this module, so the guide shows only code the build compiles and runs.
 */
class ExamplesGuideTest {

    private static final Path GUIDE = Path.of("../docs/examples.md");
    private static final Path SOURCES = Path.of("src/test/java/dev/driftless/examples");

    @Test
    void everyJavaBlockOfTheGuideIsCompiledCode() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(stripped(Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }

        List<List<String>> blocks = javaBlocks(Files.readAllLines(GUIDE, StandardCharsets.UTF_8));

        assertThat(blocks).as("java blocks in %s", GUIDE).hasSizeGreaterThanOrEqualTo(5);
        assertThat(blocks).allSatisfy(block -> assertThat(sources)
                .as("this block of %s is not an excerpt of any test under %s:%n%s", GUIDE, SOURCES,
                        String.join("\n", block))
                .anyMatch(source -> contains(source, block)));
    }

    private static List<List<String>> javaBlocks(List<String> guide) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : guide) {
            if (block == null && line.strip().equals("```java")) {
                block = new ArrayList<>();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(stripped(block));
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        return blocks;
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    private static boolean contains(List<String> source, List<String> block) {
        return Collections.indexOfSubList(source, block) >= 0;
    }
}
