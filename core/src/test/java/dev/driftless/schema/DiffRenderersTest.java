package dev.driftless.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Full renderer output for a small diff, built from hand-made snapshots. */
class DiffRenderersTest {

    private static Table booking(String startsAtType, boolean withNotes, List<Index> indexes, String comment) {
        List<Column> columns = new java.util.ArrayList<>(List.of(
                new Column("booking_id", 1, "bigint", true, null, "ALWAYS", null, null, null, null, null, null, null,
                        null),
                new Column("starts_at", 2, startsAtType, true, null, null, null, null, null, null, null, null,
                        null, null)));
        if (withNotes) {
            columns.add(new Column("notes", 3, "text", false, null, null, null, null, null, null, null, null, null,
                    null));
        }
        return new Table("public", "booking", false, null, null, null, List.of(), List.of(), false, false,
                null, "app", List.of(), comment, columns, List.of(new Constraint("booking_pkey",
                        ConstraintType.PRIMARY_KEY, List.of("booking_id"), "PRIMARY KEY (booking_id)", null, false,
                        false, true, null)), indexes, List.of(), List.of());
    }

    private static Routine greet(String body) {
        return new Routine("public", "greet", "text", false, "name text", "text", "sql", "IMMUTABLE", true, false,
                "SAFE", List.of(), body, "app", List.of(), null);
    }

    private static SchemaSnapshot snapshot(Table table, Routine function) {
        return new SchemaSnapshot(List.of(), List.of(), List.of(table), List.of(), List.of(), List.of(function),
                List.of(), List.of(), List.of(), List.of(), null);
    }

    static final SchemaDiff DIFF = SchemaDiff.between(
            snapshot(booking("timestamp without time zone", true, List.of(), null),
                    greet("SELECT 'Hello, ' || name")),
            snapshot(booking("timestamp with time zone", false, List.of(new Index("booking_starts_idx", "btree",
                    false, List.of("starts_at"), List.of(), null, false, List.of(),
                    "CREATE INDEX booking_starts_idx ON public.booking USING btree (starts_at)", null, null)),
                    "Reservations | <b>"), greet("SELECT 'Hello, ' ||\n       name || '!'")));

    @Test
    void text() {
        assertThat(new TextDiffRenderer().render(DIFF)).isEqualTo(DIFF.toString()).isEqualTo("""
                5 differences (3 structure, 1 code, 1 comment)
                table booking: column notes: removed (text)
                table booking: column starts_at: type timestamp without time zone → timestamp with time zone
                table booking: index booking_starts_idx: added (CREATE INDEX booking_starts_idx ON public.booking\
                 USING btree (starts_at))
                table booking: comment (none) → Reservations | <b> [comment]
                function greet(text): body changed [code]:
                    - SELECT 'Hello, ' || name
                    + SELECT 'Hello, ' ||
                    +        name || '!'
                """);
    }

    @Test
    void markdown() {
        assertThat(new MarkdownDiffRenderer().render(DIFF)).isEqualTo("""
                # Schema differences

                5 differences (3 structure, 1 code, 1 comment).

                ## table booking

                | Object | Change | From | To | Category |
                |---|---|---|---|---|
                | column notes | removed | `text` |  | structure |
                | column starts\\_at | type | `timestamp without time zone` | `timestamp with time zone` | structure |
                | index booking\\_starts\\_idx | added |  | `CREATE INDEX booking_starts_idx ON public.booking USING\
                 btree (starts_at)` | structure |
                | — | comment |  | `Reservations \\| <b>` | comment |

                ## function greet(text)

                | Object | Change | From | To | Category |
                |---|---|---|---|---|
                | — | body | `SELECT 'Hello, ' \\|\\| name` | `SELECT 'Hello, ' \\|\\|`<br>`       name \\|\\| '!'` | code |
                """);
    }

