package dev.driftless.cli.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReportWriter}'s files: inputs escaped for the format. */
class ReportWriterTest {

    private static final VerifyReport REPORT = new VerifyReport("schema`s|.sql", "migrations/<b>",
            "PostgreSQL 17 <embedded> & *local*",
            List.of(Check.failed("migration 002 (<img src=x onerror=alert(1)>) applies", "it fails | badly",
                    "```\nDROP TABLE x;\u001b[2J")), Duration.ofMillis(1200));

    @Test
    void markdownEscapesInputs() {
        assertThat(ReportWriter.markdown(REPORT)).isEqualTo("""
                # driftless verify: failed

                * master schema: ``schema`s\\|.sql``
                * migrations: `migrations/<b>`
                * server: PostgreSQL 17 &lt;embedded&gt; &amp; \\*local\\*

                | result | check | summary |
                |---|---|---|
                | ❌ failed | migration 002 (&lt;img src=x onerror=alert(1)&gt;) applies | it fails \\| badly |

                ## migration 002 (&lt;img src=x onerror=alert(1)&gt;) applies

                it fails \\| badly

                ````text
                ```
                DROP TABLE x;<U+001B>[2J
                ````

                FAILED: 1 check (0 passed, 1 failed) in 1.2 s
                """);
    }

    @Test
    void htmlEscapesInputs() {
        String html = ReportWriter.html(REPORT);
        assertThat(html).contains("<li>migrations: <code>migrations/&lt;b&gt;</code></li>",
                "<td>migration 002 (&lt;img src=x onerror=alert(1)&gt;) applies</td>",
                "<pre>```\nDROP TABLE x;&lt;U+001B&gt;[2J</pre>",
                "<li>server: PostgreSQL 17 &lt;embedded&gt; &amp; *local*</li>").doesNotContain("<img", "\u001b");
    }
}
