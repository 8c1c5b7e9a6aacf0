package dev.driftless.internal.migration;

import dev.driftless.resource.Location;
import dev.driftless.resource.ResourceException;
import dev.driftless.migration.Layout;
import dev.driftless.migration.MigrationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainAssemblerTest {

    private static final ClassLoader LOADER = ChainAssemblerTest.class.getClassLoader();

    private static ChainAssembler.Assembled read(String location) {
        return ChainAssembler.assemble(Location.of(location).withClassLoader(LOADER).list("migrations"), null);
    }

    private static List<String> versions(ChainAssembler.Assembled chain) {
        return chain.steps().stream().map(s -> s.version().toString()).collect(Collectors.toList());
    }

    private static List<String> downs(ChainAssembler.Assembled chain) {
        return chain.steps().stream()
                .map(s -> s.down() == null ? "-" : s.down().name().substring(s.down().name().lastIndexOf('/') + 1))
                .collect(Collectors.toList());
    }

    @Test
    void numbered() {
        ChainAssembler.Assembled chain = read("classpath:migrations/numbered");
        assertThat(chain.layout()).isEqualTo(Layout.NUMBERED);
        assertThat(versions(chain)).containsExactly("001", "002", "003", "010");
        assertThat(downs(chain)).containsExactly("001_initial.down.sql", "002_orders.rollback.sql", "003_rollback.sql",
                "010_email.undo.sql");
        assertThat(chain.steps().get(2).up().noTransaction()).isTrue();
        assertThat(chain.steps().get(2).description()).isEqualTo("index");
        assertThat(chain.steps().get(0).up().name()).isEqualTo("classpath:migrations/numbered/001_initial.sql");
        assertThat(chain.warnings()).isEmpty();
    }

    @Test
    void flywayWithDottedVersionsSubfoldersAndRepeatables() {
        ChainAssembler.Assembled chain = read("classpath:migrations/flyway");
        assertThat(chain.layout()).isEqualTo(Layout.FLYWAY);
        assertThat(versions(chain)).containsExactly("1", "1.1", "1.9", "1.10", "2");
        assertThat(downs(chain)).containsExactly("U1__init.sql", "U1.1__orders.sql", "U1.9__phone.sql",
                "U1.10__email.sql", "U2__index.sql");
        assertThat(chain.steps().get(4).up().noTransaction()).isTrue();
        assertThat(chain.steps().get(3).up().noTransaction()).isFalse();
        assertThat(chain.repeatables()).extracting(FoundScript::description).containsExactly("views");
    }

    @Test
    void golangMigrateOrdersTenAfterTwo() {
        ChainAssembler.Assembled chain = read("classpath:migrations/golang");
        assertThat(chain.layout()).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(versions(chain)).containsExactly("1", "2", "10");
        assertThat(downs(chain)).containsExactly("1_init.down.sql", "2_orders.down.sql", "10_email.down.sql");
    }

    @Test
    void dieselFoldersOrderDashedPrefixesAmongPlainOnes() {
        ChainAssembler.Assembled chain = read("classpath:migrations/diesel");
        assertThat(chain.layout()).isEqualTo(Layout.FOLDER_PER_MIGRATION);
        assertThat(versions(chain)).containsExactly("00000000000000", "2019-01-01-000000", "20190102000000",
                "2019-01-03-000000");
        assertThat(chain.steps()).extracting(s -> s.up().noTransaction()).containsExactly(false, false, false, true);
        assertThat(chain.steps().get(1).description()).isEqualTo("customers");
    }

    @Test
    void prismaHasNoDownScripts() {
        ChainAssembler.Assembled chain = read("classpath:migrations/prisma");
        assertThat(chain.layout()).isEqualTo(Layout.PRISMA);
        assertThat(versions(chain)).containsExactly("20240101120000", "20240102120000");
        assertThat(downs(chain)).containsExactly("-", "-");
        assertThat(chain.warnings()).isEmpty();
    }

    @Test
    void dbmateSectionsKeepTheFileLineNumbers() {
        ChainAssembler.Assembled chain = read("classpath:migrations/dbmate");
        assertThat(chain.layout()).isEqualTo(Layout.DBMATE);
        assertThat(versions(chain)).containsExactly("20240101120000", "20240102120000", "20240103120000");
        ChainAssembler.Step orders = chain.steps().get(1);
        assertThat(orders.up().firstLine()).isEqualTo(2);
        assertThat(orders.up().text()).startsWith("CREATE TABLE orders (").doesNotContain("DROP");
        assertThat(orders.down().firstLine()).isEqualTo(8);
        assertThat(orders.down().text()).startsWith("DROP TABLE orders;");
        assertThat(chain.steps().get(2).up().noTransaction()).isTrue();
        assertThat(chain.steps().get(2).down().noTransaction()).isTrue();
        assertThat(chain.steps().get(0).up().noTransaction()).isFalse();
    }

    @Test
    void sqitchUsesTaggedScriptsForReworkedChanges() {
        ChainAssembler.Assembled chain = read("classpath:migrations/sqitch");
        assertThat(chain.layout()).isEqualTo(Layout.SQITCH);
        assertThat(versions(chain)).containsExactly("1", "2", "3");
        assertThat(chain.steps()).extracting(s -> s.up().name().substring(s.up().name().indexOf("deploy/")))
                .containsExactly("deploy/customers@v1.0.sql", "deploy/orders.sql", "deploy/customers.sql");
        assertThat(chain.steps()).extracting(s -> s.down().name().substring(s.down().name().indexOf("revert/")))
                .containsExactly("revert/customers@v1.0.sql", "revert/orders.sql", "revert/customers.sql");
        assertThat(chain.warnings()).isEmpty();
    }

    @Test
    void fileSystemLocationsUseThePathAsWritten() {
        String location = Path.of("src/test/resources/migrations/golang").toString();
        ChainAssembler.Assembled chain = read(location);
        assertThat(chain.steps().get(0).up().name()).isEqualTo(location + "/1_init.up.sql");
        assertThat(chain.steps().get(0).up().baseDirectory()).isPresent();
    }

    @Test
    void duplicateVersionsNameEveryFile() {
        assertThatThrownBy(() -> read("classpath:migrations/errors/duplicate"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at 'classpath:migrations/errors/duplicate' (numbered files layout) is"
                        + " invalid:\n"
                        + "  - two migrations have version 004: classpath:migrations/errors/duplicate/004_a.sql,"
                        + " classpath:migrations/errors/duplicate/004_b.sql; give each a version of its own");
    }

    @Test
    void downWithoutUp() {
        assertThatThrownBy(() -> read("classpath:migrations/errors/orphan-down"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at 'classpath:migrations/errors/orphan-down' (numbered files layout)"
                        + " is invalid:\n"
                        + "  - down script classpath:migrations/errors/orphan-down/002_x.down.sql has no up migration"
                        + " with version 002; add the up migration or delete the down script");
    }

    @Test
    void sqlFileFittingNoPattern() {
        assertThatThrownBy(() -> read("classpath:migrations/errors/unmatched"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at 'classpath:migrations/errors/unmatched' (numbered files layout) is"
                        + " invalid:\n"
                        + "  - classpath:migrations/errors/unmatched/notes.sql fits no pattern of the numbered files"
                        + " layout (expected names like 001_initial.sql, 001_initial.down.sql,"
                        + " 001_initial.rollback.sql, 001_rollback.sql); rename it or move it out of the migrations"
                        + " folder");
    }

    @Test
    void explicitLayoutReportsFilesOfAnotherLayout() {
        assertThatThrownBy(() -> ChainAssembler.assemble(
                Location.of("classpath:migrations/golang").withClassLoader(LOADER).list("migrations"), Layout.FLYWAY))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("The migration chain at 'classpath:migrations/golang' (Flyway layout) is"
                        + " invalid:\n  - classpath:migrations/golang/10_email.down.sql fits no pattern of the Flyway"
                        + " layout (expected names like V1__init.sql, V1.1__add_x.sql, U1__init.sql, R__views.sql,"
                        + " B2__baseline.sql);");
    }

    @Test
    void emptyMigrationIsAWarningNamingTheFile() {
        ChainAssembler.Assembled chain = read("classpath:migrations/errors/empty");
        assertThat(chain.warnings()).containsExactly(
                "classpath:migrations/errors/empty/002_nothing.sql (version 002) is empty: the migration does nothing");
    }

    @Test
    void missingLocationListsThePlacesSearched() {
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThatThrownBy(() -> read("db/nowhere"))
                .isInstanceOf(ResourceException.class)
                .hasMessage("No migrations found at 'db/nowhere': nothing exists there. Searched:\n"
                        + "  " + cwd + "/db/nowhere (file system)\n"
                        + "  classpath:db/nowhere (class path)\n"
                        + "Check the spelling; a file path is resolved against the working directory " + cwd
                        + ", a 'classpath:' location against the class path.");
        assertThatThrownBy(() -> read("classpath:db/nowhere"))
                .hasMessageStartingWith("No migrations found at 'classpath:db/nowhere': nothing exists there."
                        + " Searched:\n  classpath:db/nowhere (class path)\n");
    }

    @Test
    void folderWithoutAnyKnownLayout() {
        assertThatThrownBy(() -> read("classpath:migrations/sqitch/verify"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("No migrations found at 'classpath:migrations/sqitch/verify': none"
                        + " of its 3 files (customers.sql, customers@v1.0.sql, orders.sql) fits a known layout."
                        + " Known layouts:\n  numbered files (001_initial.sql, ");
    }
}