    @Test
    void json() {
        assertThat(new JsonDiffRenderer().render(DIFF)).isEqualTo("""
                {
                  "changes" : [
                    {
                      "category" : "COMMENT",
                      "object" : { "kind" : "TABLE", "name" : "booking", "schema" : "public" },
                      "property" : "comment",
                      "to" : "Reservations | <b>",
                      "type" : "CHANGED"
                    },
                    {
                      "category" : "STRUCTURE",
                      "from" : "text",
                      "object" : { "kind" : "COLUMN", "name" : "notes", "schema" : "public", "table" : "booking" },
                      "type" : "REMOVED"
                    },
                    {
                      "category" : "STRUCTURE",
                      "from" : "timestamp without time zone",
                      "object" : { "kind" : "COLUMN", "name" : "starts_at", "schema" : "public", "table" : "booking" },
                      "property" : "type",
                      "to" : "timestamp with time zone",
                      "type" : "CHANGED"
                    },
                    {
                      "category" : "STRUCTURE",
                      "object" : { "kind" : "INDEX", "name" : "booking_starts_idx", "schema" : "public", "table" : "booking" },
                      "to" : "CREATE INDEX booking_starts_idx ON public.booking USING btree (starts_at)",
                      "type" : "ADDED"
                    },
                    {
                      "category" : "CODE",
                      "from" : "SELECT 'Hello, ' || name",
                      "object" : { "kind" : "FUNCTION", "name" : "greet(text)", "schema" : "public" },
                      "property" : "body",
                      "to" : "SELECT 'Hello, ' ||\\n       name || '!'",
                      "type" : "CHANGED"
                    }
                  ],
                  "counts" : { "CODE" : 1, "COMMENT" : 1, "STRUCTURE" : 3 },
                  "options" : {
                    "equivalences" : [ ],
                    "exactFunctionBodies" : false,
                    "historyTables" : [ ],
                    "ignoreColumnOrder" : false,
                    "ignoreComments" : false,
                    "ignoreExtensionVersions" : false,
                    "ignoreOwnership" : true,
                    "ignoredTables" : [ ],
                    "includedTables" : [ ],
                    "matchByDefinition" : false
                  },
                  "summary" : "5 differences (3 structure, 1 code, 1 comment)"
                }
                """);
    }

    @Test
    void html() {
        String html = new HtmlDiffRenderer().render(DIFF);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Schema differences</title>\n<style>\n");
        assertThat(html.substring(html.indexOf("</style>"))).isEqualTo("""
                </style>
                </head>
                <body>
                <h1>Schema differences</h1>
                <p class="summary">5 differences (3 structure, 1 code, 1 comment)</p>
                <section>
                <h2>table booking</h2>
                <table>
                <tr><th>Object</th><th>Change</th><th>From</th><th>To</th><th>Category</th></tr>
                <tr><td>column notes</td><td class="removed">removed</td><td class="from"><pre>text</pre></td><td\
                 class="to"></td><td><span class="cat cat-structure">structure</span></td></tr>
                <tr><td>column starts_at</td><td class="changed">type</td><td class="from"><pre>timestamp without\
                 time zone</pre></td><td class="to"><pre>timestamp with time zone</pre></td><td><span class="cat\
                 cat-structure">structure</span></td></tr>
                <tr><td>index booking_starts_idx</td><td class="added">added</td><td class="from"></td><td\
                 class="to"><pre>CREATE INDEX booking_starts_idx ON public.booking USING btree (starts_at)</pre></td>\
                <td><span class="cat cat-structure">structure</span></td></tr>
                <tr><td><span class="none">—</span></td><td class="changed">comment</td><td class="from"></td><td\
                 class="to"><pre>Reservations | &lt;b&gt;</pre></td><td><span class="cat cat-comment">comment</span>\
                </td></tr>
                </table>
                </section>
                <section>
                <h2>function greet(text)</h2>
                <table>
                <tr><th>Object</th><th>Change</th><th>From</th><th>To</th><th>Category</th></tr>
                <tr><td><span class="none">—</span></td><td class="changed">body</td><td class="from"><pre>SELECT\
                 'Hello, ' || name</pre></td><td class="to"><pre>SELECT 'Hello, ' ||
                       name || '!'</pre></td><td><span class="cat cat-code">code</span></td></tr>
                </table>
                </section>
                </body>
                </html>
                """);
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link");
    }

