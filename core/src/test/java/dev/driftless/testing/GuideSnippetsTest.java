package dev.driftless.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuideSnippetsTest {

    private static final String CODE = """
            package demo;

            class DemoTest {

                @Test
                void loads(Seeder seed) {
                    seed.into("party").row("alice", r -> r.set("display_name", "Alice"))
                        .load();
                    assertThat(seed.row("alice")).isNotNull();
                }
            }
            """;

    @TempDir
    Path root;

    @Test
    void aBlockWhoseLinesAreInTheCodeIndentationAsideIsAnExcerpt() throws IOException {
        write("src/demo/DemoTest.java", CODE);
        write("docs/page.md", """
                # A page

                ```java
                seed.into("party").row("alice", r -> r.set("display_name", "Alice"))
                    .load();
                ```

                ```java
                @Test
                void loads(Seeder seed) {
                    // ... your rows
                    assertThat(seed.row("alice")).isNotNull();
                }
                ```
                """);

        GuideSnippets.page(root, "docs/page.md").assertShowsOnlyCodeFrom("src");
    }

    @Test
    void aBlockThatDiffersFromTheCodeIsReportedWithTheClosestPlaceAndTheFirstDifferentLine() throws IOException {
        write("src/demo/DemoTest.java", CODE);
        write("docs/page.md", """
                # A page

                ```java
                seed.into("party").row("alice", r -> r.set("display_name", "Alice"))
                    .load();
                assertThat(seed.row("bob")).isNotNull();
                ```

                ```java
                seed.table("party").load();
                ```
                """);

        assertThatThrownBy(() -> GuideSnippets.page(root, "docs/page.md").assertShowsOnlyCodeFrom("src"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        2 problems in docs/page.md, which may show only code the build compiles:
                        docs/page.md:3: this java block is not an excerpt of any .java file under src.
                          Closest: src/demo/DemoTest.java, where 2 lines of the block match; then
                            page docs/page.md:6: assertThat(seed.row("bob")).isNotNull();
                            code src/demo/DemoTest.java:9: assertThat(seed.row("alice")).isNotNull();
                        docs/page.md:9: this java block is not an excerpt of any .java file under src.
                          No file has its first line, docs/page.md:10: seed.table("party").load();
                        The code is the truth: make the page show its lines (a line "// ..." leaves lines out), or,\
                         where the page is right, change the test or example that holds them. Mark illustrative\
                         pseudo-code with <!-- not compiled: reason --> before its block.""");
    }

    @Test
    void leftOutLinesMustStillBeInOrder() throws IOException {
        write("src/demo/DemoTest.java", CODE);
        write("docs/page.md", """
                ```java
                assertThat(seed.row("alice")).isNotNull();
                // ...
                void loads(Seeder seed) {
                ```
                """);

        assertThatThrownBy(() -> GuideSnippets.page(root, "docs/page.md").assertShowsOnlyCodeFrom("src"))
                .hasMessageContaining("""
                        docs/page.md:1: this java block is not an excerpt of any .java file under src.
                          Closest: src/demo/DemoTest.java, where 1 line of the block match; then
                            page docs/page.md:4: void loads(Seeder seed) {
                            code src/demo/DemoTest.java:10: }
                        """);
    }

    @Test
    void aMarkedBlockIsComparedWithTheFileItNamesAndAnUnmarkedYamlBlockIsNotChecked() throws IOException {
        write("fixtures/studio.yml", "# the studio\nparty:\n  - _alias: alice\n    display_name: Alice\n");
        write("docs/page.md", """
                <!-- excerpt of: fixtures/studio.yml -->
                ```yaml
                party:
                  - _alias: alice
                ```

                <!-- excerpt of: fixtures/studio.yml -->

                ```yaml
                party:
                  - _alias: bob
                ```

                ```yaml
                anything: goes
                ```
                """);

        assertThatThrownBy(() -> GuideSnippets.page(root, "docs/page.md").assertShowsOnlyCodeFrom())
                .hasMessageStartingWith("""
                        1 problem in docs/page.md, which may show only code the build compiles:
                        docs/page.md:9: this yaml block is not an excerpt of fixtures/studio.yml.
                          Closest: fixtures/studio.yml, where 1 line of the block match; then
                            page docs/page.md:11: - _alias: bob
                            code fixtures/studio.yml:3: - _alias: alice
                        The code is the truth:""");
    }

    @Test
    void aBlockMarkedNotCompiledIsLeftAloneButMarkersMustBeWellFormedAndPlaced() throws IOException {
        write("src/demo/DemoTest.java", CODE);
        write("docs/page.md", """
                <!-- not compiled: the entry points, not statements -->
                ```java
                assertThat(schema)
                ```

                <!-- not compiled: -->
                ```java
                whatever()
                ```

                <!-- excerpt of: nowhere.sql -->
                ```sql
                SELECT 1;
                ```

                <!-- not compiled: stray -->
                Some text.

                ```java
                    .load();
                ```
                """);

        assertThatThrownBy(() -> GuideSnippets.page(root, "docs/page.md").assertShowsOnlyCodeFrom("src"))
                .hasMessageStartingWith("""
                        3 problems in docs/page.md, which may show only code the build compiles:
                        docs/page.md:6: the marker <!-- not compiled: --> needs a reason after the colon.
                        docs/page.md:16: the marker <!-- not compiled: stray --> is not followed by a code block;\
                         put it on the line before the block's opening fence.
                        docs/page.md:11: the block's marker names nowhere.sql, which is not a file of the repository.
                        The code is the truth:""");
        assertThat(GuideSnippets.page(root, "docs/page.md").blocks())
                .extracting(GuideSnippets.Block::notCompiled).containsExactly(true, true, false, false);
    }

    @Test
    void aPageThatChecksNoBlockFails() throws IOException {
        write("src/demo/DemoTest.java", CODE);
        write("docs/page.md", """
                ```sh
                ./mvnw verify
                ```
                """);

        assertThatThrownBy(() -> GuideSnippets.page(root, "docs/page.md").assertShowsOnlyCodeFrom("src"))
                .hasMessageStartingWith("""
                        1 problem in docs/page.md, which may show only code the build compiles:
                        docs/page.md: no code block is checked: the page shows no java block and no block marked\
                         <!-- excerpt of: file -->.
                        """);
    }

    @Test
    void everyPageThatShowsCodeMustBeReadByATest() throws IOException {
        write("README.md", "```java\nclass X {}\n```\n");
        write("docs/a.md", "```java\nclass A {}\n```\n");
        write("docs/b.md", "```sh\nls\n```\n");
        write("docs/c.md", "<!-- excerpt of: seed.yml -->\n```yaml\nparty:\n```\n");
        write("mod/src/test/java/demo/ATest.java", """
                class ATest {
                    void checksThePage() {
                        GuideSnippets
                                .page("docs/a.md").assertShowsOnlyCodeFrom("mod/src/test/java");
                    }
                }
                """);

        assertThatThrownBy(() -> GuideSnippets.assertEveryPageIsCheckedByATest(root))
                .hasMessage("These pages show code that no test checks: README.md, docs/c.md. Give each a test in the"
                        + " module whose code it shows that calls GuideSnippets.page(\"<page>\")"
                        + ".assertShowsOnlyCodeFrom(...).");
    }

    @Test
    void theRepositoryRootHoldsTheGuide() {
        assertThat(GuideSnippets.repositoryRoot().resolve("docs/README.md")).isRegularFile();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
