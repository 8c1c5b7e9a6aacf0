package dev.driftless.examples;

import dev.driftless.testing.GuideSnippets;
import org.junit.jupiter.api.Test;

/**
 * {@code ExamplesGuideTest} keeps the pages whose code lives in this module honest: every {@code java} block of
 * docs/examples.md, docs/getting-started.md and README.md must be an excerpt, line for line (indentation aside), of a
 * test here, so they show only code the build compiles and runs. It also checks that no page of the guide that shows
 * code is left without such a test, in whichever module.
 */
class ExamplesGuideTest {

    @Test
    void theExamplesPageShowsOnlyTheExamplesCode() {
        GuideSnippets.page("docs/examples.md").assertShowsOnlyCodeFrom("examples/src/test/java/dev/driftless/examples");
    }

    @Test
    void gettingStartedShowsOnlyItsTests() {
        GuideSnippets.page("docs/getting-started.md")
                .assertShowsOnlyCodeFrom("examples/src/test/java/dev/driftless/examples/gettingstarted");
    }

    @Test
    void theReadmeShowsOnlyItsTest() {
        GuideSnippets.page("README.md")
                .assertShowsOnlyCodeFrom("examples/src/test/java/dev/driftless/examples/readme/BookingRepositoryTest.java");
    }

    @Test
    void everyPageThatShowsCodeIsCheckedByATest() {
        GuideSnippets.assertEveryPageIsCheckedByATest();
    }
}
