package dev.driftless.migration;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.TestServers;

import java.util.Map;

/**
 * Runs the studio project through the Flyway engine with whatever Flyway is on the class path, and prints what it
 * found, one line per fact: {@link FlywayOlderMajorTest} runs it with an older Flyway major.
 */
public final class FlywayEngineChildMain {

    private FlywayEngineChildMain() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        PostgresServer server = TestServers.embedded();
        MigrationEngine engine = FlywaySettings.defaults().withEnvironment(Map.of())
                .withLocations("classpath:flyway/studio/migration", "classpath:flyway/studio/common",
                        "classpath:flyway/studio/java")
                .engine();
        System.out.println("engine " + engine.name());
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            System.out.println("migrations " + engine.migrations(db).stream().map(m -> m.version() + " "
                    + m.description() + (m.down().isPresent() ? " (undo)" : "")).toList());
            engine.migrateToLatest(db);
            System.out.println("applied " + engine.appliedVersions(db));
        }
        ChainChecks checks = ChainChecks.on(server);
        for (CheckResult result : checks.baselines(engine)) {
            System.out.println("baseline " + result.migration().orElseThrow().version() + " " + result.verdict());
        }
        for (CheckResult result : checks.reversibility(engine)) {
            System.out.println("reversibility " + result.migration().orElseThrow().version() + " " + result.verdict()
                    + result.differences().stream().map(c -> " " + c.step() + ": " + c.diff().toText().strip()
                    .replace('\n', ';')).reduce("", String::concat));
        }
        System.exit(0);
    }
}
