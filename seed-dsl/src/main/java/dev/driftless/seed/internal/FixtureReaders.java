package dev.driftless.seed.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.driftless.seed.SeedException;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code FixtureReaders} reads YAML and JSON fixtures (the table → rows format, which is also Database Rider's) with a
 * streaming parser, so each row keeps its line number.
 */
public final class FixtureReaders {

    /** The key that names a row instead of a column. */
    public static final String ALIAS_KEY = "_alias";

    private static final ObjectMapper YAML = mapper(YAMLFactory.builder().loaderOptions(loaderOptions()).build());
    private static final ObjectMapper JSON = mapper(new JsonFactory());

    private FixtureReaders() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // SnakeYAML stops at 3 MB by default; fixtures can be bigger
        return options;
    }

    private static ObjectMapper mapper(JsonFactory factory) {
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(new JsonNodeFactory(true));
    }

    /**
     * Reads a YAML fixture.
     *
     * @param source the file name, for messages
     * @param reader the content
     * @return the rows in file order
     */
    public static List<FixtureRow> yaml(String source, Reader reader) {
        return read(YAML, source, reader, true);
    }

    /**
     * Reads a YAML fixture from its text: with {@link SimpleYaml} when the file is in the subset fixtures almost always
     * are (many times faster than SnakeYAML), else, and for every error, with Jackson; the rows are the same.
     *
     * @param source the file name, for messages
     * @param text the content
     * @return the rows in file order
     */
    public static List<FixtureRow> yaml(String source, String text) {
        try {
            return SimpleYaml.read(source, text);
        } catch (SimpleYaml.NotSimple e) {
            return yaml(source, new java.io.StringReader(text));
        }
    }

    /**
     * Reads a JSON fixture.
     *
     * @param source the file name, for messages
     * @param reader the content
     * @return the rows in file order
     */
    public static List<FixtureRow> json(String source, Reader reader) {
        return read(JSON, source, reader, false);
    }

    private static List<FixtureRow> read(ObjectMapper mapper, String source, Reader reader, boolean yaml) {
        JsonParser p = null;
        try {
            p = mapper.createParser(reader);
            if (yaml) {
                p = new NoAliases(p);
            }
            try (JsonParser open = p) {
                return rows(open, source);
            }
        } catch (JsonProcessingException e) {
            throw unreadable(source, e, p);
        } catch (IOException e) {
            throw new SeedException("Cannot read fixture " + source + ": " + e.getMessage(), e);
        }
    }

    private static List<FixtureRow> rows(JsonParser p, String source) throws IOException {
        List<FixtureRow> rows = new ArrayList<>();
        try {
            JsonToken token = p.nextToken();
            if (token == null || token == JsonToken.VALUE_NULL) {
                return rows;
            }
            expect(p, token == JsonToken.START_OBJECT, source, "a map of table names to lists of rows");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String table = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING && p.getText().isEmpty()) {
                    // "table:" with nothing after it: an empty table, as Database Rider writes it
                    rows.add(FixtureRow.emptyTable(table, new Origin(source, p.currentTokenLocation().getLineNr())));
                    continue;
                }
                expect(p, t == JsonToken.START_ARRAY, source, "a list of rows under table " + table);
                int tableLine = p.currentTokenLocation().getLineNr();
                int index = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    expect(p, t == JsonToken.START_OBJECT, source, "a row (a map of column names to values) in table "
                            + table);
                    int line = p.currentTokenLocation().getLineNr();
                    index++;
                    Map<String, Object> values = new LinkedHashMap<>();
                    String alias = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String column = p.currentName();
                        JsonToken v = p.nextToken();
                        Object value = value(p, v);
                        if (ALIAS_KEY.equals(column)) {
                            expect(p, value instanceof String, source, "a text alias in " + ALIAS_KEY);
                            alias = (String) value;
                        } else if (values.containsKey(column)) {
                            throw new SeedException(source + ":" + p.currentTokenLocation().getLineNr() + ", table "
                                    + table + ", row " + index + ": column " + column + " is given twice."
                                    + " Keep one value per column.");
                        } else {
                            values.put(column, value);
                        }
                    }
                    rows.add(new FixtureRow(table, alias, values, new Origin(source, line), index));
                }
                if (index == 0) {
                    rows.add(FixtureRow.emptyTable(table, new Origin(source, tableLine)));
                }
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw unreadable(source, e, p); // while the parser is open: it still knows where it stopped
        }
    }

    private static SeedException unreadable(String source, JsonProcessingException e, JsonParser p) {
        // Jackson's limits (nesting depth, value length) throw without a location; the parser still has one.
        JsonLocation at = e.getLocation() != null || p == null ? e.getLocation() : p.currentLocation();
        String where = source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr());
        if (e instanceof StreamConstraintsException) {
            return new SeedException("Cannot read fixture " + where + ": " + e.getOriginalMessage() + ". A fixture"
                    + " value this deep or this long is beyond what Driftless reads; flatten or shorten it, or insert"
                    + " it with SQL.", e);
        }
        return new SeedException("Cannot read fixture " + where + ": " + e.getOriginalMessage(), e);
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_OBJECT:
            case START_ARRAY:
                return p.readValueAsTree();
            default:
                return p.getText();
        }
    }

    private static void expect(JsonParser p, boolean ok, String source, String what) {
        if (!ok) {
            throw new SeedException("Cannot read fixture " + source + ":" + p.currentTokenLocation().getLineNr()
                    + ": expected " + what + ", found " + p.currentToken() + ". A fixture maps table names to lists"
                    + " of rows, e.g.\n  party:\n    - _alias: alice\n      display_name: Alice");
        }
    }

    /**
     * {@code NoAliases} reads YAML and refuses aliases ({@code *name}, also in merge keys {@code <<: *name}). Jackson
     * does not expand them: it reports an alias as the text of its name, which would be loaded as the value
     * ({@code email: *n} stored {@code n}), and it does not report the anchors of scalars, so they cannot be expanded
     * on top of it either. Refusing them is also what makes a "billion laughs" file harmless.
     */
    private static final class NoAliases extends JsonParserDelegate {

        NoAliases(JsonParser yaml) {
            super(yaml);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return checked(super.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            return checked(super.nextValue());
        }

        @Override
        public String nextFieldName() throws IOException {
            return checked(super.nextFieldName());
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return checked(super.nextFieldName(name));
        }

        @Override
        public String nextTextValue() throws IOException {
            return checked(super.nextTextValue());
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return checked(super.nextIntValue(defaultValue));
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return checked(super.nextLongValue(defaultValue));
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            return checked(super.nextBooleanValue());
        }

        private <T> T checked(T result) throws IOException {
            if (delegate instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new JsonParseException(this, "*" + yaml.getText() + " is a YAML alias, and fixtures cannot"
                        + " use aliases (nor merge keys, <<: *name): write the value out in full where the alias"
                        + " stands", yaml.currentTokenLocation());
            }
            return result;
        }
    }
}
