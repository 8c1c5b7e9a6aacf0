package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import dev.driftless.sql.Quote;
import dev.driftless.template.Template;
import dev.driftless.template.TemplateKey;
import dev.driftless.testing.ChildJvm;
import dev.driftless.testing.FaultChildMain;
import dev.driftless.testing.TestServers;
import dev.driftless.template.Templates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several runs (JVMs, or server objects in one JVM) on one shared server: a template in use is never dropped, the
 * databases of dead runs are removed by the next run, and nothing Driftless cannot prove its own is ever touched.
 * The shared server is the embedded one, used as an external server through a database of its own per test.
 */
class SharedServerSafetyTest {

    private static final Duration START = Duration.ofMinutes(2);

    private PostgresServer host;
    private Database hostAdmin;
    private String usersDatabase;
    private String url;
    private final List<PostgresServer> runs = new ArrayList<>();
    private final List<String> unmarked = new ArrayList<>();
    private Set<String> existing;

    @BeforeEach
    void createTheUsersDatabase() throws SQLException {
        host = TestServers.embedded();
        hostAdmin = host.createDatabase();
        usersDatabase = "users_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(hostAdmin, "CREATE DATABASE " + usersDatabase);
        url = "jdbc:postgresql://localhost:" + host.port() + "/" + usersDatabase;
        existing = host.driftlessDatabases();
    }

    @AfterEach
    void dropEverything() throws SQLException {
        for (PostgresServer run : runs) {
            run.close();
        }
        for (String name : host.driftlessDatabases()) {
            if (!existing.contains(name)) {
                dropAnyway(name);
            }
        }
        for (String name : unmarked) {
            dropAnyway(name);
        }
        execute(hostAdmin, "DROP DATABASE IF EXISTS " + usersDatabase);
        host.drop(hostAdmin);
    }

    @Test
    void aTemplateInUseSurvivesTheExitOfTheJvmThatBuiltIt() throws Exception {
        String content = "shared template " + UUID.randomUUID();
        PostgresServer mine = run(false);
        String template;
        try (ChildJvm builder = ChildJvm.start(Map.of(), FaultChildMain.class, "external", url, hostAdmin.user(),
                hostAdmin.password(), content)) {
            template = builder.await("READY template=", START).substring("READY template=".length());
            Template same = Templates.of(mine).get(TemplateKey.of(content), db -> {
                throw new AssertionError("the template exists and must be reused");
            });
            assertThat(same.databaseName()).isEqualTo(template);
            mine.drop(same.newDatabase());

            assertThat(builder.endInputAndWait()).as(builder.output()).isZero();

            for (int i = 0; i < 30; i++) {
                Database copy = same.newDatabase();
                assertThat(count(copy, "made_by_child")).isZero();
                mine.drop(copy);
            }
        }
        assertThat(host.driftlessDatabases()).contains(template);

        mine.close();

        assertThat(host.driftlessDatabases()).as("the last run that used it dropped it").doesNotContain(template);
    }

    @Test
    void aNewTemplateOfTheSameSetupNeverDropsOneAnotherRunUses() throws SQLException {
        PostgresServer first = run(false);
        PostgresServer second = run(false);
        Template old = Templates.of(first).get(key("setup A", "version 1"), db -> execute(db, "CREATE TABLE v1 (id int)"));
        first.drop(old.newDatabase());

        Template replacement = Templates.of(second).get(key("setup A", "version 2"),
                db -> execute(db, "CREATE TABLE v2 (id int)"));

        assertThat(host.driftlessDatabases()).contains(old.databaseName(), replacement.databaseName());
        for (int i = 0; i < 20; i++) {
            Database copy = old.newDatabase();
            assertThat(count(copy, "v1")).isZero();
            first.drop(copy);
        }
        first.close();
        assertThat(host.driftlessDatabases()).as("dropped by its last user").doesNotContain(old.databaseName())
                .contains(replacement.databaseName());
    }

    @Test
    void aStaleReusableTemplateThatNoRunUsesIsReplaced() throws SQLException {
        PostgresServer earlier = run(true);
        String stale = Templates.of(earlier).get(key("setup B", "version 1"), db -> { }).databaseName();
        earlier.close();
        assertThat(host.driftlessDatabases()).as("kept for reuse").contains(stale);

        PostgresServer later = run(true);
        String fresh = Templates.of(later).get(key("setup B", "version 2"), db -> { }).databaseName();

        assertThat(host.driftlessDatabases()).doesNotContain(stale).contains(fresh);
    }

    @Test
    void neverTouchesADatabaseWhoseMarkerIsForgedCopiedOrOld() throws SQLException {
        PostgresServer run = run(false);
        Database real = run.createDatabase();
        String scope = DatabaseAdmin.sha256(usersDatabase + "@" + hostAdmin.user()).substring(0, 16);
        String setup = key("setup C", "x").setup().orElseThrow();
        List<String> comments = List.of(
                "driftless:2 kind=template run=aaaaaaaaaaaaaaaa scope=" + scope + " setup=" + setup
                        + " persistent=false mac=" + "0".repeat(64) + " -- forged",
                comment(real.name()),
                "driftless: template for @MigratedDatabase setup " + setup,
                "driftless:2 kind=template run=aaaaaaaaaaaaaaaa scope=" + scope + " setup=" + setup
                        + " persistent=false -- no mac at all");
        List<String> victims = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            String name = "driftless_tpl_" + "victim" + i + "_" + UUID.randomUUID().toString().substring(0, 8);
            execute(hostAdmin, "CREATE DATABASE " + Quote.identifier(name));
            execute(hostAdmin, "COMMENT ON DATABASE " + Quote.identifier(name) + " IS " + Quote.literal(comments.get(i)));
            try (Connection c = host.database(name).connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE precious AS SELECT g AS id FROM generate_series(1, 1000) g");
            }
            victims.add(name);
            unmarked.add(name);
        }

