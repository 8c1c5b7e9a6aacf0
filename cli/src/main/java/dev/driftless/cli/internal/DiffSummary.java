package dev.driftless.cli.internal;

import dev.driftless.schema.SchemaDiff;

/** {@code DiffSummary} is the first line of a diff's text rendering: "3 differences (2 structure, 1 code)". */
final class DiffSummary {

    private DiffSummary() {
    }

    static String of(SchemaDiff diff) {
        String text = diff.toText();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static String body(SchemaDiff diff) {
        String text = diff.toText();
        int newline = text.indexOf('\n');
        return newline < 0 ? "" : text.substring(newline + 1);
    }
}
