package dev.driftless.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Full renderer output for a small diff, built from hand-made snapshots. */
class DiffRenderersTest {

    private static Table booking(String startsAtType, boolean withNotes, List<Index> indexes, String comment) {
        List<Column> columns = new java.util.ArrayList<>(List.of(
                new Column("booking_id", 1, "bigint", true, null, "ALWAYS", null, null, null, null, null, null, null,
                        null, null),
                new Column("starts_at", 2, startsAtType, true, null, null, null, null, null, null, null, null,
                        null, null, null)));
        if (withNotes) {
            columns.add(new Column("notes", 3, "text", false, null, null, null, null, null, null, null, null, null,
                    null, null));
        }
        return new Table("public", "booking", false, null, null, null, List.of(), List.of(), false, false,
                null, "app", List.of(), comment, columns, List.of(new Constraint("booking_pkey",
                        ConstraintType.PRIMARY_KEY, List.of("booking_id"), "PRIMARY KEY (booking_id)", null, false,
                        false, true, null)), indexes, List.of(), List.of(), List.of(), List.of(), null);
    }

    private static Routine greet(String body) {
        return new Routine("public", "greet", "text", false, "name text", "text", "sql", "IMMUTABLE", true, false,
                "SAFE", List.of(), body, "app", List.of(), null, null);
    }

    private static SchemaSnapshot snapshot(Table table, Routine function) {
        return SnapshotComponents.snapshotWith(java.util.Map.of("tables", List.of(table), "functions", List.of(function)));
    }