        run(false);                                                    // a new run removes leftovers at start
        Templates.of(run).get(key("setup C", "y"), db -> { });            // and stale templates of its setup
        for (String victim : victims) {
            assertThatThrownBy(() -> run.drop(victim))
                    .isInstanceOf(DriftlessException.class)
                    .hasMessage("Refusing to drop database '" + victim + "': Driftless cannot prove that it created it"
                            + " (its ownership marker is missing, or not signed with this machine's key). Driftless"
                            + " only ever changes databases it created itself. If another machine's Driftless made"
                            + " it, set driftless.owner.key to that machine's key; otherwise drop it yourself.");
            assertThatThrownBy(() -> run.cloneDatabase(victim)).hasMessageStartingWith("Refusing to copy database '"
                    + victim + "'");
            assertThat(count(host.database(victim), "precious")).isEqualTo(1000);
        }
        assertThat(run.driftlessDatabases()).doesNotContainAnyElementsOf(victims);
    }

    @Test
    void theNextRunRemovesWhatAKilledJvmLeftAndNothingElse() throws Exception {
        PostgresServer alive = run(false);
        Database aliveCopy = alive.createDatabase();
        Database kept = alive.createDatabase();
        alive.keep(kept);
        Set<String> before = host.driftlessDatabases();
        String template;
        try (ChildJvm killed = ChildJvm.start(Map.of(), FaultChildMain.class, "external", url, hostAdmin.user(),
                hostAdmin.password(), "killed " + UUID.randomUUID())) {
            template = killed.await("READY template=", START).substring("READY template=".length());
            killed.kill();
        }
        List<String> leftByTheFirst = new ArrayList<>(host.driftlessDatabases());
        leftByTheFirst.removeAll(before);
        assertThat(leftByTheFirst).as("a template, its two copies and those made ahead of demand").contains(template)
                .hasSizeGreaterThanOrEqualTo(3).noneMatch(name -> name.startsWith("driftless_build_"));

        try (ChildJvm killedWhileBuilding = ChildJvm.start(Map.of(), FaultChildMain.class, "external-build", url,
                hostAdmin.user(), hostAdmin.password())) {
            killedWhileBuilding.await("BUILDING", START);
            killedWhileBuilding.kill();
        }
        List<String> leftByTheSecond = new ArrayList<>(host.driftlessDatabases());
        leftByTheSecond.removeAll(before);
        assertThat(leftByTheSecond).as("the second run removed what the first left, at its start; it left a build")
                .hasSize(1).allMatch(name -> name.startsWith("driftless_build_"));

        run(false);

        assertThat(host.driftlessDatabases()).doesNotContainAnyElementsOf(leftByTheSecond)
                .contains(aliveCopy.name(), kept.name());
    }

    @Test
    void runsWhoseAdminSessionsGoToOtherDatabasesNeverShareOrDropEachOthersTemplates() throws SQLException {
        String otherDatabase = usersDatabase + "_b";
        execute(hostAdmin, "CREATE DATABASE " + otherDatabase);
        unmarked.add(otherDatabase);
        PostgresServer here = run(false);
        PostgresServer there = PostgresServer.start(ServerConfig.external(
                "jdbc:postgresql://localhost:" + host.port() + "/" + otherDatabase, hostAdmin.user(),
                hostAdmin.password()));
        TemplateKey key = TemplateKey.of("two lock spaces " + UUID.randomUUID());
        Template mine = Templates.of(here).get(key, db -> execute(db, "CREATE TABLE mine (id int)"));

        Template theirs = Templates.of(there).get(key, db -> execute(db, "CREATE TABLE theirs (id int)"));
        there.close();

        assertThat(theirs.databaseName()).as("advisory locks of another database cannot guard ours")
                .isNotEqualTo(mine.databaseName());
        assertThat(host.driftlessDatabases()).contains(mine.databaseName()).doesNotContain(theirs.databaseName());
        Database copy = mine.newDatabase();
        assertThat(count(copy, "mine")).isZero();
        here.drop(copy);
    }

    private PostgresServer run(boolean reuse) {
        PostgresServer run = PostgresServer.start(ServerConfig.external(url, hostAdmin.user(), hostAdmin.password())
                .withReuse(reuse));
        runs.add(run);
        return run;
    }

    private static TemplateKey key(String setup, String content) {
        return TemplateKey.builder().add("content", content + " " + setup).setup(setup).build();
    }

    private String comment(String database) throws SQLException {
        try (Connection c = hostAdmin.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void dropAnyway(String name) throws SQLException {
        execute(hostAdmin, "DROP DATABASE IF EXISTS " + Quote.identifier(name) + " WITH (FORCE)");
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(Database db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
