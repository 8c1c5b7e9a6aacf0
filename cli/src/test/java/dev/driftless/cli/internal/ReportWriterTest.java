package dev.driftless.cli.internal;

import dev.driftless.check.CheckResult.Kind;
import dev.driftless.check.CheckResult.Step;
import dev.driftless.check.CheckResult.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.schema.Change;
import dev.driftless.schema.ChangeCategory;
import dev.driftless.schema.ChangeType;
import dev.driftless.schema.DiffOptions;
import dev.driftless.schema.HtmlDiffRenderer;
import dev.driftless.schema.JsonDiffRenderer;
import dev.driftless.schema.ObjectId;
import dev.driftless.schema.ObjectKind;
import dev.driftless.schema.SchemaDiff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReportWriter}'s files: inputs escaped for the format. */
class ReportWriterTest {

    private static final VerifyReport REPORT = new VerifyReport("schema`s|.sql", "migrations/<b>",
            "PostgreSQL 17 <embedded> & *local*",
            List.of(new Check(Kind.REVERSIBILITY, Optional.empty(), "migration 002 (<img src=x onerror=alert(1)>) applies",
                    Verdict.FAILED, List.of(new Check.Finding("it fails | badly", Optional.of(Step.DOWN),
                            Optional.empty(), Optional.of("```\nDROP TABLE x;\u001b[2J"))))), Duration.ofMillis(1200));

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

    private static final SchemaDiff VIEW_CHANGED = new SchemaDiff(List.of(
            new Change(ObjectId.of(ObjectKind.VIEW, "public", "recent"), ChangeType.CHANGED, "definition",
                    "SELECT id\nFROM booking", "SELECT id\nFROM booking\nWHERE true", ChangeCategory.CODE),
            new Change(ObjectId.of(ObjectKind.TABLE, "public", "party"), ChangeType.ADDED, null, null, null,
                    ChangeCategory.STRUCTURE)), DiffOptions.defaults());

    private static final VerifyReport WITH_DIFF = new VerifyReport(null, "migrations", "PostgreSQL 17 (embedded)",
            List.of(new Check(Kind.REVERSIBILITY, Optional.empty(), "migration 003 (recent) reverts", Verdict.FAILED,
                    List.of(new Check.Finding("up then down does not give back the schema of version 002 (- before up,"
                            + " + after down): " + VIEW_CHANGED.summary(), Optional.of(Step.DOWN),
                            Optional.of(VIEW_CHANGED), Optional.empty()),
                            new Check.Finding("applying it again after reverting fails", Optional.of(Step.UP_AGAIN),
                                    Optional.empty(), Optional.of("003.sql:1:1 [42P07] relation \"party\" already"
                                            + " exists"))))), Duration.ofMillis(2500));

    @Test
    void textShowsEachFindingWithEveryChangeUnderIt() {
        assertThat(ReportWriter.text(WITH_DIFF)).isEqualTo("""
                driftless verify
                  migrations     migrations
                  server         PostgreSQL 17 (embedded)

                FAIL  migration 003 (recent) reverts
                      up then down does not give back the schema of version 002 (- before up, + after down): 2 differences (1 structure, 1 code)
                        table party: added
                        view recent: definition changed [code]:
                            - SELECT id
                            - FROM booking
                            + SELECT id
                            + FROM booking
                            + WHERE true
                      applying it again after reverting fails
                        003.sql:1:1 [42P07] relation "party" already exists

                FAILED: 1 check (0 passed, 1 failed) in 2.5 s
                """);
    }

    @Test
    void jsonCarriesTheLibrarysOwnJsonOfEachDiff() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode report = mapper.readTree(ReportWriter.json(WITH_DIFF));
        JsonNode check = report.get("checks").get(0);

        assertThat(check.get("kind").asText()).isEqualTo("reversibility");
        assertThat(check.get("status").asText()).isEqualTo("failed");
        assertThat(check.get("findings").get(0).get("step").asText()).isEqualTo("down");
        assertThat(check.get("findings").get(0).get("diff"))
                .isEqualTo(mapper.readTree(new JsonDiffRenderer().render(VIEW_CHANGED)));
        assertThat(check.get("findings").get(1).get("detail").asText())
                .isEqualTo("003.sql:1:1 [42P07] relation \"party\" already exists");
        assertThat(ReportWriter.json(WITH_DIFF)).contains("\n      \"diff\" : {\n        \"changes\" : [");
    }

    @Test
    void htmlShowsEachDiffAsTheLibrarysHtmlRendererDoes() {
        assertThat(ReportWriter.html(WITH_DIFF)).contains(HtmlDiffRenderer.style(),
                new HtmlDiffRenderer().renderFragment(VIEW_CHANGED),
                "<pre>003.sql:1:1 [42P07] relation &quot;party&quot; already exists</pre>");
    }
}
