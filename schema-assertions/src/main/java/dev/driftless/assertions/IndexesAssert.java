package dev.driftless.assertions;

import dev.driftless.assertions.internal.FailureSink;
import dev.driftless.assertions.internal.Message;
import dev.driftless.schema.Table;

/**
 * {@code IndexesAssert} is the exhaustive check of a table's indexes, from {@link SchemaAssert#indexesOn(String)}.
 */
public class IndexesAssert extends AbstractCatalogAssert<IndexesAssert, Table> {

    // Use SchemaAssert.indexesOn(String); the table is null when a soft assertion reported it missing.
    IndexesAssert(Table table, FailureSink sink) {
        super(table, IndexesAssert.class, sink);
    }

    @Override
    String label() {
        return "table " + actual.schema() + "." + actual.name();
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
        return assertHasExactly("indexes", names, name -> actual.index(name), () -> actual.indexes(),
                unexpected -> Message.lines(unexpected.stream()
                        .map(i -> Message.quote(i.name()) + " " + Message.keys(i.keys())).toList()));
    }
}
