package dev.driftless.spring.internal;

import dev.driftless.config.DriftlessConfig;
import dev.driftless.junit.internal.SetupSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.transaction.TransactionalTestExecutionListener;

import java.util.Optional;

/**
 * {@code MigratedDatabaseTestExecutionListener} points the context's {@link SwitchingDataSource} at a fresh copy
 * before each test method and drops the copy after it. Registered in {@code META-INF/spring.factories}.
 *
 * <p>Ordered before {@link TransactionalTestExecutionListener}: a {@code @Transactional} test's transaction begins on
 * the new copy, and (after-methods run in reverse order) rolls back before the copy is dropped. {@code @Sql} scripts
 * (a later listener) run on the copy too.
 */
public final class MigratedDatabaseTestExecutionListener implements TestExecutionListener, Ordered {

    /** The order: after dependency injection (2000) and {@code @DirtiesContext} (3000), before transactions (4000). */
    public static final int ORDER = 3900;

    private static final Logger LOG = LoggerFactory.getLogger(MigratedDatabaseTestExecutionListener.class);

    /** Creates the listener; Spring calls this. */
    public MigratedDatabaseTestExecutionListener() {
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        dataSource(testContext).ifPresent(dataSource -> dataSource.beginTest(testContext.getTestClass(),
                testContext.getTestClass().getSimpleName() + "." + testContext.getTestMethod().getName()));
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        boolean keep = testContext.getTestException() != null && keepFailed();
        dataSource(testContext).flatMap(dataSource -> dataSource.endTest(keep)).ifPresent(kept ->
                LOG.warn("{}.{} failed; its database is kept (driftless.keepFailed=true): {}?user={}",
                        testContext.getTestClass().getSimpleName(), testContext.getTestMethod().getName(),
                        kept.jdbcUrl(), kept.user()));
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        dataSource(testContext).ifPresent(SwitchingDataSource::endClass);
    }

    private static boolean keepFailed() {
        return DriftlessConfig.load().get(DriftlessConfig.KEEP_FAILED)
                .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
    }

    /** The context's switching data source, when the class is a {@code @MigratedDatabase} class. */
    static Optional<SwitchingDataSource> dataSource(TestContext testContext) {
        if (SetupSpec.findAnnotation(testContext.getTestClass()).isEmpty()) {
            return Optional.empty();
        }
        ApplicationContext context = testContext.getApplicationContext();
        return Optional.ofNullable(context.getBeanProvider(SwitchingDataSource.class).getIfAvailable());
    }
}
