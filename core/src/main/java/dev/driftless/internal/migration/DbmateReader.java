package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DbmateReader} reads dbmate's files: {@code 20240101120000_init.sql} with a {@code -- migrate:up} section and
 * an optional {@code -- migrate:down} section. {@code transaction:false} after a marker makes that section
 * non-transactional. Each section keeps the file's line numbers.
 */
final class DbmateReader implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("(\\d+)_(.+)\\.sql");
    static final Pattern MARKER = Pattern.compile("^--\\s*migrate:(up|down)\\b(.*)$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("\\btransaction:false\\b");

    @Override
    public void read(Discovery discovery) {
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
        boolean noTransaction = NO_TRANSACTION.matcher(lines[marker]).find();
        return new ScriptSource(entry.name(), text.toString(), marker + 2, entry.baseDirectory(), noTransaction);
    }
}
