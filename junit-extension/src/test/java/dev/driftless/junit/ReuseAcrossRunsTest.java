package dev.driftless.junit;

import dev.driftless.template.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * With {@code driftless.reuse=true}, a second JVM run with unchanged migrations reuses the template of the first and
 * runs no migration; a changed migration builds a new template and drops the stale one. Each run is its own JVM, as
 * two {@code ./mvnw test} runs are.
 */
class ReuseAcrossRunsTest {

    private static final Pattern MARKER = Pattern.compile("REUSE marker=(\\S+) templates=(\\S*)");

    @Test
    void aSecondRunReusesTheTemplateAndAChangedMigrationReplacesIt(@TempDir Path project) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("reuse-migrations"));
        Files.writeString(migrations.resolve("001_marker.sql"),
                "CREATE TABLE build_marker AS SELECT gen_random_uuid()::text AS id;\n");

        Run first = run(project);
        Run second = run(project);
        Files.writeString(migrations.resolve("002_more.sql"), "CREATE TABLE more (id int);\n");
        Run third = run(project);

        assertThat(first.output).contains("Migrated ").contains("1 tests successful");
        assertThat(second.output).as("second run's output").doesNotContain("Migrated ")
                .contains("reusing template").contains("1 tests successful");
        assertThat(second.marker).as("the template of the first run").isEqualTo(first.marker);
        assertThat(second.templates).isEqualTo(first.templates).hasSize(1);

        assertThat(third.output).contains("Migrated ").contains("Dropped 1 stale template(s)");
        assertThat(third.marker).isNotEqualTo(first.marker);
        assertThat(third.templates).hasSize(1).doesNotContainAnyElementsOf(first.templates);
    }

    private static Run run(Path project) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddriftless.reuse=true", "-Ddriftless.provider=embedded",
                "-Ddriftless.cache.dir=" + project.resolve("cache"),
                "-cp", classPath, ReuseRun.class.getName()));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(bytes, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        Matcher matcher = MARKER.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return new Run(output, matcher.group(1), List.of(matcher.group(2).split(",")));
    }

    private record Run(String output, String marker, List<String> templates) {
    }

    /** The second JVM: runs {@link ReuseFixture} through the JUnit Platform launcher, as a build would. */
    public static final class ReuseRun {
        public static void main(String[] args) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(ReuseFixture.class))
                    .configurationParameter(Kit.FIXTURES_PARAMETER, "true")
                    .build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(request, summary);
            summary.getSummary().printTo(new java.io.PrintWriter(System.out, true));
            summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 20);
            System.exit(summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "reuse-migrations")
    static class ReuseFixture {
        @Test
        void printsTheMarker(Connection connection, dev.driftless.server.PostgresServer server) throws Exception {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM build_marker")) {
                rs.next();
                List<String> templates = server.driftlessDatabases().stream()
                        .filter(Templates.of(server)::isTemplateName).toList();
                System.out.println("REUSE marker=" + rs.getString(1) + " templates=" + String.join(",", templates));
            }
        }
    }
}