    @Test
    void emptyDiff() {
        SchemaDiff none = SchemaDiff.between(SchemaSnapshot.empty(), SchemaSnapshot.empty());
        assertThat(none.toText()).isEqualTo("no differences\n");
        assertThat(new MarkdownDiffRenderer().render(none)).isEqualTo("# Schema differences\n\nNo differences.\n");
        assertThat(new HtmlDiffRenderer().render(none)).contains("<p class=\"summary\">no differences</p>");
    }

    /** "No differences" with kinds found but not compared says so in every renderer. */
    @Test
    void everyRendererNotesTheKindsNotCompared() {
        SchemaSnapshot withCasts = new SchemaSnapshot(null, null, null, null, null, null, null, null, null, null,
                java.util.Map.of("operator", 1, "cast", 2));
        SchemaSnapshot withOneCast = new SchemaSnapshot(null, null, null, null, null, null, null, null, null, null,
                java.util.Map.of("cast", 1));
        SchemaDiff none = SchemaDiff.between(withCasts, withOneCast);
        assertThat(none.notCompared()).containsExactly(java.util.Map.entry("cast", 2), java.util.Map.entry("operator", 1));
        assertThat(none.toText()).isEqualTo(
                "no differences\nnot compared (present, but not modelled by snapshots): 2 × cast, 1 × operator\n");
        assertThat(new MarkdownDiffRenderer().render(none)).isEqualTo("# Schema differences\n\nNo differences.\n"
                + "\n> Not compared (present, but not modelled by snapshots): 2 × cast, 1 × operator.\n");
        assertThat(new HtmlDiffRenderer().render(none)).contains("<p class=\"summary\">no differences</p>\n"
                + "<p class=\"summary\">Not compared (present, but not modelled by snapshots): 2 × cast, 1 × operator."
                + "</p>\n");
        assertThat(new JsonDiffRenderer().render(none)).contains("\"notCompared\" : { \"cast\" : 2, \"operator\" : 1 }");
        assertThat(new JsonDiffRenderer().render(DIFF)).doesNotContain("notCompared");
    }

    @Test
    void mostImportantGroupComesFirst() {
        SchemaDiff diff = new SchemaDiff(List.of(
                new Change(ObjectId.of(ObjectKind.TABLE, "public", "a_table"), ChangeType.CHANGED, "comment", null,
                        "x", ChangeCategory.COMMENT),
                new Change(ObjectId.of(ObjectKind.TABLE, "public", "z_table"), ChangeType.REMOVED, null, null, null,
                        ChangeCategory.STRUCTURE)), DiffOptions.defaults());
        assertThat(diff.toText()).isEqualTo("""
                2 differences (1 structure, 1 comment)
                table z_table: removed
                table a_table: comment (none) → x [comment]
                """);
    }

    /** Names and values a hostile or careless schema may hold: HTML, Markdown markup, a newline, an escape sequence. */
    static final SchemaDiff HOSTILE = new SchemaDiff(List.of(
            new Change(ObjectId.inTable(ObjectKind.COLUMN, "public", "<img src=x onerror=alert(1)>",
                    "a|b`c*d\ne[x](y)"), ChangeType.ADDED, null, null, "text DEFAULT '``|`'", ChangeCategory.STRUCTURE),
            new Change(ObjectId.of(ObjectKind.TABLE, "public", "bell\u0007\u001b[2J"), ChangeType.CHANGED, "comment",
                    null, "</td><script>alert(1)</script>\u009b", ChangeCategory.COMMENT)), DiffOptions.defaults());

    @Test
    void markdownEscapesNamesAndValues() {
        assertThat(new MarkdownDiffRenderer().render(HOSTILE)).isEqualTo("""
                # Schema differences

                2 differences (1 structure, 1 comment).

                ## table &lt;img src=x onerror=alert(1)&gt;

                | Object | Change | From | To | Category |
                |---|---|---|---|---|
                | column a\\|b\\`c\\*d&lt;U+000A&gt;e\\[x\\](y) | added |  | ```text DEFAULT '``\\|`'``` | structure |

                ## table bell&lt;U+0007&gt;&lt;U+001B&gt;\\[2J

                | Object | Change | From | To | Category |
                |---|---|---|---|---|
                | — | comment |  | `</td><script>alert(1)</script><U+009B>` | comment |
                """);
    }

