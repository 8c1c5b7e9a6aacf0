package dev.driftless.junit;

import dev.driftless.migration.Engine;
import dev.driftless.schema.Equivalence;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @MigratedDatabase} gives a test class a real PostgreSQL database built from a master schema or a migration
 * chain, fresh for every test, injected as a parameter.
 *
 * <pre>{@code
 * @MigratedDatabase(migrations = "src/main/resources/db/migration")
 * class BookingRepositoryTest {
 *
 *     @Test
 *     void createsBooking(DataSource dataSource) { ... }    // a copy of the migrated template, dropped after the test
 *
 *     @Test
 *     void bookingTable(SchemaSnapshot schema) { ... }
 * }
 * }</pre>
 *
 * <p>The schema or migrations, with the {@link #seed()} fixtures, are built once per JVM into a template database
 * (once per content: change a byte of a script and a new template is built); each test gets a copy made in
 * milliseconds. Test methods, lifecycle methods and constructors may declare parameters of these types:
 * {@link javax.sql.DataSource}, {@link java.sql.Connection} (closed after the test), {@link TestDatabase},
 * {@link dev.driftless.server.Database}, {@link dev.driftless.schema.SchemaSnapshot},
 * {@link dev.driftless.migration.Migrator} (Driftless's own runner only), {@link dev.driftless.seed.Seeder},
 * {@link dev.driftless.server.PostgresServer} and {@link dev.driftless.schema.DiffOptions} (with the
 * {@link #treatAsEqual()} equivalences). Under {@link Isolation#PER_METHOD}, a {@code @BeforeAll} method may only
 * take a {@code PostgresServer}: there is no class-wide database.
 *
 * <p><b>Inherited:</b> the annotation is {@link Inherited}: a subclass of an annotated class uses its superclass's
 * setup, and {@code @Nested} classes use their enclosing class's. A class's own annotation (declared directly or
 * through a composed annotation) replaces the inherited or enclosing one as a whole: attributes are not merged.
 *
 * <p><b>Meta-annotation:</b> {@code @MigratedDatabase} may annotate your own composed annotation, so a setup used by
 * many classes is written once:
 * <pre>{@code
 * @Target(ElementType.TYPE)
 * @Retention(RetentionPolicy.RUNTIME)
 * @MigratedDatabase(migrations = "db/migrations", seed = "fixtures/studio.yml")
 * public @interface StudioDatabase { }
 * }</pre>
 *
 * <p><b>Repeated:</b> it is not repeatable. When a class carries it more than once (directly and through composed
 * annotations), the direct one wins, then the first composed annotation in declaration order; the others are ignored.
 *
 * <p><b>Spring tests:</b> with {@code driftless-spring} on the test class path, on a Spring test class
 * ({@code @SpringBootTest}, {@code @DataJpaTest}, ...) the application context's {@code DataSource} follows each test's
 * database, and the parameters above are that database (see the guide's Spring page).
 *
 * <p>Configuration precedence: an attribute set here, then the {@code driftless.*} system property, the
 * {@code DRIFTLESS_*} environment variable, {@code driftless.properties}, and the default.
 *
 * <p><b>Engines:</b> a migration chain is built the way production builds it. {@link #engine()} {@code AUTO} (the
 * default) picks the real Liquibase for a changelog file, the real Flyway for a folder with Flyway's file names when
 * {@code org.flywaydb:flyway-core} is on the test class path, and Driftless's own runner otherwise; the log says which
 * and why, once per template. Flyway and Liquibase are configured with {@link #flyway()} and {@link #liquibase()}:
 * <pre>{@code
 * @MigratedDatabase(migrations = "classpath:db/migration",
 *         flyway = @FlywayConfig(locations = "classpath:db/callbacks", placeholders = "currency=EUR"))
 * class InvoiceRepositoryTest { ... }
 * }</pre>
 *
 * <p>Locations ({@link #schema()}, {@link #migrations()}, {@link #seed()}) are {@code classpath:} resources or file
 * paths. A file path is tried relative to the working directory, then to the module's base directory (Maven's
 * {@code basedir}), then on the class path; when nothing is found, the error lists every place searched.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(MigratedDatabaseExtension.class)
public @interface MigratedDatabase {

    /**
     * {@code schema} is a master schema script that builds the whole schema, e.g. {@code sql/init_schema.sql}.
     * Exactly one of {@code schema} and {@link #migrations()} must be set.
     *
     * @return the script's location, empty when {@link #migrations()} is used
     */
    String schema() default "";

    /**
     * {@code migrations} is the folder of a migration chain in any layout Driftless knows, e.g.
     * {@code classpath:db/migration} (for Flyway, its first location), or a Liquibase changelog file, e.g.
     * {@code classpath:db/changelog/db.changelog-master.yaml}. Exactly one of {@link #schema()} and {@code migrations}
     * must be set.
     *
     * @return the chain's location, empty when {@link #schema()} is used
     */
    String migrations() default "";

    /**
     * {@code format} is the layout of {@link #migrations()} for Driftless's own runner; detected from the files by
     * default. Flyway and Liquibase read their own files: with {@code engine = FLYWAY} only {@code Format.FLYWAY} is
     * allowed, with {@code engine = LIQUIBASE} none.
     *
     * @return the layout
     */
    Format format() default Format.AUTO;

    /**
     * {@code target} is the version to migrate to, e.g. {@code "003"}; the latest by default. Only with
     * {@link #migrations()}. As the engine defines it: a version of the chain for Driftless's runner, a Flyway version
     * ({@code "1.1"}) for Flyway, a changeSet count or tag for Liquibase.
     *
     * @return the version, empty for the latest
     */
    String target() default "";

    /**
     * {@code engine} is what builds the chain: {@link Engine#AUTO} (the default) picks one from {@link #migrations()}
     * (see {@link Engine#AUTO}), the others force one. {@code engine = DRIFTLESS} on a Flyway folder uses
     * Driftless's own runner even with Flyway on the class path. Only with {@link #migrations()}.
     *
     * <pre>{@code
     * @MigratedDatabase(migrations = "classpath:db/migration", engine = Engine.FLYWAY)
     * }</pre>
     *
     * @return the engine
     */
    Engine engine() default Engine.AUTO;

    /**
     * {@code flyway} configures the real Flyway when it builds the chain; see {@link FlywayConfig}. Refused with
     * {@code engine = DRIFTLESS} or {@code LIQUIBASE}, with a {@link #schema()}, and when {@code AUTO} picks another
     * engine (the error says why it did).
     *
     * <pre>{@code
     * @MigratedDatabase(migrations = "classpath:db/migration",
     *         flyway = @FlywayConfig(locations = "classpath:db/callbacks", placeholders = "currency=EUR"))
     * }</pre>
     *
     * @return the Flyway settings, none by default
     */
    FlywayConfig flyway() default @FlywayConfig;

    /**
     * {@code liquibase} configures the real Liquibase when it builds the changelog; see {@link LiquibaseConfig}.
     * Refused with {@code engine = DRIFTLESS} or {@code FLYWAY}, with a {@link #schema()}, and when {@code AUTO} picks
     * another engine.
     *
     * <pre>{@code
     * @MigratedDatabase(migrations = "classpath:db/changelog/db.changelog-master.xml",
     *         liquibase = @LiquibaseConfig(contexts = "test"))
     * }</pre>
     *
     * @return the Liquibase settings, none by default
     */
    LiquibaseConfig liquibase() default @LiquibaseConfig;

    /**
     * {@code seed} lists fixture files loaded, in order, into the template after the schema: YAML, JSON, CSV dataset
     * folders and DbUnit flat XML through the {@link dev.driftless.seed.Seeder} (later fixtures may refer to the
     * aliases of earlier ones), and plain {@code .sql} files through the script runner.
     *
     * @return the fixture locations, none by default
     */
    String[] seed() default {};

    /**
     * {@code isolation} says whether each test gets its own database (the default) or the class's tests share one.
     *
     * @return the isolation
     */
    Isolation isolation() default Isolation.PER_METHOD;

    /**
     * {@code postgres} is the PostgreSQL major version of the embedded provider (14 to 18); {@code driftless.postgres.version}
     * or 17 by default. The Docker provider's version is its {@link #image()}'s.
     *
     * @return the major version, 0 for the configured one
     */
    int postgres() default 0;

    /**
     * {@code provider} says where the server comes from; {@code driftless.provider} ({@code auto} unless set) by default.
     *
     * @return the provider
     */
    Provider provider() default Provider.CONFIGURED;

    /**
     * {@code image} is the Docker image of the docker provider, e.g. {@code postgis/postgis:17-3.5};
     * {@code driftless.postgres.image} or {@code postgres:17} by default.
     *
     * @return the image, empty for the configured one
     */
    String image() default "";

    /**
     * {@code treatAsEqual} names the {@link Equivalence}s the tests compare schemas with: an injected
     * {@link dev.driftless.schema.DiffOptions} parameter is {@code DiffOptions.defaults().treatingAsEqual(...)} with
     * them, to hand to {@code usingDiffOptions(...)} of the assertions. The same names as the API's
     * {@link Equivalence} and the CLI's {@code --treat-as-equal} (there in lower case with hyphens). They do not change
     * how the database is built.
     *
     * <pre>{@code
     * @MigratedDatabase(migrations = "db/migrations", treatAsEqual = Equivalence.NO_ACTION_IS_RESTRICT)
     * class SchemaTest {
     *     @Test
     *     void matchesTheBaseline(SchemaSnapshot schema, DiffOptions options) {
     *         assertThat(schema).usingDiffOptions(options).matchesSnapshot(Path.of("baseline.json"));
     *     }
     * }
     * }</pre>
     *
     * @return the equivalences, none by default
     */
    Equivalence[] treatAsEqual() default {};
}