    static final SchemaDiff DIFF = SchemaDiff.between(
            snapshot(booking("timestamp without time zone", true, List.of(), null),
                    greet("SELECT 'Hello, ' || name")),
            snapshot(booking("timestamp with time zone", false, List.of(new Index("booking_starts_idx", "btree",
                    false, List.of("starts_at"), List.of(), null, false, List.of(),
                    "CREATE INDEX booking_starts_idx ON public.booking USING btree (starts_at)", null, null, null)),
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
                  "groups" : [ ],
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
        SchemaSnapshot withCasts = SnapshotComponents.snapshotWith(java.util.Map.of("notCompared", java.util.Map.of("operator", 1, "cast", 2)));
        SchemaSnapshot withOneCast = SnapshotComponents.snapshotWith(java.util.Map.of("notCompared", java.util.Map.of("cast", 1)));
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

    private static Change onDelete(String table, String constraint) {
        return new Change(ObjectId.inTable(ObjectKind.CONSTRAINT, "public", table, constraint), ChangeType.CHANGED,
                "on_delete", "RESTRICT", "NO ACTION", ChangeCategory.STRUCTURE, ConstraintType.FOREIGN_KEY);
    }

    /** Four foreign keys of one shape (only their names differ) and one unique change. */
    static final SchemaDiff REPEATED = new SchemaDiff(List.of(
            onDelete("booking", "booking_party_fk"), onDelete("invoice", "invoice_booking_fk"),
            onDelete("payment", "payment_invoice_fk"), onDelete("room", "room_hotel_fk"),
            new Change(ObjectId.inTable(ObjectKind.CONSTRAINT, "public", "room", "room_floor_fk"), ChangeType.CHANGED,
                    "on_delete", "CASCADE", "NO ACTION", ChangeCategory.STRUCTURE, ConstraintType.FOREIGN_KEY)),
            DiffOptions.defaults());

    /** Only shapes that repeat are grouped, with a count and the objects; every change still follows in full. */
    @Test
    void textGroupsRepeatedShapesThenListsEachDifference() {
        assertThat(REPEATED.toText()).isEqualTo("""
                5 differences (5 structure)
                repeated:
                  4 × foreign key on_delete: RESTRICT → NO ACTION (booking.booking_party_fk,\
                 invoice.invoice_booking_fk, payment.payment_invoice_fk and 1 more)
                each difference:
                table booking: constraint booking_party_fk: on_delete RESTRICT → NO ACTION
                table invoice: constraint invoice_booking_fk: on_delete RESTRICT → NO ACTION
                table payment: constraint payment_invoice_fk: on_delete RESTRICT → NO ACTION
                table room: constraint room_hotel_fk: on_delete RESTRICT → NO ACTION
                table room: constraint room_floor_fk: on_delete CASCADE → NO ACTION
                """);
        assertThat(REPEATED.summary() + "\n" + new TextDiffRenderer().renderChanges(REPEATED))
                .isEqualTo(REPEATED.toText());
    }

    @Test
    void markdownSummaryTableOfRepeatedShapes() {
        assertThat(new MarkdownDiffRenderer().render(REPEATED)).isEqualTo("""
                # Schema differences

                5 differences (5 structure).

                ## Repeated differences

                | Count | Change | From | To | Category | Objects |
                |---|---|---|---|---|---|
                | 4 | foreign key on\\_delete | `RESTRICT` | `NO ACTION` | structure | booking.booking\\_party\\_fk,\
                 invoice.invoice\\_booking\\_fk, payment.payment\\_invoice\\_fk and 1 more |

                ## table booking

                | Object | Change | From | To | Category |
                |---|---|---|---|---|
                | constraint booking\\_party\\_fk | on\\_delete | `RESTRICT` | `NO ACTION` | structure |

                ## table invoice

                | Object | Change | From | To | Category |
                |---|---|---|---|---|
                | constraint invoice\\_booking\\_fk | on\\_delete | `RESTRICT` | `NO ACTION` | structure |

                ## table payment

                | Object | Change | From | To | Category |
                |---|---|---|---|---|
                | constraint payment\\_invoice\\_fk | on\\_delete | `RESTRICT` | `NO ACTION` | structure |

                ## table room

                | Object | Change | From | To | Category |
                |---|---|---|---|---|
                | constraint room\\_hotel\\_fk | on\\_delete | `RESTRICT` | `NO ACTION` | structure |
                | constraint room\\_floor\\_fk | on\\_delete | `CASCADE` | `NO ACTION` | structure |
                """);
    }

    @Test
    void htmlCollapsibleListOfRepeatedShapes() {
        String fragment = new HtmlDiffRenderer().renderFragment(REPEATED);
        assertThat(fragment.substring(0, fragment.indexOf("<section>\n<h2>table booking"))).isEqualTo("""
                <p class="summary">5 differences (5 structure)</p>
                <section>
                <h2>Repeated differences</h2>
                <table>
                <tr><th>Count</th><th>Change</th><th>From</th><th>To</th><th>Category</th><th>Objects</th></tr>
                <tr><td>4</td><td>foreign key on_delete</td><td class="from"><pre>RESTRICT</pre></td><td\
                 class="to"><pre>NO ACTION</pre></td><td><span class="cat cat-structure">structure</span></td><td>\
                <details><summary>booking.booking_party_fk, invoice.invoice_booking_fk, payment.payment_invoice_fk\
                 and 1 more</summary>booking.booking_party_fk, invoice.invoice_booking_fk, payment.payment_invoice_fk,\
                 room.room_hotel_fk</details></td></tr>
                </table>
                </section>
                """);
        assertThat(fragment).contains("<h2>table room</h2>", "<tr><td>constraint room_hotel_fk</td>",
                "<tr><td>constraint room_floor_fk</td>");
    }

    @Test
    void jsonGroupsBesideEveryChange() throws Exception {
        String json = new JsonDiffRenderer().render(REPEATED);
        com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json);
        assertThat(document.get("changes")).hasSize(5);
        assertThat(document.get("groups")).hasSize(1);
        assertThat(json.substring(json.indexOf("  \"groups\""), json.indexOf("  \"options\""))).isEqualTo("""
                  "groups" : [
                    {
                      "category" : "STRUCTURE",
                      "constraintType" : "FOREIGN_KEY",
                      "count" : 4,
                      "from" : "RESTRICT",
                      "kind" : "CONSTRAINT",
                      "objects" : [
                        { "kind" : "CONSTRAINT", "name" : "booking_party_fk", "schema" : "public", "table" : "booking" },
                        { "kind" : "CONSTRAINT", "name" : "invoice_booking_fk", "schema" : "public", "table" : "invoice" },
                        { "kind" : "CONSTRAINT", "name" : "payment_invoice_fk", "schema" : "public", "table" : "payment" },
                        { "kind" : "CONSTRAINT", "name" : "room_hotel_fk", "schema" : "public", "table" : "room" }
                      ],
                      "property" : "on_delete",
                      "to" : "NO ACTION",
                      "type" : "CHANGED"
                    }
                  ],
                """);
    }

    /**
     * A grouped line names each constraint type as people do; constraints of two types never share a line, even when
     * the rest of their shape is the same, and a constraint of unknown type is a {@code constraint}.
     */
    @Test
    void groupedLinesNameTheConstraintType() {
        List<Change> changes = new java.util.ArrayList<>();
        for (ConstraintType type : ConstraintType.values()) {
            for (String table : List.of("booking", "invoice")) {
                changes.add(new Change(ObjectId.inTable(ObjectKind.CONSTRAINT, "public", table, table + "_c"),
                        ChangeType.CHANGED, "deferrable", "false", "true", ChangeCategory.STRUCTURE, type));
            }
        }
        for (String table : List.of("booking", "invoice")) {
            changes.add(new Change(ObjectId.inTable(ObjectKind.CONSTRAINT, "public", table, table + "_c"),
                    ChangeType.CHANGED, "deferrable", "false", "true", ChangeCategory.STRUCTURE));
        }
        SchemaDiff diff = new SchemaDiff(changes, DiffOptions.defaults());
        String text = diff.toText();
        assertThat(text.substring(0, text.indexOf("each difference:\n"))).isEqualTo("""
                12 differences (12 structure)
                repeated:
                  2 × primary key deferrable: false → true (booking.booking_c, invoice.invoice_c)
                  2 × unique constraint deferrable: false → true (booking.booking_c, invoice.invoice_c)
                  2 × foreign key deferrable: false → true (booking.booking_c, invoice.invoice_c)
                  2 × check constraint deferrable: false → true (booking.booking_c, invoice.invoice_c)
                  2 × exclusion constraint deferrable: false → true (booking.booking_c, invoice.invoice_c)
                  2 × constraint deferrable: false → true (booking.booking_c, invoice.invoice_c)
                """);
        // Each line of every difference still says "constraint", as before.
        assertThat(text).contains("table booking: constraint booking_c: deferrable false → true\n");
        assertThatThrownBy(() -> new Change(ObjectId.of(ObjectKind.TABLE, "public", "booking"), ChangeType.ADDED,
                null, null, null, ChangeCategory.STRUCTURE, ConstraintType.CHECK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only a constraint has a constraint type: table public.booking");
    }

    /** A shape seen once is not grouped, and added objects group by kind and summary. */
    @Test
    void onlyRepeatedShapesAreGrouped() {
        ObjectId notes = ObjectId.inTable(ObjectKind.COLUMN, "public", "booking", "notes");
        ObjectId memo = ObjectId.inTable(ObjectKind.COLUMN, "app", "invoice", "memo");
        SchemaDiff diff = new SchemaDiff(List.of(
                new Change(notes, ChangeType.ADDED, null, null, "text", ChangeCategory.STRUCTURE),
                new Change(memo, ChangeType.ADDED, null, null, "text", ChangeCategory.STRUCTURE),
                new Change(ObjectId.inTable(ObjectKind.COLUMN, "public", "room", "size"), ChangeType.ADDED, null,
                        null, "integer", ChangeCategory.STRUCTURE)), DiffOptions.defaults());
        assertThat(diff.toText()).startsWith("""
                3 differences (3 structure)
                repeated:
                  2 × column added (text) (booking.notes, app.invoice.memo)
                each difference:
                """);
        assertThat(DIFF.toText()).doesNotContain("repeated");
    }
}
