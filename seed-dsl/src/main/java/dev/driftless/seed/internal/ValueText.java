package dev.driftless.seed.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code ValueText} writes a fixture value as the text PostgreSQL's input function for the column's type parses.
 * Nothing here guesses a type: the column's catalog type decides, and the server does the conversion. Only the shapes
 * that have no text of their own get one: maps and lists become JSON for {@code json}/{@code jsonb} columns and array
 * literals for array columns, base64 becomes {@code bytea}'s hex text.
 */
public final class ValueText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private ValueText() {
    }

    /**
     * Renders a value for a column.
     *
     * @param value the value (not a reference), may be {@code null}
     * @param column the target column
     * @return the text, or {@code null} for SQL {@code NULL}
     * @throws IllegalArgumentException when the value's shape does not fit the column, with the reason
     */
    public static String render(Object value, ColumnInfo column) {
        if (value == null || (value instanceof JsonNode && ((JsonNode) value).isNull())) {
            return null;
        }
        switch (column.kind()) {
            case JSON:
                return value instanceof String ? (String) value : json(value);
            case BYTEA:
                if (value instanceof byte[]) {
                    return "\\x" + HEX.formatHex((byte[]) value);
                }
                if (value instanceof String) {
                    try {
                        return "\\x" + HEX.formatHex(Base64.getMimeDecoder().decode((String) value));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("bytea values are written in base64: " + e.getMessage());
                    }
                }
                break;
            case ARRAY:
                if (value instanceof JsonNode && ((JsonNode) value).isArray() || value instanceof Collection
                        || value instanceof Object[]) {
                    StringBuilder sb = new StringBuilder();
                    arrayLiteral(value, sb);
                    return sb.toString();
                }
                break;
            default:
                break;
        }
        if (value instanceof JsonNode && ((JsonNode) value).isContainerNode() || value instanceof Map
                || value instanceof Collection || value instanceof Object[]) {
            throw new IllegalArgumentException("a " + (isList(value) ? "list" : "map") + " fits only a json, jsonb or"
                    + " array column, and this one is " + column.displayType());
        }
        return scalar(value);
    }

    private static boolean isList(Object value) {
        return value instanceof Collection || value instanceof Object[]
                || value instanceof JsonNode && ((JsonNode) value).isArray();
    }

    static String scalar(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof byte[]) {
            return "\\x" + HEX.formatHex((byte[]) value);
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof JsonNode) {
            JsonNode node = (JsonNode) value;
            return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
        }
        return value.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the value cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private static void arrayLiteral(Object value, StringBuilder sb) {
        Iterator<?> elements;
        if (value instanceof JsonNode) {
            elements = ((JsonNode) value).elements();
        } else if (value instanceof Object[]) {
            elements = java.util.Arrays.asList((Object[]) value).iterator();
        } else {
            elements = ((Collection<?>) value).iterator();
        }
        sb.append('{');
        boolean first = true;
        while (elements.hasNext()) {
            Object element = elements.next();
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (element == null || element instanceof JsonNode && ((JsonNode) element).isNull()) {
                sb.append("NULL");
            } else if (isList(element)) {
                arrayLiteral(element, sb);
            } else {
                String text = element instanceof Map || element instanceof JsonNode && ((JsonNode) element).isObject()
                        ? json(element) : scalar(element);
                sb.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                sb.append('"');
            }
        }
        sb.append('}');
    }
}
