package dev.driftless.migration;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.driftless.testing.LayoutFolder.indexes;
import static dev.driftless.testing.LayoutFolder.tables;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folders shaped like real projects of each tool (src/test/resources/layouts), read, migrated up and down and
 * verified end to end, unmodified: what a user points Driftless at.
 */
class RealWorldShapesTest {

    private static final String LAYOUTS = "src/test/resources/layouts/";

    private final PostgresServer server = TestServers.embedded();
    private final ChainChecks checks = ChainChecks.on(server).reportingProgressTo(line -> { });
    private Database db;

    @BeforeEach
    void createDatabase() {
        db = server.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        server.drop(db);
    }

    private static List<String> verdicts(List<CheckResult> results) {
        return results.stream().map(r -> r.migration().map(m -> m.version().toString()).orElse("-") + " "
                + r.verdict()).toList();
    }

    /** A diesel project: a stray seed .sql beside the folders, versions in string order, a -0000 suffix. */
    @Test
    void dieselProject() {
        String location = LAYOUTS + "diesel/migrations";
        MigrationChain chain = MigrationChain.at(location);
        assertThat(chain.layout()).contains(Layout.FOLDER_PER_MIGRATION);
        assertThat(chain.migrations()).extracting(m -> m.version().toString()).containsExactly("00000000000000",
                "2025-11-19-091444-0000", "2025-11-19-091500", "2026-01-20-162913", "2026-02-03-080000");
        assertThat(chain.warnings()).containsExactly(location + "/data_oauth_github.sql is ignored: diesel reads only"
                + " up.sql, down.sql and metadata.toml in each migration folder");
        Migrator migrator = Migrator.of(chain, db);
        assertThat(migrator.migrateToLatest().toString()).isEqualTo("2026-02-03-080000");
        assertThat(tables(db)).isEqualTo("posts(id, user_id, title, body, published),"
                + " users(id, login, created_at, updated_at, email)");
        assertThat(indexes(db)).isEqualTo("posts_pkey, posts_user_id_idx, users_login_key, users_pkey");
        migrator.migrateTo(MigrationVersion.EMPTY);
        assertThat(tables(db)).isEmpty();
        assertThat(verdicts(checks.reversibility(chain))).allMatch(v -> v.endsWith(" PASSED"));
    }

    /** A sourcegraph schema folder: squashed.sql, parents out of numeric order, COMMIT AND CHAIN in a backfill. */
    @Test
    void sourcegraphSchemaFolder() {
        MigrationChain chain = MigrationChain.at(LAYOUTS + "sourcegraph/frontend");
        assertThat(chain.migrations()).extracting(m -> m.version().toString()).containsExactly("1000000000",
                "1000000001", "1000000003", "1000000002", "1000000004", "1000000005");
        assertThat(chain.warnings()).isEmpty();
        assertThat(chain.masterSchema()).isPresent();
        assertThat(chain.migration("1000000005").orElseThrow().up().parse().chainedCommit()).isPresent();
        Migrator migrator = Migrator.of(chain, db);
        assertThat(migrator.migrateToLatest().toString()).isEqualTo("1000000005");
        assertThat(tables(db)).isEqualTo("external_service_repos(external_service_id, repo_id, clone_url),"
                + " external_services(id, kind, config), repo(id, name, created_at, stars)");
        migrator.migrateTo(MigrationVersion.EMPTY);
        assertThat(tables(db)).isEmpty();

        CheckResult same = checks.sameSchema(chain, chain.latestVersion(), chain.masterSchema().orElseThrow());
        assertThat(same.differences()).isEmpty();
        assertThat(same.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(verdicts(checks.reversibility(chain))).allMatch(v -> v.endsWith(" PASSED"));
    }

    /** A sqitch project: two reworks (the first after two tags), pgTAP tests in test/, sample data in data/. */
    @Test
    void sqitchProject() {
        String location = LAYOUTS + "sqitch";
        MigrationChain chain = MigrationChain.at(location);
        assertThat(chain.migrations()).extracting(m -> m.up().name().substring(location.length() + 1))
                .containsExactly("deploy/appschema.sql", "deploy/users.sql", "deploy/insert_user@v1.0.0-dev2.sql",
                        "deploy/change_pass.sql", "deploy/insert_user@v1.1.0-dev1.sql", "deploy/insert_user.sql");
        assertThat(chain.warnings()).isEmpty();
        assertThat(chain.ignored()).extracting(f -> f.substring(location.length() + 1, f.indexOf(' ')))
                .containsExactlyInAnyOrder("README.md", "data/users.sql", "sqitch.conf", "test/insert_user.sql",
                        "test/users.sql");
        Migrator migrator = Migrator.of(chain, db);
        assertThat(migrator.migrateToLatest().toString()).isEqualTo("6");
        migrator.migrateTo(MigrationVersion.EMPTY);
        assertThat(migrator.history()).isEmpty();
        assertThat(verdicts(checks.reversibility(chain))).allMatch(v -> v.endsWith(" PASSED"));
    }

    /** A pop (Ory-style) project with postgres, mysql, sqlite3 and cockroach variants and an autocommit index. */
    @Test
    void popProjectWithFourDialects() {
        String location = LAYOUTS + "pop/migrations";
        MigrationChain chain = MigrationChain.at(location);
        assertThat(chain.layout()).contains(Layout.POP);
        assertThat(chain.migrations()).extracting(m -> m.up().name().substring(location.length() + 1))
                .containsExactly("20210410175418_identities.postgres.up.sql",
                        "20210410175419_identity_credentials.up.sql",
                        "20210410175420_identity_credentials_index.postgres.autocommit.up.sql",
                        "20210410175422_identities_state.up.sql");
        assertThat(chain.warnings()).isEmpty();
        assertThat(chain.migrations().get(2).isTransactional()).isFalse();
        Migrator migrator = Migrator.of(chain, db);
        migrator.migrateToLatest();
        assertThat(tables(db)).isEqualTo("identities(id, traits, created_at, updated_at, state),"
                + " identity_credentials(id, identity_id, config)");
        assertThat(indexes(db)).contains("identity_credentials_identity_id_idx");
        migrator.migrateTo(MigrationVersion.EMPTY);
        assertThat(tables(db)).isEmpty();
        assertThat(verdicts(checks.reversibility(chain))).allMatch(v -> v.endsWith(" PASSED"));
    }

    /** A Flyway folder with a B baseline: a new database starts from it; the baseline builds what V1 to V3 build. */
    @Test
    void flywayFolderWithABaseline() {
        String location = LAYOUTS + "flyway/db/migration";
        MigrationChain chain = MigrationChain.at(location);
        assertThat(chain.baselines()).extracting(m -> m.version().toString()).containsExactly("3");
        Migrator migrator = Migrator.of(chain, db);
        MigrationResult result = migrator.migrate(chain.latestVersion());
        assertThat(result.applied()).extracting(m -> m.up().name().substring(location.length() + 1))
                .containsExactly("B3__baseline.sql", "V4__orders_by_user.sql");
        assertThat(result.repeatables()).hasSize(1);
        assertThat(indexes(db)).contains("orders_user_id_idx");
        migrator.migrateTo("3");
        assertThat(indexes(db)).doesNotContain("orders_user_id_idx");

        assertThat(verdicts(checks.baselines(chain))).containsExactly("3 PASSED");
        assertThat(verdicts(checks.reversibility(chain))).containsExactly("1 PASSED", "2 PASSED", "3 PASSED",
                "4 PASSED");
    }
}
