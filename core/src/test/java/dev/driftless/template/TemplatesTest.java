package dev.driftless.template;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {

    private final PostgresServer server = TestServers.embedded();

    @Test
    void clonesCarryTheTemplatesContentAndAreIndependent() throws SQLException {
        Template template = Templates.of(server).get(uniqueKey("clones"),
                db -> execute(db, "CREATE TABLE party (id int PRIMARY KEY, name text); INSERT INTO party VALUES (1, 'Alice')"));
        Database first = template.newDatabase();
        Database second = template.newDatabase();
        try {
            execute(first, "INSERT INTO party VALUES (2, 'Bob')");

            assertThat(count(first, "party")).isEqualTo(2);
            assertThat(count(second, "party")).isEqualTo(1);
            assertThat(template.databaseName()).startsWith("driftless_tpl_");
            assertThat(template.reused()).isFalse();
        } finally {
            server.drop(first);
            server.drop(second);
        }
    }

    @Test
    void buildsOnceForFiftyConcurrentRequestsFromEightThreads() throws Exception {
        TemplateKey key = uniqueKey("concurrent");
        AtomicInteger initializations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Database>> clones = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                clones.add(pool.submit(() -> {
                    start.await();
                    return Templates.of(server).get(key, db -> {
                        initializations.incrementAndGet();
                        Thread.sleep(200);
                        execute(db, "CREATE TABLE t (id int)");
                    }).newDatabase();
                }));
            }
            start.countDown();
            for (Future<Database> clone : clones) {
                Database db = clone.get(2, TimeUnit.MINUTES);
                assertThat(count(db, "t")).isZero();
                server.drop(db);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(initializations).hasValue(1);
    }

    @Test
    void aFailingInitializerReportsItsSqlErrorToEveryWaiterAndLeavesNoTemplate() throws Exception {
        TemplateKey key = uniqueKey("failing");
        AtomicInteger initializations = new AtomicInteger();
        TemplateInitializer broken = db -> {
            initializations.incrementAndGet();
            Thread.sleep(100);
            execute(db, "CREATE TABLE ok (id int); CREATE TABLE broken (id nonexistent_type)");
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Throwable>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        Templates.of(server).get(key, broken);
                        return null;
                    } catch (TemplateBuildException e) {
                        return e;
                    }
                }));
            }
            for (Future<Throwable> outcome : outcomes) {
                assertThat(outcome.get(1, TimeUnit.MINUTES))
                        .isInstanceOf(TemplateBuildException.class)
                        .hasMessage("Could not build the template database for content: ERROR: type \"nonexistent_type\""
                                + " does not exist\n  Position: 26")
                        .hasCauseInstanceOf(SQLException.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(initializations).hasValue(1);
        assertThat(server.driftlessDatabases()).noneMatch(name -> name.startsWith("driftless_build_"))
                .noneMatch(name -> name.equals(Templates.of(server).databaseNameFor(key)));
        assertThatThrownBy(() -> Templates.of(server).get(key, broken)).isInstanceOf(TemplateBuildException.class);
        assertThat(initializations).as("a known failure is not rebuilt").hasValue(1);
    }

    @Test
    void reusesATemplateThatAnotherRunAlreadyPublished() throws SQLException {
        TemplateKey key = uniqueKey("published");
        Database admin = server.database("postgres");
        try (PostgresServer otherRun = PostgresServer.start(ServerConfig.external(admin.jdbcUrl(), admin.user(),
                admin.password()))) {
            Templates.of(otherRun).get(key, db -> execute(db, "CREATE TABLE from_other_jvm (id int)"));

            Template template = Templates.of(server).get(key, db -> {
                throw new AssertionError("must not rebuild a published template");
            });

            assertThat(template.reused()).isTrue();
            Database clone = template.newDatabase();
            try {
                assertThat(count(clone, "from_other_jvm")).isZero();
            } finally {
                server.drop(clone);
            }
        }
    }

    @Test
    void explainsAMalformedPrefetchSetting() {
        System.setProperty("driftless.clone.prefetch", "lots");
        try {
            assertThatThrownBy(ServerConfig::fromEnvironment)
                    .isInstanceOf(dev.driftless.DriftlessException.class)
                    .hasMessage("driftless.clone.prefetch must be a whole number of copies, 0 or more, but is 'lots'.");
        } finally {
            System.clearProperty("driftless.clone.prefetch");
        }
    }

    @Test
    void keysDependOnEveryInputAndItsBoundaries() {
        assertThat(TemplateKey.builder().add("a", "bc").build())
                .isNotEqualTo(TemplateKey.builder().add("ab", "c").build())
                .isEqualTo(TemplateKey.builder().add("a", "bc").build());
        assertThat(TemplateKey.of("x").hash()).hasSize(64);
    }

    private static TemplateKey uniqueKey(String purpose) {
        return TemplateKey.builder().add("content", purpose + " " + UUID.randomUUID()).build();
    }

    static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static int count(Database db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
