package dev.driftless.junit;

import dev.driftless.testing.GuideSnippets;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/junit.md honest: its examples are the test classes of {@code dev.driftless.junit.guide}, which the build
 * runs as they are; the first, which needs a repository class, is the examples module's (marked on the page).
 */
class GuideExamplesTest {

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/junit.md")
                .assertShowsOnlyCodeFrom("junit-extension/src/test/java/dev/driftless/junit/guide");
    }
}
