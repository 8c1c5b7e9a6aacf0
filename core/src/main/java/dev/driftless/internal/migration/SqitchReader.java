package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SqitchReader} reads a sqitch project: {@code sqitch.plan} lists the changes in deploy order; each change's
 * scripts are {@code deploy/name.sql} and {@code revert/name.sql} ({@code verify/name.sql} is not run). A reworked
 * change appears more than once in the plan; as in sqitch, its earlier instances use the scripts named after the first
 * tag that follows them, {@code deploy/name@tag.sql}, and the last instance uses {@code deploy/name.sql}. A change's
 * version is its position in the plan (1, 2, 3, ...).
 */
final class SqitchReader implements LayoutReader {

    static final String PLAN = "sqitch.plan";

    private record Change(String name, int line) {
    }

    @Override
    public void read(Discovery discovery) {
        Optional<Resource> planEntry = discovery.tree().find(PLAN);
        if (planEntry.isEmpty()) {
            discovery.error("No " + PLAN + " at " + discovery.tree().location() + "; a sqitch project lists its changes"
                    + " there");
            return;
        }
        Resource plan = planEntry.get();
        discovery.use(plan);
        Optional<String> planText = discovery.text(plan);
        if (planText.isEmpty()) {
            return;
        }
        List<Change> changes = new ArrayList<>();
        List<String> tagAfter = new ArrayList<>();
        String[] lines = planText.get().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("%") || line.startsWith("#")) {
                continue;
            }
            String first = line.split("\\s+", 2)[0];
            if (first.startsWith("@")) {
                String tag = first.substring(1);
                for (int c = 0; c < changes.size(); c++) {
                    if (tagAfter.get(c) == null) {
                        tagAfter.set(c, tag);
                    }
                }
                continue;
            }
            if (first.startsWith("-")) {
                discovery.error(plan.name() + ":" + (i + 1) + " reverts change '" + first.substring(1)
                        + "' inside the plan; Driftless reads plans of deploy steps only: remove the line");
                continue;
            }
            changes.add(new Change(first.startsWith("+") ? first.substring(1) : first, i + 1));
            tagAfter.add(null);
        }
        for (int c = 0; c < changes.size(); c++) {
            Change change = changes.get(c);
            boolean reworkedLater = false;
            for (int later = c + 1; later < changes.size(); later++) {
                reworkedLater |= changes.get(later).name().equals(change.name());
            }
            String scriptName = change.name();
            if (reworkedLater) {
                if (tagAfter.get(c) == null) {
                    discovery.error(plan.name() + ":" + change.line() + " change '" + change.name()
                            + "' is reworked later in the plan but no tag follows it; sqitch needs a tag between a"
                            + " change and its rework");
                    continue;
                }
                scriptName = change.name() + "@" + tagAfter.get(c);
            }
            String fileName = scriptName;
            MigrationVersion version = MigrationVersion.parse(Integer.toString(c + 1));
            Optional<Resource> deploy = discovery.tree().find("deploy/" + fileName + ".sql");
            if (deploy.isEmpty()) {
                discovery.error(plan.name() + ":" + change.line() + " names change '" + change.name()
                        + "' but deploy/" + fileName + ".sql does not exist at " + discovery.tree().location());
                continue;
            }
            discovery.use(deploy.get());
            discovery.up(version, fileName, deploy.get(), false);
            discovery.tree().find("revert/" + fileName + ".sql").ifPresent(revert -> {
                discovery.use(revert);
                discovery.down(version, fileName, revert, false);
            });
            discovery.tree().find("verify/" + fileName + ".sql").ifPresent(discovery::use);
        }
        for (Resource entry : discovery.tree().resources()) {
            if (!discovery.isUsed(entry) && entry.fileName().endsWith(".sql")
                    && (entry.folder().equals("deploy") || entry.folder().equals("revert")
                    || entry.folder().equals("verify"))) {
                discovery.warning(entry.name() + " is not named in " + PLAN + " and is ignored");
                discovery.use(entry);
            }
        }
    }
}
