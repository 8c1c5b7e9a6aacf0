package dev.driftless.junit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @MigratedDatabase} on superclasses, enclosing classes of {@code @Nested} classes, and composed annotations. */
class InheritanceTest {

    @Test
    void subclassesUseTheSuperclassSetup() {
        EngineExecutionResults results = Kit.run(Subclass.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "tables")).containsExactly("customer,orders");
    }

    @Test
    void nestedClassesUseTheEnclosingSetupUnlessTheyHaveTheirOwn() {
        EngineExecutionResults results = Kit.run(Outer.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "tables")).containsExactly("customer,orders", "customer,orders", "product");
    }

    @Test
    void composedAnnotationsCarryTheSetup() {
        EngineExecutionResults results = Kit.run(Composed.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(Kit.entries(results, "tables")).containsExactly("product");
    }

    private static void publishTables(TestDatabase db, TestReporter reporter) {
        reporter.publishEntry("tables", String.join(",", db.snapshot().tables().stream().map(t -> t.name()).sorted()
                .toList()));
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    abstract static class Base {
    }

    static class Subclass extends Base {
        @Test
        void inherits(TestDatabase db, TestReporter reporter) {
            publishTables(db, reporter);
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop")
    static class Outer {
        @Test
        void outer(TestDatabase db, TestReporter reporter) {
            publishTables(db, reporter);
        }

        @Nested
        class Inner {
            @Test
            void inner(TestDatabase db, TestReporter reporter) {
                publishTables(db, reporter);
            }

            @Nested
            @MigratedDatabase(migrations = "db/flyway")
            class Own {
                @Test
                void own(TestDatabase db, TestReporter reporter) {
                    publishTables(db, reporter);
                }
            }
        }
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @MigratedDatabase(migrations = "db/flyway", format = Format.FLYWAY)
    @interface ProductDatabase {
    }

    @FixtureClass
    @ProductDatabase
    static class Composed {
        @Test
        void composed(TestDatabase db, TestReporter reporter) {
            publishTables(db, reporter);
        }
    }
}
