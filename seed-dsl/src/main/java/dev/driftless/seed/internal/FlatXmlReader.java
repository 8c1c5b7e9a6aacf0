package dev.driftless.seed.internal;

import dev.driftless.seed.SeedException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code FlatXmlReader} reads DbUnit flat XML datasets ({@code <dataset><party id="1" name="Alice"/></dataset>}) with
 * the JDK's StAX parser: one element per row, named after its table, one attribute per column. A missing attribute
 * leaves the column to its default; the value {@code [null]} (any case) is SQL {@code NULL}, as DbUnit users spell it
 * with a {@code ReplacementDataSet}. An element without attributes declares an empty table and adds no row (see
 * {@link FixtureRow#emptyTable(String, Origin)}).
 */
public final class FlatXmlReader {

    private FlatXmlReader() {
    }

    /**
     * Reads a flat XML dataset.
     *
     * @param source the file name, for messages
     * @param reader the content
     * @return the rows in file order
     */
    public static List<FixtureRow> read(String source, Reader reader) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<FixtureRow> rows = new ArrayList<>();
        Map<String, Integer> indexes = new HashMap<>();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(reader);
            int depth = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && xml.getAttributeCount() == 0) {
                        rows.add(FixtureRow.emptyTable(xml.getLocalName(),
                                new Origin(source, xml.getLocation().getLineNumber())));
                    } else if (depth == 2) {
                        String table = xml.getLocalName();
                        Map<String, Object> values = new LinkedHashMap<>();
                        String alias = null;
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            String column = xml.getAttributeLocalName(i);
                            String value = xml.getAttributeValue(i);
                            if (FixtureReaders.ALIAS_KEY.equals(column)) {
                                alias = value;
                            } else {
                                values.put(column, "[null]".equalsIgnoreCase(value) ? null : value);
                            }
                        }
                        int index = indexes.merge(table, 1, Integer::sum);
                        rows.add(new FixtureRow(table, alias, values,
                                new Origin(source, xml.getLocation().getLineNumber()), index));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return rows;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new SeedException("Cannot read flat XML dataset " + source + (line > 0 ? ":" + line : "") + ": "
                    + e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over an in-memory source does not fail in a way worth reporting
                }
            }
        }
    }
}
