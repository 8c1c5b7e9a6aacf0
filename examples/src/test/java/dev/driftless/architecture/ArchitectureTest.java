package dev.driftless.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture rules of the build, checked on the compiled main classes of every published module:
 *
 * <ul>
 *   <li>no cycle between features: a feature is an API package and its {@code internal} twin ({@code dev.driftless.sql}
 *   with {@code dev.driftless.internal.sql}; {@code dev.driftless.seed} with {@code dev.driftless.seed.internal});</li>
 *   <li>no module uses another module's {@code internal} packages;</li>
 *   <li>no public type outside {@code internal} shows an internal type in a public or protected signature;</li>
 *   <li>every published jar names its Java module ({@code Automatic-Module-Name}).</li>
 * </ul>
 *
 * <p>The benchmarks are not published and may measure internals (the snapshot benchmark times each catalog query).
 */
class ArchitectureTest {

    /** Module folder → the root of its internal packages, and its Java module name. */
    private static final List<String[]> MODULES = List.of(
            new String[] {"core", "dev.driftless.internal", "dev.driftless.core"},
            new String[] {"seed-dsl", "dev.driftless.seed.internal", "dev.driftless.seed"},
            new String[] {"schema-assertions", "dev.driftless.assertions.internal", "dev.driftless.assertions"},
            new String[] {"junit-extension", "dev.driftless.junit.internal", "dev.driftless.junit"},
            new String[] {"cli", "dev.driftless.cli.internal", "dev.driftless.cli"});

    private static JavaClasses all;

    @BeforeAll
    static void importMainClasses() {
        List<Path> folders = new ArrayList<>();
        for (String[] module : MODULES) {
            Path classes = Path.of("..", module[0], "target", "classes");
            assertThat(classes).as("compiled classes of %s (build the modules first)", module[0]).isDirectory();
            folders.add(classes);
        }
        all = new ClassFileImporter().importPaths(folders);
    }

    @Test
    void featuresFormNoCycle() {
        slices().assignedFrom(new Features()).should().beFreeOfCycles().check(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.driftless.internal", "dev.driftless.seed.internal", "dev.driftless.assertions.internal",
        "dev.driftless.junit.internal", "dev.driftless.cli.internal"})
    void noModuleUsesAnotherModulesInternals(String internal) throws Exception {
        String owner = MODULES.stream().filter(m -> m[1].equals(internal)).findFirst().orElseThrow()[0];
        Set<String> ownClasses = classNamesOf(owner);
        noClasses().that(new DescribedPredicate<JavaClass>("are outside module " + owner) {
            @Override
            public boolean test(JavaClass type) {
                return !ownClasses.contains(type.getName());
            }
        }).should().dependOnClassesThat().resideInAPackage(internal + "..").check(all);
    }

    @Test
    void docsApiListsExactlyThePublicTypes() throws Exception {
        String page = java.nio.file.Files.readString(Path.of("..", "docs", "api.md"));
        java.util.Set<String> listed = new java.util.TreeSet<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?m)^\\| `([\\w.]+)` \\| (.*?) \\|").matcher(page);
        while (row.find()) {
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("`(\\w+)`").matcher(row.group(2));
            while (type.find()) {
                listed.add(row.group(1) + "." + type.group(1));
            }
        }
        java.util.Set<String> published = new java.util.TreeSet<>();
        for (JavaClass type : all) {
            if (type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass()
                    && !type.getPackageName().contains(".internal")) {
                published.add(type.getName());
            }
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(published);
        missing.removeAll(listed);
        java.util.Set<String> gone = new java.util.TreeSet<>(listed);
        gone.removeAll(published);
        assertThat(missing).as("public types that docs/api.md does not list").isEmpty();
        assertThat(gone).as("types docs/api.md lists that are not public (or do not exist)").isEmpty();
    }

    @Test
    void everyPublishedJarNamesItsJavaModule() throws Exception {
        for (String[] module : MODULES) {
            Path target = Path.of("..", module[0], "target");
            Path jar;
            try (var files = java.nio.file.Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches("driftless-[a-z]+-[^-]+(-SNAPSHOT)?\\.jar"))
                        .findFirst().orElseThrow(() -> new AssertionError("no jar of " + module[0] + " in " + target
                                + " (package the modules first)"));
            }
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as("Automatic-Module-Name of %s", jar).isEqualTo(module[2]);
            }
        }
    }

    @Test
    void publicSignaturesShowNoInternalType() {
        classes().that().arePublic().and().resideOutsideOfPackages("..internal..")
                .should(new ArchCondition<JavaClass>("show no internal type in a public or protected signature") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (JavaCodeUnit unit : type.getCodeUnits()) {
                            if (isVisible(unit.getModifiers()) && !unit.getName().startsWith("lambda$")) {
                                for (JavaClass used : unit.getAllInvolvedRawTypes()) {
                                    report(events, type, unit.getFullName(), used);
                                }
                            }
                        }
                        for (JavaField field : type.getFields()) {
                            if (isVisible(field.getModifiers())) {
                                report(events, type, field.getFullName(), field.getRawType());
                            }
                        }
                    }
                }).check(all);
    }

    private static void report(ConditionEvents events, JavaClass type, String member, JavaClass used) {
        if (used.getPackageName().contains(".internal")) {
            events.add(SimpleConditionEvent.violated(type, member + " shows the internal type " + used.getName()));
        }
    }

    private static boolean isVisible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static Set<String> classNamesOf(String module) {
        Path classes = Path.of("..", module, "target", "classes");
        return new ClassFileImporter().importPath(classes).stream().map(JavaClass::getName)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Assigns each class to its feature: an API package together with its internal twin. */
    private static final class Features implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (!name.startsWith("dev.driftless")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = name.split("\\.");
            if (parts.length == 2) {
                return SliceIdentifier.of("driftless (root)");
            }
            String feature = parts[2].equals("internal") ? (parts.length > 3 ? parts[3] : "internal") : parts[2];
            return SliceIdentifier.of(feature);
        }

        @Override
        public String getDescription() {
            return "features (an API package with its internal twin)";
        }
    }
}