    @Test
    void htmlEscapesNamesAndValues() {
        String html = new HtmlDiffRenderer().render(HOSTILE);
        assertThat(html.substring(html.indexOf("<section>"))).isEqualTo("""
                <section>
                <h2>table &lt;img src=x onerror=alert(1)&gt;</h2>
                <table>
                <tr><th>Object</th><th>Change</th><th>From</th><th>To</th><th>Category</th></tr>
                <tr><td>column a|b`c*d&lt;U+000A&gt;e[x](y)</td><td class="added">added</td><td class="from"></td><td\
                 class="to"><pre>text DEFAULT '``|`'</pre></td><td><span class="cat cat-structure">structure</span>\
                </td></tr>
                </table>
                </section>
                <section>
                <h2>table bell&lt;U+0007&gt;&lt;U+001B&gt;[2J</h2>
                <table>
                <tr><th>Object</th><th>Change</th><th>From</th><th>To</th><th>Category</th></tr>
                <tr><td><span class="none">—</span></td><td class="changed">comment</td><td class="from"></td><td\
                 class="to"><pre>&lt;/td&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;U+009B&gt;</pre></td><td><span\
                 class="cat cat-comment">comment</span></td></tr>
                </table>
                </section>
                </body>
                </html>
                """);
    }

    @Test
    void textShowsControlCharactersVisibly() {
        assertThat(HOSTILE.toText()).isEqualTo("""
                2 differences (1 structure, 1 comment)
                table <img src=x onerror=alert(1)>: column a|b`c*d<U+000A>e[x](y): added (text DEFAULT '``|`')
                table bell<U+0007><U+001B>[2J: comment (none) → </td><script>alert(1)</script><U+009B> [comment]
                """);
    }

    @Test
    void summaryAndChangesApartForCallersThatShowThemApart() {
        assertThat(DIFF.summary()).isEqualTo("5 differences (3 structure, 1 code, 1 comment)");
        assertThat(SchemaDiff.between(SchemaSnapshot.empty(), SchemaSnapshot.empty()).summary())
                .isEqualTo("no differences");
        assertThat(DIFF.summary() + "\n" + new TextDiffRenderer().renderChanges(DIFF)).isEqualTo(DIFF.toText());
        assertThat(new TextDiffRenderer().renderChanges(DIFF)).startsWith("table booking: column notes: removed (text)\n")
                .contains("    +        name || '!'\n");
        assertThat(new TextDiffRenderer().renderChanges(SchemaDiff.between(SchemaSnapshot.empty(),
                SchemaSnapshot.empty()))).isEmpty();
    }

    @Test
    void markdownEscapingForTextAroundTheDiff() {
        assertThat(MarkdownDiffRenderer.escape("a|b <i>*x*</i>\nnext")).isEqualTo("a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt;&lt;U+000A&gt;next");
        assertThat(MarkdownDiffRenderer.code("a`b | c")).isEqualTo("``a`b \\| c``");
        assertThat(MarkdownDiffRenderer.codeBlock("```\nDROP TABLE x;\u001b[2J", "text"))
                .isEqualTo("````text\n```\nDROP TABLE x;<U+001B>[2J\n````\n");
    }

    @Test
    void htmlFragmentAndEscapingForAPageAroundTheDiff() {
        String page = new HtmlDiffRenderer().render(DIFF);
        String fragment = new HtmlDiffRenderer().renderFragment(DIFF);
        assertThat(fragment).startsWith("<p class=\"summary\">5 differences (3 structure, 1 code, 1 comment)</p>\n"
                + "<section>\n").endsWith("</section>\n").doesNotContain("<body>", "<style>");
        assertThat(page).contains("<style>\n" + HtmlDiffRenderer.style() + "</style>", fragment);
        assertThat(HtmlDiffRenderer.escape("<img src=x onerror=\"a&b\">\n\tnext\u001b"))
                .isEqualTo("&lt;img src=x onerror=&quot;a&amp;b&quot;&gt;\n\tnext&lt;U+001B&gt;");
    }
}
