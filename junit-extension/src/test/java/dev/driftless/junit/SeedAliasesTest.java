package dev.driftless.junit;

import dev.driftless.seed.Fixture;
import dev.driftless.seed.Seeder;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The aliases of {@code @MigratedDatabase(seed = ...)} are kept with the template, and each test's seeder has them. */
class SeedAliasesTest {

    @Test
    void eachTestsSeederStartsWithTheAliasesOfTheTemplatesSeeds() {
        EngineExecutionResults results = Kit.run(Seeded.class);
        assertThat(Kit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    }

    @Test
    void withoutSeedsTheAliasIsUnknown() {
        EngineExecutionResults results = Kit.run(Unseeded.class);
        assertThat(Kit.failures(results)).containsExactly("refersToTheSeedsCustomer(Seeder): Cannot load fixtures:"
                + " 1 problem found before anything was inserted:\n"
                + "  - order.yml:2, table orders, row 1, column customer_id: unknown alias \"bob\" in $ref:bob;"
                + " no row has an alias yet (give the referenced row an _alias)\n"
                + "Nothing was inserted. Fix the fixture and load again.");
    }

    private static final Fixture ORDER_OF_BOB = Fixture.parse("order.yml", "orders:\n"
            + "  - customer_id: $ref:bob\n    price_cents: 300\n");

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql", seed = "fixtures/customers.yml")
    static class Seeded {
        @Test
        void refersToTheSeedsCustomer(Seeder seed, TestDatabase db) throws Exception {
            seed.load(ORDER_OF_BOB);
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT c.name, c.id FROM orders o JOIN customer c ON c.id = o.customer_id")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Bob");
                assertThat(seed.row("bob").getLong("id")).isEqualTo(rs.getLong(2));
            }
        }

        @Test
        void anotherTestHasThemToo(TestDatabase db) throws Exception {
            assertThat(db.seeder().row("alice").get("name")).isEqualTo("Alice");
            db.seeder().load(ORDER_OF_BOB);
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT current_setting('driftless.seed_aliases', true)")) {
                rs.next();
                assertThat(rs.getString(1)).as("kept with the template, not copied into tests").isNull();
            }
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class Unseeded {
        @Test
        void refersToTheSeedsCustomer(Seeder seed) {
            seed.load(ORDER_OF_BOB);
        }
    }
}
