package dev.driftless.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.migration.EngineSelector;
import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.LiquibaseSettings;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.template.ScratchDatabases;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code VerdictsAgreeTest} runs the command line's {@code driftless verify} (in a child JVM, on the same server) and
 * the assertions' {@code assertThatMigrations} on every example's master schema and migration chain, the broken
 * variants included, and checks that they reach the same verdict for each check and each migration. Both pick the
 * engine the same way ({@code EngineSelector}): Driftless's own runner, the real Flyway or the real Liquibase.
 */
class VerdictsAgreeTest {

    private static final String DIR = "src/test/resources/";
    private static PostgresServer server;
    /**
     * The database the command line connects to: the one this JVM's administration uses, as another run on the same
     * server would. (Runs that connect to different databases do not see each other's advisory locks, so one could
     * drop a template the other still uses.)
     */
    private static Database admin;

    @TempDir
    Path tmp;

    @BeforeAll
    static void server() {
        server = PostgresServer.shared();
        admin = server.database("postgres");
    }

    /** One example: its master schema and/or its chain, and the verdicts both must reach. */
    record Example(String name, String schema, String migrations, boolean reversibility, boolean idempotency,
            Map<String, String> expected, Map<String, String> placeholders) {

        Example(String name, String schema, String migrations, boolean reversibility, boolean idempotency,
                Map<String, String> expected) {
            this(name, schema, migrations, reversibility, idempotency, expected, Map.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                new Example("studio", "studio/init_schema.sql", "studio/migrations", true, true, Map.of(
                        "same schema", "passed", "master schema idempotency", "failed", "reversibility of 002",
                        "passed", "reversibility of 003", "passed", "reversibility of 004", "passed",
                        "reversibility of 005", "passed")),
                new Example("studio, drifted master schema", "studio/broken/init_schema_decimal_rate.sql",
                        "studio/migrations", false, false, Map.of("same schema", "failed")),
                new Example("podcast-analytics", "podcast-analytics/master.sql", null, false, true,
                        Map.of("master schema idempotency", "passed")),
                new Example("podcast-analytics, not idempotent", "podcast-analytics/broken/master_not_idempotent.sql",
                        null, false, true, Map.of("master schema idempotency", "failed")),
                new Example("podcast-analytics, unindexed foreign key", "podcast-analytics/broken/master_unindexed_fk.sql",
                        null, false, true, Map.of("master schema idempotency", "passed")),
                new Example("driving-school", null, "driving-school/migrations", true, false,
                        Map.of("reversibility", "skipped")),
                new Example("field-service", "field-service/schema.sql", "field-service/migrations", true, true, Map.of(
                        "same schema", "passed", "master schema idempotency", "failed", "reversibility of 001",
                        "passed", "reversibility of 002", "passed", "reversibility of 003", "passed",
                        "reversibility of 004", "passed")),
                new Example("field-service, forgetful rollback", null, "field-service/broken/migrations", true, false,
                        Map.of("reversibility of 001", "passed", "reversibility of 002", "passed",
                                "reversibility of 003", "passed", "reversibility of 004", "failed")),
                new Example("trading", "trading/schema.sql", "trading/migrations", true, true, Map.of(
                        "same schema", "passed", "master schema idempotency", "failed", "reversibility", "skipped")),
                new Example("trading, drifted schema.sql", "trading/broken/schema_drifted.sql", "trading/migrations",
                        false, false, Map.of("same schema", "failed")),
                new Example("flyway-app (Flyway)", "flyway-app/schema.sql", "flyway-app/db/migration", true, false,
                        Map.of("same schema", "passed", "reversibility", "skipped"), Map.of("currency", "EUR")),
                new Example("flyway-app (Flyway), another currency", "flyway-app/schema.sql",
                        "flyway-app/db/migration", false, false, Map.of("same schema", "failed"),
                        Map.of("currency", "USD")),
                new Example("liquibase-app (Liquibase)", "liquibase-app/schema.sql",
                        "liquibase-app/db/changelog/db.changelog-master.yaml", true, false,
                        Map.of("same schema", "passed", "reversibility of 1", "passed", "reversibility of 2", "passed",
                                "reversibility of 3", "passed", "reversibility of 4", "passed", "reversibility of 5",
                                "passed"), Map.of("fee_currency", "EUR")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theCommandLineAndTheAssertionsReachTheSameVerdicts(Example example) throws IOException {
        Map<String, String> cli = cliVerdicts(example);
        Map<String, String> assertions = assertionVerdicts(example);

        assertThat(cli).as("driftless verify").isEqualTo(new TreeMap<>(example.expected()));
        assertThat(assertions).as("assertThatMigrations").isEqualTo(cli);
    }

    private Map<String, String> cliVerdicts(Example example) throws IOException {
        Path report = tmp.resolve("verify.json");
        List<String> args = new ArrayList<>(List.of("verify"));
        if (example.schema() != null) {
            args.addAll(List.of("--schema", DIR + example.schema()));
        }
        if (example.migrations() != null) {
            args.addAll(List.of("--migrations", DIR + example.migrations()));
        }
        if (!example.reversibility() && example.migrations() != null) {
            args.add("--no-reversibility");
        }
        if (example.idempotency()) {
            args.add("--idempotent");
        }
        example.placeholders().forEach((name, value) -> args.addAll(List.of("--placeholder", name + "=" + value)));
        args.addAll(List.of("--report", report.toString(), "--jdbc-url", admin.jdbcUrl(), "--user", admin.user()));
        int exit = runCli(args);
        Map<String, String> verdicts = new TreeMap<>();
        for (JsonNode check : new ObjectMapper().readTree(report.toFile()).get("checks")) {
            String kind = check.get("kind").asText();
            String key = switch (kind) {
                case "same_schema" -> "same schema";
                case "master_schema_idempotency" -> "master schema idempotency";
                case "reversibility" -> check.has("migration") ? "reversibility of " + check.get("migration").asText()
                        : "reversibility";
                default -> throw new AssertionError("unexpected check kind " + kind);
            };
            verdicts.put(key, check.get("status").asText());
        }
        assertThat(exit).as("exit code").isEqualTo(verdicts.containsValue("failed") ? 1 : 0);
        return verdicts;
    }

    private int runCli(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.driftless.cli.Driftless"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DRIFTLESS_JDBC_URL");
        builder.environment().remove("DRIFTLESS_PROVIDER");
        builder.environment().put("DRIFTLESS_JDBC_PASSWORD", admin.password());
        try {
            Path output = tmp.resolve("verify.out");
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("driftless " + String.join(" ", args) + " did not end within 5 minutes");
            }
            if (process.exitValue() > 1) {
                throw new AssertionError("driftless " + String.join(" ", args) + " exited with " + process.exitValue()
                        + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Map<String, String> assertionVerdicts(Example example) {
        Map<String, String> verdicts = new TreeMap<>();
        SqlScript schema = example.schema() == null ? null : SqlScript.at(DIR + example.schema());
        MigrationEngine chain = example.migrations() == null ? null : engine(example);
        if (schema != null && chain != null) {
            verdicts.put("same schema", verdict(failure(() -> assertThatMigrations(chain).on(server)
                    .produceSameSchemaAs(schema))));
        }
        if (chain != null && example.reversibility()) {
            String message = failure(() -> assertThatMigrations(chain).on(server).areReversible());
            List<Migration> withDown;
            try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
                withDown = chain.migrations(scratch.create()).stream().filter(m -> m.down().isPresent()).toList();
            }
            if (withDown.isEmpty()) {
                assertThat(message).isNull();
                verdicts.put("reversibility", "skipped");
            }
            for (Migration m : withDown) {
                boolean failed = message != null && (message.contains("\n  " + m + ":\n")
                        || message.contains("\n  " + m + " (column order only):\n"));
                verdicts.put("reversibility of " + m.version(), failed ? "failed" : "passed");
            }
        }
        if (schema != null && example.idempotency()) {
            verdicts.put("master schema idempotency", verdict(failure(() ->
                    assertThatMigrations(MigrationChain.ofMasterSchema(schema)).on(server).areIdempotent())));
        }
        return verdicts;
    }

    /** The engine the command line picks for the example's migrations, with the same placeholders. */
    private static MigrationEngine engine(Example example) {
        FlywaySettings flyway = FlywaySettings.defaults();
        LiquibaseSettings liquibase = LiquibaseSettings.defaults();
        for (Map.Entry<String, String> p : example.placeholders().entrySet()) {
            flyway = flyway.withPlaceholder(p.getKey(), p.getValue());
            liquibase = liquibase.withParameter(p.getKey(), p.getValue());
        }
        return EngineSelector.at(DIR + example.migrations()).withFlyway(flyway).withLiquibase(liquibase).select()
                .engine();
    }

    /** Runs an assertion and returns its failure's message, or {@code null} when it passes. */
    private static String failure(ThrowingCallable assertion) {
        try {
            assertion.call();
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        } catch (Throwable t) {
            throw new AssertionError("The assertion did not pass or fail but threw " + t, t);
        }
    }

    private static String verdict(String failure) {
        return failure == null ? "passed" : "failed";
    }
}
