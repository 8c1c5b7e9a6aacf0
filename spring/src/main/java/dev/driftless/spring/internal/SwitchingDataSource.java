package dev.driftless.spring.internal;

import dev.driftless.DriftlessException;
import dev.driftless.junit.Isolation;
import dev.driftless.junit.internal.DatabaseBinding;
import dev.driftless.junit.internal.PreparedSetup;
import dev.driftless.junit.internal.SetupSpec;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code SwitchingDataSource} is the {@code DataSource} bean of an application context built for
 * {@code @MigratedDatabase} test classes. The bean stays the same for the context's whole (cached) life; what it
 * connects to follows the test: during a test method, that test's fresh copy of the template (made by
 * {@link #beginTest(Class, String)}, dropped by {@link #endTest(boolean)}); outside test methods (the context starting,
 * {@code @BeforeAll} code), a copy that belongs to the context and is dropped with it.
 *
 * <p>It pools nothing: every {@code getConnection()} opens a connection to the current copy, so no pool is ever left
 * holding connections to a dropped database (dropping a copy also ends any connection still open to it). The copies
 * come from the template machinery of the JUnit extension ({@link PreparedSetup}), built once per content hash and
 * shared with every other class and context of the same setup.
 *
 * <p>One test at a time per context: tests that run in parallel must not share a context.
 */
public final class SwitchingDataSource extends AbstractDataSource implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchingDataSource.class);

    private final SetupSpec spec;
    private final Isolation isolation;
    private final String owner;
    private PreparedSetup prepared;
    private Database idle;
    private Database current;
    private Class<?> classOfCurrent;
    private String testOfCurrent;
    private boolean closed;

    SwitchingDataSource(SetupSpec spec, Isolation isolation, String owner) {
        this.spec = spec;
        this.isolation = isolation;
        this.owner = owner;
    }

    /**
     * Points this data source at a fresh copy for a test method (under {@link Isolation#PER_CLASS}, at the copy of the
     * method's class, made by its first test).
     *
     * @param testClass the test's class
     * @param test the test, for messages: e.g. {@code ShopTest.savesOrder}
     * @throws DriftlessException when another test of this context is still running (tests in parallel)
     */
    synchronized void beginTest(Class<?> testClass, String test) {
        checkOpen();
        if (isolation == Isolation.PER_CLASS && current != null && testClass.equals(classOfCurrent)) {
            testOfCurrent = test;
            return;
        }
        if (testOfCurrent != null) {
            throw new DriftlessException(test + " started while " + testOfCurrent + " was still running in the same"
                    + " Spring application context, whose DataSource points at one test's database at a time. Run the"
                    + " test classes of one context in one thread (e.g. @Execution(ExecutionMode.SAME_THREAD)), or give"
                    + " classes that run in parallel different configurations, so that each gets its own context.");
        }
        dropCurrent(false);
        current = prepared().template().newDatabase();
        classOfCurrent = testClass;
        testOfCurrent = test;
    }

    /**
     * Ends a test method: its copy is dropped in the background (kept when {@code keep} is set, for a person to inspect),
     * unless the class's copy serves its next test ({@link Isolation#PER_CLASS}).
     *
     * @param keep whether to keep the copy of a failed test
     * @return the database kept, empty when none was
     */
    synchronized Optional<Database> endTest(boolean keep) {
        testOfCurrent = null;
        if (isolation == Isolation.PER_CLASS && !keep) {
            return Optional.empty();
        }
        return dropCurrent(keep);
    }

    /** Ends a test class: the copy its tests shared under {@link Isolation#PER_CLASS} is dropped. */
    synchronized void endClass() {
        dropCurrent(false);
    }

    /** @return the database of the running test with its server and this data source, empty between tests */
    synchronized Optional<DatabaseBinding.Bound> bound() {
        return current == null ? Optional.empty()
                : Optional.of(new DatabaseBinding.Bound(current, prepared().server(), this));
    }

    /** @return the setup this data source builds */
    SetupSpec spec() {
        return spec;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().connect();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().dataSource().getConnection(username, password);
    }

    private synchronized Database target() {
        checkOpen();
        if (current != null) {
            return current;
        }
        if (idle == null) {
            idle = prepared().template().newDatabase();
        }
        return idle;
    }

    private PreparedSetup prepared() {
        if (prepared == null) {
            prepared = PreparedSetup.prepare(spec, owner);
        }
        return prepared;
    }

    private Optional<Database> dropCurrent(boolean keep) {
        Database database = current;
        current = null;
        classOfCurrent = null;
        testOfCurrent = null;
        if (database == null) {
            return Optional.empty();
        }
        PostgresServer server = prepared().server();
        if (keep) {
            server.keep(database);
            return Optional.of(database);
        }
        server.dropInBackground(database);
        return Optional.empty();
    }

    private void checkOpen() {
        if (closed) {
            throw new DriftlessException("The DataSource of @MigratedDatabase(" + spec.describe() + ") was used after"
                    + " its application context closed; its databases are dropped.");
        }
    }

    /** Drops the context's copies: the application context is closing. */
    @Override
    public synchronized void destroy() {
        if (closed) {
            return;
        }
        closed = true;
        dropCurrent(false);
        if (idle != null) {
            prepared().server().dropInBackground(idle);
            idle = null;
        }
        LOG.debug("@MigratedDatabase({}): context closed, its databases dropped", spec.describe());
    }

    @Override
    public String toString() {
        return "SwitchingDataSource[@MigratedDatabase(" + spec.describe() + "), isolation " + isolation + "]";
    }
}
