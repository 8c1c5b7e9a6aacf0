package dev.driftless.migration;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link EngineSelector} on real locations: which engine each kind of location gets, and why. */
class EngineSelectorTest {

    private static final String STUDIO = "classpath:flyway/studio/migration";

    @Test
    void aFlywayFolderGetsFlywayWhenFlywayIsOnTheClassPath() {
        SelectedEngine selected = EngineSelector.at(STUDIO).select();

        assertThat(selected.kind()).isEqualTo(Engine.FLYWAY);
        assertThat(selected.reason()).isEqualTo("Flyway is on the class path and the folder has Flyway's file names"
                + " (engine = DRIFTLESS uses Driftless's own runner instead)");
        assertThat(selected.engine().name()).startsWith("Flyway ");
        assertThat(selected.engine().location()).startsWith(STUDIO);
        assertThat(selected.chain()).isEmpty();
    }

    @Test
    void driftlesssRunnerOnAFlywayFolderTakesThePlaceholdersOfTheFlywaySettings() {
        SelectedEngine selected = EngineSelector.at("classpath:flyway/fidelity/migration").withEngine(Engine.DRIFTLESS)
                .withFlyway(FlywaySettings.defaults().withEnvironment(Map.of()).withPlaceholder("tenant", "globex"))
                .select();

        assertThat(selected.kind()).isEqualTo(Engine.DRIFTLESS);
        // the settings beat the project's flyway.conf (tenant=acme), which still gives default_currency
        assertThat(selected.chain().orElseThrow().migration("1").orElseThrow().up().content())
                .contains("DEFAULT 'EUR'").contains("'Accounts of globex in schema ${flyway:defaultSchema}");
    }

    @Test
    void aNumberedChainGetsDriftlesssRunner() {
        SelectedEngine selected = EngineSelector.at("classpath:migrations/numbered").select();

        assertThat(selected.kind()).isEqualTo(Engine.DRIFTLESS);
        assertThat(selected.reason()).isEqualTo("the folder is not in Flyway's layout");
        assertThat(selected.engine().name()).isEqualTo("Driftless");
        assertThat(selected.chain()).hasValueSatisfying(chain -> assertThat(chain.layout()).contains(Layout.NUMBERED));
    }

    @Test
    void aSingleSqlFileIsAMasterSchemaForDriftlesssRunner() {
        SelectedEngine selected = EngineSelector.at("classpath:migrations/master/schema.sql").select();

        assertThat(selected.kind()).isEqualTo(Engine.DRIFTLESS);
        assertThat(selected.reason()).isEqualTo("a single SQL file is a master schema");
        assertThat(selected.chain()).isPresent();
    }

    @Test
    void aYamlChangelogGoesToLiquibase() {
        SelectedEngine selected = EngineSelector.at("classpath:engine-selector/db.changelog-master.yaml").select();

        assertThat(selected.kind()).isEqualTo(Engine.LIQUIBASE);
        assertThat(selected.engine().name()).startsWith("Liquibase 4.");
        assertThat(selected.reason()).isEqualTo("db.changelog-master.yaml is a Liquibase changelog");
        assertThat(selected.chain()).isEmpty();
    }

    @Test
    void engineDriftlessOnAFlywayFolderUsesDriftlesssRunner() {
        SelectedEngine selected = EngineSelector.at("classpath:flyway/plain").withEngine(Engine.DRIFTLESS).select();

        assertThat(selected.kind()).isEqualTo(Engine.DRIFTLESS);
        assertThat(selected.reason()).isEqualTo("engine = DRIFTLESS was asked for");
        assertThat(selected.chain()).hasValueSatisfying(chain -> assertThat(chain.layout()).contains(Layout.FLYWAY));
    }

    @Test
    void theFlywayLayoutPicksFlywayOnlyForFilesThatFitIt() {
        SelectedEngine selected = EngineSelector.at("classpath:flyway/plain").withLayout(Layout.FLYWAY).select();
        EngineSelector numbered = EngineSelector.at("classpath:migrations/numbered").withLayout(Layout.FLYWAY);

        assertThat(selected.kind()).isEqualTo(Engine.FLYWAY);
        // Flyway would skip the files silently; Driftless's runner names each.
        assertThatThrownBy(numbered::select).isInstanceOf(MigrationException.class).hasMessage("The migration chain at"
                + " 'classpath:migrations/numbered' (Flyway layout) is invalid:" + String.join("", java.util.stream.Stream
                .of("001_initial.down.sql", "001_initial.sql", "002_orders.rollback.sql", "002_orders.sql",
                        "003_index.autocommit.sql", "003_rollback.sql", "010_email.sql", "010_email.undo.sql")
                .map(file -> "\n  - classpath:migrations/numbered/" + file + " fits no pattern of the Flyway layout"
                        + " (expected names like V1__init.sql, V1.1__add_x.sql, U1__init.sql, R__views.sql,"
                        + " B2__baseline.sql); rename it or move it out of the migrations folder").toList()));
    }

    @Test
    void anExplicitLayoutOtherThanFlywaysMeansDriftlesssRunner() {
        SelectedEngine selected = EngineSelector.at("classpath:migrations/numbered").withLayout(Layout.NUMBERED)
                .select();

        assertThat(selected.kind()).isEqualTo(Engine.DRIFTLESS);
        assertThat(selected.reason()).isEqualTo("the folder is not in Flyway's layout");
    }

    @Test
    void engineFlywayOnAFileIsRefused() {
        assertThatThrownBy(() -> EngineSelector.at("classpath:migrations/master/schema.sql").withEngine(Engine.FLYWAY)
                .select())
                .isInstanceOf(MigrationException.class)
                .hasMessage("engine = FLYWAY reads a folder of migrations, but 'classpath:migrations/master/schema.sql'"
                        + " is a file: name the folder that holds it (a Flyway location)");
    }

    @Test
    void engineLiquibaseOnAFolderIsRefused() {
        assertThatThrownBy(() -> EngineSelector.at(STUDIO).withEngine(Engine.LIQUIBASE).select())
                .isInstanceOf(MigrationException.class)
                .hasMessage("engine = LIQUIBASE reads a changelog file, but 'classpath:flyway/studio/migration' is a"
                        + " folder: name its master changelog, e.g."
                        + " classpath:flyway/studio/migration/db.changelog-master.yaml");
    }

    @Test
    void aFilePathLocationIsGivenToFlywayAsAnAbsoluteFilesystemLocation() {
        SelectedEngine selected = EngineSelector.at("src/test/resources/flyway/studio/migration").select();

        assertThat(selected.kind()).isEqualTo(Engine.FLYWAY);
        assertThat(selected.engine().location()).startsWith("filesystem:"
                + Path.of("src/test/resources/flyway/studio/migration").toAbsolutePath());
    }
}
