package dev.driftless.migration;

import dev.driftless.testing.ChildJvm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway engine, compiled against Flyway 13, with an older Flyway major that users still run (the POM's
 * {@code flyway.older.version}, copied to {@code target/} by the build): the studio project in a child JVM whose
 * class path has that Flyway instead of 13.
 */
class FlywayOlderMajorTest {

    @Test
    void theStudioProjectGivesTheSameVerdictsWithTheOlderMajor() throws IOException, InterruptedException {
        Path older = Path.of(System.getProperty("driftless.test.flyway.older", "target/flyway-older"));
        assertThat(older).as("the older Flyway's jars, copied by the build (run the tests through Maven)")
                .isDirectory();
        List<String> classPath = new ArrayList<>(ChildJvm.classPath(entry -> !entry.contains("org/flywaydb")));
        try (var jars = Files.list(older)) {
            jars.map(Path::toString).filter(jar -> jar.endsWith(".jar")).sorted().forEach(classPath::add);
        }
        String version = older.getFileName().toString().substring("flyway-".length());

        ChildJvm.Finished child = ChildJvm.run(Map.of(), Map.of(), classPath, FlywayEngineChildMain.class);

        assertThat(child.exitCode()).as(child.out() + child.err()).isZero();
        assertThat(child.out()).isEqualTo("""
                engine Flyway %s
                migrations [1 create party, 1.1 party email (undo), 2 create booking (undo), 3 Seed rate card, \
                4 booking index (undo), 5 rate card currency (undo)]
                applied [3, 4, 5]
                baseline 3 PASSED
                reversibility 1 SKIPPED
                reversibility 1.1 PASSED
                reversibility 2 PASSED
                reversibility 3 SKIPPED
                reversibility 4 PASSED
                reversibility 5 FAILED DOWN: 1 difference (1 structure);table studio.currency: added
                """.formatted(version));
    }
}
