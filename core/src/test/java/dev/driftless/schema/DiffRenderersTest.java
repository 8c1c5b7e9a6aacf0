package dev.driftless.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Full renderer output for a small diff, built from hand-made snapshots. */
class DiffRenderersTest {

    private static Table booking(String startsAtType, boolean withNotes, List<Index> indexes, String comment) {
        List<Column> columns = new java.util.ArrayList<>(List.of(
                new Column("booking_id", 1, "bigint", true, null, "ALWAYS", null, null, null, null),
                new Column("starts_at", 2, startsAtType, true, null, null, null, null, null, null)));
        if (withNotes) {
            columns.add(new Column("notes", 3, "text", false, null, null, null, null, null, null));
        }
        return new Table("public", "booking", false, null, null, null, List.of(), List.of(), false, false,
                "app", List.of(), comment, columns, List.of(new Constraint("booking_pkey",
                        ConstraintType.PRIMARY_KEY, List.of("booking_id"), "PRIMARY KEY (booking_id)", null, false,
                        false, true, null)), indexes, List.of(), List.of());
    }

    private static Function greet(String body) {
        return new Function("public", "greet", "text", false, "name text", "text", "sql", "IMMUTABLE", true, false,
                "SAFE", List.of(), body, "app", List.of(), null);
    }

    private static SchemaSnapshot snapshot(Table table, Function function) {
        return new SchemaSnapshot(List.of(), List.of(), List.of(table), List.of(), List.of(), List.of(function),
                List.of(), List.of(), List.of());
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
        String json = new JsonDiffRenderer().render(DIFF);
        assertThat(json).startsWith("""
                {
                  "changes" : [
                    {
                      "category" : "COMMENT",
                      "object" : {
                        "kind" : "TABLE",
                        "name" : "booking",
                        "schema" : "public"
                      },
                      "property" : "comment",
                      "to" : "Reservations | <b>",
                      "type" : "CHANGED"
                    },
                """).endsWith("""
                  "counts" : {
                    "CODE" : 1,
                    "COMMENT" : 1,
                    "STRUCTURE" : 3
                  },
                  "options" : {
                    "exactFunctionBodies" : false,
                    "ignoreColumnOrder" : false,
                    "ignoreComments" : false,
                    "ignoreExtensionVersions" : false,
                    "ignoreOwnership" : true,
                    "ignoredTables" : [ ],
                    "matchByDefinition" : false
                  },
                  "summary" : "5 differences (3 structure, 1 code, 1 comment)"
                }
                """);
        assertThat(json.split("\"kind\"", -1)).hasSize(6);
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
}
