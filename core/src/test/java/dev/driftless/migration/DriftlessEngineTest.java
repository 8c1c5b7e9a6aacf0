package dev.driftless.migration;

import dev.driftless.server.Database;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link MigrationEngine#driftless}: Driftless's own runner behind the engine seam. */
class DriftlessEngineTest {

    private final ScratchDatabases scratch = ScratchDatabases.on(TestServers.embedded());

    private static Migration migration(String version, String up, String down) {
        return Migration.of(MigrationVersion.parse(version), "step " + version, SqlScript.of(version + ".sql", up),
                down == null ? null : SqlScript.of(version + ".down.sql", down));
    }

    private static MigrationChain party(String email) {
        return MigrationChain.of("party", List.of(
                migration("1", "CREATE TABLE party (id int PRIMARY KEY);", null),
                migration("2", "ALTER TABLE party ADD COLUMN email " + email + ";",
                        "ALTER TABLE party DROP COLUMN email;")), List.of());
    }

    @AfterEach
    void drop() {
        scratch.close();
    }

    @Test
    void migratesRevertsAndReportsTheAppliedVersions() {
        MigrationEngine engine = MigrationEngine.driftless(party("text"));
        Database db = scratch.create();

        MigrationResult result = engine.migrateToLatest(db);
        Migration second = engine.migrations(db).get(1);
        engine.revert(db, second);

        assertThat(result.applied()).extracting(m -> m.version().toString()).containsExactly("1", "2");
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString).containsExactly("1");
        assertThat(engine.historyTables()).containsExactly("driftless_schema_history");
        assertThat(engine.name()).isEqualTo("Driftless");
        assertThat(engine.location()).isEqualTo("party");
    }

    @Test
    void aMigrationWithoutDownScriptIsNotRevertedAndTheMessageSaysWhy() {
        MigrationEngine engine = MigrationEngine.driftless(party("text"));
        Database db = scratch.create();
        engine.migrate(db, MigrationVersion.parse("1"));

        assertThatThrownBy(() -> engine.revert(db, engine.migrations(db).get(0)))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Engine Driftless cannot revert 1 step 1 (1.sql): it has no down script; add one beside"
                        + " its up script, as the layout names it (docs/migrations.md)");
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString).containsExactly("1");
    }

    @Test
    void theContentKeyFollowsTheScripts() {
        String key = MigrationEngine.driftless(party("text")).contentKey().hash();

        assertThat(MigrationEngine.driftless(party("text")).contentKey().hash()).isEqualTo(key);
        assertThat(MigrationEngine.driftless(party("varchar(200)")).contentKey().hash()).isNotEqualTo(key);
    }

    @Test
    void withoutBaselinesANewDatabaseRunsEveryVersionedMigration() {
        MigrationChain chain = MigrationChain.at("classpath:flyway/studio/migration");
        MigrationEngine engine = MigrationEngine.driftless(chain);
        Database fromBaseline = scratch.create();

        assertThat(engine.baselines(fromBaseline)).extracting(m -> m.version().toString()).containsExactly("3");
        assertThat(engine.withoutBaselines().baselines(fromBaseline)).isEmpty();
        assertThat(MigrationEngine.driftless(party("text")).withoutBaselines().baselines(fromBaseline)).isEmpty();
    }
}
