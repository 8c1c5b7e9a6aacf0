package dev.driftless.assertions;

import static dev.driftless.assertions.internal.error.ShouldBeIdempotent.shouldBeIdempotent;
import static dev.driftless.assertions.internal.error.ShouldBeReversible.shouldBeReversible;
import static dev.driftless.assertions.internal.error.ShouldPreserveData.shouldPreserveData;
import static dev.driftless.assertions.internal.error.ShouldProduceSameSchema.shouldProduceSameSchemaAs;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.MigrationChecks;
import dev.driftless.assertions.internal.Reports;
import dev.driftless.check.CheckResult;
import dev.driftless.migration.Migration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.seed.Fixture;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code MigrationChainAssert} is the assertion on a {@link MigrationChain} or on the chain of a
 * {@link MigrationEngine} (e.g. the real Flyway, {@code FlywaySettings.defaults().withLocations(...).engine()}): the
 * migrated path builds the same schema as the master schema, every migration reverts cleanly, scripts can run twice,
 * data survives. The checks are core's {@code ChainChecks} through the engine; a chain is checked with Driftless's own
 * runner ({@link MigrationEngine#driftless(MigrationChain)}). Every check runs on new
 * databases of the server given to {@link #on(PostgresServer)}, dropped afterwards, and logs its progress (SLF4J,
 * {@code INFO}) for long chains.
 *
 * <pre>{@code
 * assertThatMigrations(MigrationChain.at("sql/migrations")).on(server)
 *     .produceSameSchemaAs(SqlScript.at("sql/init_schema.sql"))
 *     .areReversible();
 * }</pre>
 *
 * Schemas compare with {@link DiffOptions#defaults()}; {@code ignoringX} and {@link #usingDiffOptions} change that.
 * The history table of the engine that runs the chain is always left out (unless the options
 * {@linkplain DiffOptions#includingTables include} it): that is part of the check, not of the options.
 */
public class MigrationChainAssert extends AbstractDriftlessAssert<MigrationChainAssert, MigrationEngine> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationChainAssert.class);

    private final Optional<MigrationChain> chain;
    private PostgresServer server;
    private DiffOptions options = DiffOptions.defaults();
    private boolean failOnMissingDown;
    private boolean acceptColumnOrder;
    private MigrationVersion from;
    private MigrationVersion to;

    // Use DriftlessAssertions.assertThatMigrations(MigrationChain) or assertThatMigrations(MigrationEngine).
    MigrationChainAssert(MigrationChain chain, FailureSink sink) {
        super(MigrationEngine.driftless(chain), MigrationChainAssert.class, sink);
        this.chain = Optional.of(chain);
    }

    MigrationChainAssert(MigrationEngine engine, FailureSink sink) {
        super(engine, MigrationChainAssert.class, sink);
        this.chain = Optional.empty();
    }

    /**
     * {@code on} sets the server whose fresh databases the checks use (required before any check).
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(PostgresServer.shared()).areReversible();
     * }</pre>
     *
     * @param postgres the server
     * @return this assertion
     */
    public MigrationChainAssert on(PostgresServer postgres) {
        this.server = postgres;
        return myself;
    }

    /**
     * {@code usingDiffOptions} replaces how schemas compare. The chain engine's history table stays left out (the
     * check knows it), and {@link DiffOptions#defaults()} leaves out other tools' history tables recognised by their
     * columns.
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).usingDiffOptions(DiffOptions.defaults().ignoringComments())...
     * }</pre>
     *
     * @param diffOptions the options
     * @return this assertion
     */
    public MigrationChainAssert usingDiffOptions(DiffOptions diffOptions) {
        this.options = diffOptions;
        return myself;
    }

    /**
     * {@code ignoringTables} leaves tables out of every comparison (e.g. a table only the master schema seeds).
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).ignoringTables("schema_version").produceSameSchemaAs(master);
     * }</pre>
     *
     * @param tables table names, optionally schema-qualified
     * @return this assertion
     */
    public MigrationChainAssert ignoringTables(String... tables) {
        this.options = options.ignoringTables(tables);
        return myself;
    }

    /**
     * {@code ignoringColumnOrder} makes comparisons ignore the order of columns (a column added by a migration comes
     * last; in the master schema it may sit elsewhere).
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).ignoringColumnOrder().produceSameSchemaAs(master);
     * }</pre>
     *
     * @return this assertion
     */
    public MigrationChainAssert ignoringColumnOrder() {
        this.options = options.ignoringColumnOrder();
        return myself;
    }

    /**
     * {@code ignoringComments} makes comparisons ignore comments.
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).ignoringComments().produceSameSchemaAs(master);
     * }</pre>
     *
     * @return this assertion
     */
    public MigrationChainAssert ignoringComments() {
        this.options = options.ignoringComments();
        return myself;
    }

    /**
     * {@code failingOnMissingDownScripts} makes {@link #areReversible()} fail when a migration has no down script
     * (by default such migrations are only reported, in the log and in a failure's message).
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).failingOnMissingDownScripts().areReversible();
     * }</pre>
     *
     * @return this assertion
     */
    public MigrationChainAssert failingOnMissingDownScripts() {
        this.failOnMissingDown = true;
        return myself;
    }

    /**
     * {@code acceptingColumnOrderChanges} makes {@link #areReversible()} pass a migration whose down-then-up leaves
     * the columns in another order and nothing else (re-adding a dropped column puts it last); it is still logged.
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).acceptingColumnOrderChanges().areReversible();
     * }</pre>
     *
     * @return this assertion
     */
    public MigrationChainAssert acceptingColumnOrderChanges() {
        this.acceptColumnOrder = true;
        return myself;
    }

    /**
     * {@code fromVersion} sets the version at which {@link #preserveData(Fixture)} loads its fixture (default: the
     * first migration).
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).fromVersion("3").preserveData(Fixture.of("fixtures/v3.yml"));
     * }</pre>
     *
     * @param version the version
     * @return this assertion
     */
    public MigrationChainAssert fromVersion(String version) {
        this.from = MigrationVersion.parse(version);
        return myself;
    }

    /**
     * {@code toVersion} sets the version {@link #produceSameSchemaAs} and {@link #preserveData} migrate to (default:
     * the latest).
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).toVersion("4").produceSameSchemaAs(SqlScript.at("sql/schema_v4.sql"));
     * }</pre>
     *
     * @param version the version
     * @return this assertion
     */
    public MigrationChainAssert toVersion(String version) {
        this.to = MigrationVersion.parse(version);
        return myself;
    }

    /**
     * {@code produceSameSchemaAs} checks that migrating a fresh database along the chain gives the same schema as
     * running the master schema on another fresh one. On a difference it throws opentest4j's
     * {@link AssertionFailedError} (both schemas as JSON, for an IDE's side-by-side view) whose message is the
     * rendered diff, and writes an HTML report under {@code target/driftless/}.
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).produceSameSchemaAs(SqlScript.at("sql/init_schema.sql"));   // passes when equal
     * // fails: Table booking: column ends_at: added (timestamp with time zone NOT NULL)
     * }</pre>
     *
     * @param masterSchema the script that builds the schema of a fresh install
     * @return this assertion
     */
    public MigrationChainAssert produceSameSchemaAs(SqlScript masterSchema) {
        return produceSameSchema(masterSchema.name(), checks().chainChecks().sameSchema(actual, targetVersion(),
                masterSchema));
    }

    /**
     * {@code produceSameSchemaAs} checks that the chain gives the same schema as another chain (e.g. a squashed one).
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).produceSameSchemaAs(MigrationChain.at("sql/squashed"));
     * }</pre>
     *
     * @param other the other chain, migrated to its latest version
     * @return this assertion
     */
    public MigrationChainAssert produceSameSchemaAs(MigrationChain other) {
        return produceSameSchema(other.location(), checks().chainChecks().sameSchema(actual, targetVersion(),
                MigrationEngine.driftless(other)));
    }

    private MigrationChainAssert produceSameSchema(String expectedName, CheckResult result) {
        CheckResult.Comparison compared = result.comparison(CheckResult.Step.MIGRATED).orElseThrow();
        SchemaDiff diff = compared.diff();
        if (result.failed()) {
            Path report = Reports.write("produceSameSchemaAs-" + actual.location(), diff);
            failWith(shouldProduceSameSchemaAs(chainLabel() + " migrated to " + target(), expectedName, diff.toText(),
                    report), compared.from().toJson(), compared.to().toJson());
        }
        return myself;
    }

    /**
     * {@code areReversible} checks every migration that has a down script: up then down gives the schema before the
     * up, and up again gives the schema of the first up. A failure names each failing migration with its diff (or the
     * error of its down or second up). Migrations without a down script are reported, and fail only with
     * {@link #failingOnMissingDownScripts()}; a difference in column order alone is reported as such, and passes with
     * {@link #acceptingColumnOrderChanges()}.
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).areReversible();   // passes when every down script undoes its up
     * // fails: 003 booking index (...): down does not restore the schema ... index booking_starts_at_idx: added
     * }</pre>
     *
     * @return this assertion
     */
    public MigrationChainAssert areReversible() {
        MigrationChecks.Outcome outcome = checks().reversibility(acceptColumnOrder);
        outcome.notes().forEach(n -> LOG.info("areReversible accepted a column order change: {}", n));
        if (!outcome.withoutDown().isEmpty()) {
            LOG.warn("areReversible: migrations without a down script (not checked): {}", outcome.withoutDown());
        }
        boolean missingFails = failOnMissingDown && !outcome.withoutDown().isEmpty();
        if (!outcome.failures().isEmpty() || missingFails) {
            failWith(shouldBeReversible(chainLabel(), outcome.failures(), outcome.withoutDown(), missingFails));
        }
        return myself;
    }

    /**
     * {@code areIdempotent} checks that every migration's up script (for a master schema: the whole schema) can run
     * twice: the second run succeeds and leaves the schema of the first. A chain's scripts run directly, without a
     * history table, as a deploy that re-runs {@code schema.sql} would; on another engine (Flyway, Liquibase) each
     * migration runs twice the way the engine runs it (its history record is forgotten in between).
     *
     * <pre>{@code
     * assertThatMigrations(MigrationChain.at("sql/init_schema.sql")).on(server).areIdempotent();
     * // fails: the second run failed: ... [42P07] relation "party_name_idx" already exists
     * }</pre>
     *
     * @return this assertion
     */
    public MigrationChainAssert areIdempotent() {
        MigrationChecks.Outcome outcome = checks().idempotency();
        if (!outcome.failures().isEmpty()) {
            failWith(shouldBeIdempotent(chainLabel(), outcome.failures()));
        }
        return myself;
    }

    /**
     * {@code preserveData} loads a fixture at a version ({@link #fromVersion}, default the first), migrates to the
     * latest (or {@link #toVersion}), and checks that no table of the fixture has fewer rows than after loading.
     *
     * <pre>{@code
     * assertThatMigrations(chain).on(server).fromVersion("2").preserveData(Fixture.of("fixtures/studio.yml"));
     * // fails: these tables lost rows (rows at 2 → rows at 4): party: 3 → 2
     * }</pre>
     *
     * @param fixture the rows to load
     * @return this assertion
     */
    public MigrationChainAssert preserveData(Fixture fixture) {
        return preserveData(fixture, Map.of());
    }

    /**
     * {@code preserveData} is {@link #preserveData(Fixture)} with queries that count a table's rows after migrating,
     * for tables the chain renames, splits or filters: the query's count must not be lower than the table's rows
     * after loading.
     *
     * <pre>{@code
     * chainAssert.preserveData(fixture, Map.of("party", "SELECT count(*) FROM person"));   // party became person
     * }</pre>
     *
     * @param fixture the rows to load
     * @param countQueries table → a query returning one number
     * @return this assertion
     */
    public MigrationChainAssert preserveData(Fixture fixture, Map<String, String> countQueries) {
        List<Migration> migrations = from == null ? migrations() : List.of();
        if (from == null && migrations.isEmpty()) {
            throw new IllegalStateException("The " + chainLabel() + " has no versioned"
                    + " migrations, so there is no version to load the fixture at.");
        }
        MigrationVersion start = from != null ? from : migrations.get(0).version();
        List<String> lost = checks().dataPreservation(fixture, start, targetVersion(), countQueries);
        if (!lost.isEmpty()) {
            failWith(shouldPreserveData(chainLabel() + " migrated from " + start + " to " + target(), fixture, start,
                    lost));
        }
        return myself;
    }

    private MigrationChecks checks() {
        if (server == null) {
            throw new IllegalStateException("No server to run the migration checks on: call on(server) first, e.g."
                    + " assertThatMigrations(chain).on(PostgresServer.shared()).areReversible().");
        }
        return new MigrationChecks(actual, chain, server, options);
    }

    /** The versioned migrations: the chain's, or as the engine resolves them in a new database of the server. */
    private List<Migration> migrations() {
        return chain.map(MigrationChain::migrations).orElseGet(() -> checks().migrations());
    }

    private MigrationVersion targetVersion() {
        if (to != null) {
            return to;
        }
        if (chain.isPresent()) {
            return chain.get().latestVersion();
        }
        List<Migration> migrations = migrations();
        return migrations.isEmpty() ? MigrationVersion.EMPTY : migrations.get(migrations.size() - 1).version();
    }

    private String target() {
        if (chain.isEmpty()) {
            return targetVersion().toString();
        }
        return to == null ? chain.get().latestVersion().toString()
                : chain.get().migration(to).map(m -> m.version().toString()).orElse(to.toString());
    }

    /** @return {@code migration chain LOCATION}, or for another engine {@code migrations at LOCATION (engine NAME)} */
    private String chainLabel() {
        return chain.isPresent() ? "migration chain " + actual.location()
                : "migrations at " + actual.location() + " (engine " + actual.name() + ")";
    }
}
