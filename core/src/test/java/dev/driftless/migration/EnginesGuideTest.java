package dev.driftless.migration;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.GuideSnippets;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The code shown in docs/engines.md, compiled and run here so that the guide cannot rot. */
class EnginesGuideTest {

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/engines.md")
                .assertShowsOnlyCodeFrom("core/src/test/java/dev/driftless/migration/EnginesGuideTest.java");
    }

    @Test
    void flywayChecks() {
        PostgresServer server = TestServers.embedded();
        MigrationEngine engine = FlywaySettings.defaults()
                .withLocations("classpath:flyway/studio/migration", "classpath:flyway/studio/common",
                        "classpath:flyway/studio/java")
                .withPlaceholder("currency", "EUR")
                .engine();

        ChainChecks checks = ChainChecks.on(server);
        List<CheckResult> baselines = checks.baselines(engine);          // B3 ≡ V1 ... V3, as Flyway builds them
        List<CheckResult> reverts = checks.reversibility(engine);        // each V with its U script
        List<CheckResult> twice = checks.migrationIdempotency(engine);   // each V run twice by Flyway

        assertThat(baselines).allMatch(r -> !r.failed());
        assertThat(reverts).hasSize(6);
        assertThat(twice).hasSize(6);
    }

    @Test
    void liquibaseChecks() {
        PostgresServer server = TestServers.embedded();
        MigrationEngine engine = LiquibaseSettings.defaults()
                .withChangelog("classpath:liquibase/studio/db.changelog-master.xml")
                .withContexts("test")
                .withParameter("currency", "EUR")
                .engine();

        ChainChecks checks = ChainChecks.on(server);
        CheckResult fresh = checks.sameSchema(engine, MigrationVersion.parse("10"),
                SqlScript.at("classpath:liquibase/studio/master-schema.sql"));   // fresh install ≡ the changelog
        List<CheckResult> rollbacks = checks.reversibility(engine);          // each changeSet, Liquibase's rollback

        assertThat(fresh.failed()).isFalse();
        assertThat(rollbacks).filteredOn(CheckResult::failed).extracting(r -> r.migration().orElseThrow().toString())
                .containsExactly("8 currency-table by chloe (liquibase/studio/changes/later/020-currency.yaml)");
    }

    @Test
    void driftlessRunnerAsAnEngine() {
        try (ScratchDatabases scratch = ScratchDatabases.on(TestServers.embedded())) {
            Database database = scratch.create();
            MigrationEngine own = MigrationEngine.driftless(MigrationChain.at("classpath:flyway/studio/migration"));
            own.migrate(database, MigrationVersion.parse("1.1"));
            List<MigrationVersion> applied = own.appliedVersions(database);   // [1, 1.1], as Flyway shows them

            assertThat(applied).extracting(MigrationVersion::toString).containsExactly("1", "1.1");
        }
    }
}
