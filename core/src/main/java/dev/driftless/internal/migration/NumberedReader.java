package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code NumberedReader} reads numbered or timestamped files at the top of the location: {@code 001_initial.sql}
 * with rollbacks {@code 001_initial.down.sql}, {@code 001_initial.rollback.sql}, {@code 001_initial.undo.sql} or
 * {@code 004_rollback.sql}. A {@code .autocommit} part in the name marks a script that runs outside a transaction.
 */
final class NumberedReader implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("(\\d+)(?:[_-](.*))?");
    private static final TransactionRule AUTOCOMMIT = TransactionRule.outside("its name holds .autocommit.");

    @Override
    public void read(Discovery discovery) {
        for (Resource entry : discovery.tree().resources()) {
            if (!entry.folder().isEmpty() || !entry.fileName().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                continue;
            }
            String stem = entry.fileName().substring(0, entry.fileName().length() - 4);
            boolean down = false;
            boolean autocommit = false;
            boolean stripped = true;
            while (stripped) {
                stripped = false;
                String lower = stem.toLowerCase(Locale.ROOT);
                for (String suffix : new String[] {".down", ".rollback", ".undo", ".autocommit"}) {
                    if (lower.endsWith(suffix)) {
                        stem = stem.substring(0, stem.length() - suffix.length());
                        if (suffix.equals(".autocommit")) {
                            autocommit = true;
                        } else {
                            down = true;
                        }
                        stripped = true;
                    }
                }
            }
            if (stem.contains(".autocommit.")) {
                autocommit = true;
                stem = stem.replace(".autocommit.", ".");
            }
            Matcher m = NAME.matcher(stem);
            if (!m.matches()) {
                continue;
            }
            String description = m.group(2) == null ? "" : LayoutReader.describe(m.group(2));
            String lowerDescription = description.toLowerCase(Locale.ROOT);
            if (!down && (lowerDescription.equals("rollback") || lowerDescription.equals("down")
                    || lowerDescription.equals("undo"))) {
                down = true;
            }
            MigrationVersion version = MigrationVersion.parse(m.group(1));
            TransactionRule transaction = autocommit ? AUTOCOMMIT : TransactionRule.AUTO;
            if (down) {
                discovery.down(version, description, entry, transaction);
            } else {
                discovery.up(version, description, entry, transaction);
            }
            discovery.use(entry);
        }
    }
}
