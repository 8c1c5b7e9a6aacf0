package dev.driftless.assertions.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The messages of the migration-chain checks, in the words {@code MigrationChainAssert} uses today (see
 * {@code MigrationChainAssertTest}), for it to raise once it moves to these factories.
 */
class MigrationMessagesTest {

    private static final String CHAIN = "migration chain sql/migrations";

    @Test
    void produceSameSchema() {
        assertThat(ShouldProduceSameSchema.shouldProduceSameSchemaAs(CHAIN + " migrated to 4", "init.sql",
                "1 difference\n  table t: added\n", Path.of("target/report.html")).create()).isEqualTo("""

                Expecting actual:
                  migration chain sql/migrations migrated to 4
                to produce the same schema as:
                  init.sql
                but found (init.sql → migrated chain):
                  1 difference
                    table t: added
                HTML report: target/report.html""");
        assertThat(ShouldProduceSameSchema.shouldProduceSameSchemaAs(CHAIN, "init.sql", "d", null).create())
                .endsWith("migrated chain):\n  d");
    }

    @Test
    void reversible() {
        assertThat(ShouldBeReversible.shouldBeReversible(CHAIN, List.of("2 b:\n  down failed"), List.of("3 c"), false)
                .create()).isEqualTo("""

                Expecting actual:
                  migration chain sql/migrations
                to be reversible (down restores the schema before up; up again gives the schema of the first up)
                but 1 migration is not:
                  2 b:
                    down failed
                Migrations without a down script (not checked):
                  3 c""");
        assertThat(ShouldBeReversible.shouldBeReversible(CHAIN, List.of("1 a", "2 b"), List.of("3 c"), true).create())
                .endsWith("\nbut 2 migrations are not:\n  1 a\n  2 b\nand these migrations have no down script:\n  3 c");
        assertThat(ShouldBeReversible.shouldBeReversible(CHAIN, List.of(), List.of("3 c"), true).create())
                .endsWith("first up)\nbut these migrations have no down script:\n  3 c");
    }

    @Test
    void idempotentAndPreserveData() {
        assertThat(ShouldBeIdempotent.shouldBeIdempotent(CHAIN, List.of("1 a:\n  the second run failed")).create())
                .isEqualTo("""

                Expecting actual:
                  migration chain sql/migrations
                to be idempotent (each script runs twice without error, leaving the same schema)
                but 1 migration is not:
                  1 a:
                    the second run failed""");
        assertThat(ShouldPreserveData.shouldPreserveData(CHAIN + " migrated from 1 to 3", "Fixture[2 rows in [p]]",
                "1", List.of("p: 2 → 1")).create()).isEqualTo("""

                Expecting actual:
                  migration chain sql/migrations migrated from 1 to 3
                to keep every row of:
                  Fixture[2 rows in [p]]
                but these tables lost rows (rows at 1 → rows after migrating):
                  p: 2 → 1""");
    }
}
