package dev.driftless.spring;

import dev.driftless.testing.GuideSnippets;
import org.junit.jupiter.api.Test;

/** Keeps docs/spring.md honest: its examples are test classes of the Spring test application, which the build runs. */
class SpringGuideTest {

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/spring.md").assertShowsOnlyCodeFrom("spring/src/test/java/dev/driftless/spring/app");
    }
}
