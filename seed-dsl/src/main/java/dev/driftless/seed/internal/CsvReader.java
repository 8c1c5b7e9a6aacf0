package dev.driftless.seed.internal;

import dev.driftless.seed.SeedException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CsvReader} reads one table of a DbUnit CSV dataset: a header line of column names, then one line per row.
 * Fields may be double-quoted (a doubled quote inside is one quote; quoted fields may span lines). An unquoted
 * {@code null} is SQL {@code NULL}, as DbUnit writes it; an empty unquoted field leaves the column to its default.
 * Column names in the header are trimmed. A file with a header only is an empty table entry.
 */
public final class CsvReader {

    private final String source;
    private final String in;
    private int at;
    private int line = 1;

    private CsvReader(String source, String in) {
        this.source = source;
        this.in = in;
    }

    /**
     * Reads a CSV file as the rows of one table.
     *
     * @param source the file name, for messages
     * @param table the table the rows go into
     * @param reader the content
     * @return the rows in file order
     */
    public static List<FixtureRow> read(String source, String table, Reader reader) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new SeedException("Cannot read CSV file " + source + ": " + e.getMessage(), e);
        }
        return read(source, table, text.toString());
    }

    /**
     * Reads a CSV text as the rows of one table.
     *
     * @param source the file name, for messages
     * @param table the table the rows go into
     * @param text the content
     * @return the rows in file order
     */
    public static List<FixtureRow> read(String source, String table, String text) {
        return new CsvReader(source, text).rows(table);
    }

    private List<FixtureRow> rows(String table) {
        List<FixtureRow> rows = new ArrayList<>();
        List<Field> header = record();
        if (header == null) {
            return rows;
        }
        List<String> columns = new ArrayList<>(header.size());
        header.forEach(f -> columns.add(f.text.strip())); // DbUnit writes "id, name": the names are trimmed
        int index = 0;
        List<Field> record;
        int startLine = line;
        while ((record = record()) != null) {
            if (record.size() == 1 && record.get(0).text.isEmpty() && !record.get(0).quoted) {
                startLine = line;
                continue;
            }
            index++;
            if (record.size() != header.size()) {
                throw new SeedException("Cannot read CSV file " + source + ":" + startLine + ": the row has "
                        + record.size() + " fields but the header names " + header.size() + " columns.");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            String alias = null;
            for (int i = 0; i < header.size(); i++) {
                String column = columns.get(i);
                Field field = record.get(i);
                if (FixtureReaders.ALIAS_KEY.equals(column)) {
                    alias = field.text.isEmpty() ? null : field.text;
                } else if (!field.quoted && field.text.equals("null")) {
                    values.put(column, null);
                } else if (field.quoted || !field.text.isEmpty()) {
                    values.put(column, field.text);
                }
            }
            rows.add(new FixtureRow(table, alias, values, new Origin(source, startLine), index));
            startLine = line;
        }
        if (index == 0) {
            rows.add(FixtureRow.emptyTable(table, new Origin(source, 1)));
        }
        return rows;
    }

    private record Field(String text, boolean quoted) {
    }

    private List<Field> record() {
        if (peek() == -1) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        while (true) {
            if (peek() != '"') {
                int start = at;
                while (at < in.length() && "\n\r,".indexOf(in.charAt(at)) < 0) {
                    at++;
                }
                fields.add(new Field(in.substring(start, at), false));
                int c = read();
                if (c == ',') {
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                return fields;
            }
            StringBuilder text = new StringBuilder();
            boolean quoted = false;
            int c = read();
            if (c == '"') {
                quoted = true;
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new SeedException("Cannot read CSV file " + source + ":" + line
                                + ": a quoted field is not closed.");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            text.append('"');
                        } else {
                            break;
                        }
                    } else {
                        text.append((char) c);
                    }
                }
                c = read();
            } else {
                while (c != -1 && c != ',' && c != '\n' && c != '\r') {
                    text.append((char) c);
                    c = read();
                }
            }
            fields.add(new Field(text.toString(), quoted));
            if (c == ',') {
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            return fields;
        }
    }

    private int peek() {
        return at < in.length() ? in.charAt(at) : -1;
    }

    private int read() {
        if (at >= in.length()) {
            return -1;
        }
        char c = in.charAt(at++);
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
