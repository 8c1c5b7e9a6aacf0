package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DbmateReader} reads dbmate's files as dbmate 2.x does ({@code pkg/dbmate}: {@code migrationFileRegexp}
 * {@code ^(\d+).*\.sql$}, {@code parseMigrationContents}): every {@code .sql} file at the top whose name starts with
 * its version, {@code 20240101120000_init.sql}, with a {@code -- migrate:up} section and an optional
 * {@code -- migrate:down} section. dbmate runs each section in a transaction unless its marker line says
 * {@code transaction:false}. Each section keeps the file's line numbers.
 */
final class DbmateReader implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("(\\d+)_?(.*)\\.sql");
    static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)\\b(.*)$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("\\btransaction:false\\b");

    @Override
    public void read(Discovery discovery) {
        discovery.toolReads("dbmate reads only .sql files whose name starts with their version, at the top of the"
                + " folder", e -> e.folder().isEmpty());
        for (Resource entry : discovery.tree().resources()) {
            Matcher m = NAME.matcher(entry.fileName());
            if (!entry.folder().isEmpty() || !m.matches()) {
                continue;
            }
            discovery.use(entry);
            MigrationVersion version = MigrationVersion.parse(m.group(1));
            String description = LayoutReader.describe(m.group(2));
            readSections(discovery, entry, version, description);
        }
    }

    private static void readSections(Discovery discovery, Resource entry, MigrationVersion version, String description) {
        Optional<String> text = discovery.text(entry);
        if (text.isEmpty()) {
            return;
        }
        String[] lines = text.get().split("\n", -1);
        int upMarker = -1;
        int downMarker = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher marker = MARKER.matcher(lines[i].stripTrailing());
            if (!marker.matches()) {
                continue;
            }
            boolean up = marker.group(1).equals("up");
            if ((up ? upMarker : downMarker) >= 0) {
                discovery.error(entry.name() + ":" + (i + 1) + " has a second '-- migrate:" + marker.group(1)
                        + "' line (the first is on line " + ((up ? upMarker : downMarker) + 1) + "); keep one");
                return;
            }
            if (up) {
                upMarker = i;
            } else {
                downMarker = i;
            }
        }
        if (upMarker < 0) {
            discovery.error(entry.name() + " has no '-- migrate:up' line; dbmate files hold the up script"
                    + " after '-- migrate:up' and the down script after '-- migrate:down'");
            return;
        }
        int upEnd = downMarker > upMarker ? downMarker : lines.length;
        discovery.up(version, description, section(entry, lines, upMarker, upEnd));
        if (downMarker >= 0) {
            int downEnd = upMarker > downMarker ? upMarker : lines.length;
            discovery.down(version, description, section(entry, lines, downMarker, downEnd));
        }
    }

    private static ScriptSource section(Resource entry, String[] lines, int marker, int end) {
        StringBuilder text = new StringBuilder();
        for (int i = marker + 1; i < end; i++) {
            text.append(lines[i]);
            if (i < lines.length - 1) {
                text.append('\n');
            }
        }
        TransactionRule transaction = NO_TRANSACTION.matcher(lines[marker]).find()
                ? TransactionRule.outside("its '" + lines[marker].strip() + "' line (" + entry.name() + ":"
                        + (marker + 1) + ")")
                : TransactionRule.inTransaction("dbmate runs each migration in a transaction unless its '-- migrate:"
                        + (lines[marker].contains("migrate:down") ? "down" : "up") + "' line says transaction:false");
        return new ScriptSource(entry.name(), text.toString(), marker + 2, entry.baseDirectory(), transaction);
    }
}
