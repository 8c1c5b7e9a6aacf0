package dev.driftless.spring.internal;

import dev.driftless.DriftlessException;
import dev.driftless.junit.Isolation;
import dev.driftless.junit.internal.SetupSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The switching data source on its own: one test at a time, a copy per test, nothing after the context closed. */
class SwitchingDataSourceTest {

    private static final SetupSpec SHOP = new SetupSpec("", "classpath:db/shop", Optional.empty(), "", List.of(),
            Optional.empty(), 0, "");

    private final SwitchingDataSource dataSource = new SwitchingDataSource(SHOP, Isolation.PER_METHOD, "ShopTest");

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void eachTestGetsItsOwnCopyAndTheContextAnother() throws Exception {
        String startup = currentDatabase();
        dataSource.beginTest(SwitchingDataSourceTest.class, "ShopTest.one");
        String one = currentDatabase();
        dataSource.endTest(false);
        dataSource.beginTest(SwitchingDataSourceTest.class, "ShopTest.two");
        String two = currentDatabase();
        dataSource.endTest(false);

        assertThat(List.of(startup, one, two)).doesNotHaveDuplicates().allMatch(name -> name.startsWith("driftless_"));
        assertThat(currentDatabase()).isEqualTo(startup);
    }

    @Test
    void aSecondTestCannotStartWhileTheFirstRuns() {
        dataSource.beginTest(SwitchingDataSourceTest.class, "ShopTest.one");

        assertThatThrownBy(() -> dataSource.beginTest(SwitchingDataSourceTest.class, "ShopTest.two"))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("ShopTest.two started while ShopTest.one was still running in the same Spring application"
                        + " context, whose DataSource points at one test's database at a time. Run the test classes of"
                        + " one context in one thread (e.g. @Execution(ExecutionMode.SAME_THREAD)), or give classes that"
                        + " run in parallel different configurations, so that each gets its own context.");
    }

    @Test
    void nothingConnectsAfterTheContextClosed() {
        dataSource.destroy();

        assertThatThrownBy(dataSource::getConnection).isInstanceOf(DriftlessException.class)
                .hasMessage("The DataSource of @MigratedDatabase(migrations = \"classpath:db/shop\") was used after its"
                        + " application context closed; its databases are dropped.");
    }

    private String currentDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
