package dev.driftless.assertions;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import dev.driftless.schema.Index;
import dev.driftless.schema.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code IndexesAssert} is the exhaustive check of a table's indexes, from {@link SchemaAssert#indexesOn(String)}.
 */
public class IndexesAssert extends AbstractDriftlessAssert<IndexesAssert, Table> {

    /**
     * Creates the assertion; use {@link SchemaAssert#indexesOn(String)}.
     *
     * @param table the table, or {@code null} when a soft assertion reported it missing
     * @param sink where failures go
     */
    public IndexesAssert(Table table, FailureSink sink) {
        super(table, IndexesAssert.class, sink);
    }

    /**
     * {@code are} checks that the table has exactly these indexes, by name (in any order), those behind primary keys
     * and unique constraints included.
     *
     * <pre>{@code
     * assertThat(schema).indexesOn("booking").are("booking_pkey", "booking_party_id_idx");   // passes
     * assertThat(schema).indexesOn("booking").are("booking_pkey");   // fails: not expected: "booking_party_id_idx"
     * }</pre>
     *
     * @param names the index names
     * @return this assertion
     */
    public IndexesAssert are(String... names) {
        if (skipped()) {
            return myself;
        }
        Set<String> wanted = new TreeSet<>(Arrays.asList(names));
        List<String> existing = actual.indexes().stream().map(Index::name).toList();
        List<String> missing = wanted.stream().filter(n -> !existing.contains(n)).toList();
        List<String> extra = existing.stream().filter(n -> !wanted.contains(n)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            Message message = Message.expecting("table " + actual.schema() + "." + actual.name())
                    .then("to have exactly the indexes:", Message.quoted(Arrays.asList(names)));
            if (!missing.isEmpty()) {
                message.then("but these were missing:", Message.quoted(missing));
            }
            if (!extra.isEmpty()) {
                List<String> lines = actual.indexes().stream().filter(i -> extra.contains(i.name()))
                        .map(i -> Message.quote(i.name()) + " (" + String.join(", ", i.keys()) + ")").toList();
                message.then((missing.isEmpty() ? "but" : "and") + " these were not expected:",
                        String.join("\n", lines));
            }
            fail(message.text());
        }
        return myself;
    }
}
