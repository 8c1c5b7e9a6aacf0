package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import dev.driftless.migration.MigrationVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code SqitchReader} reads a sqitch project as sqitch does ({@code App::Sqitch::Plan}, {@code Plan::Change},
 * {@code Engine::pg}): {@code sqitch.plan} lists the changes in deploy order; each change's scripts are
 * {@code deploy/name.sql} and {@code revert/name.sql} ({@code verify/name.sql} is not run). A reworked change appears
 * more than once in the plan; each earlier instance uses the script named after the first of the tags between it and
 * its next rework whose {@code deploy/name@tag.sql} exists ({@code Change::path_segments}), and the last instance
 * uses {@code deploy/name.sql}. Sqitch runs every script with psql, so each statement commits on its own unless the
 * script opens a transaction (sqitch's own scripts do: {@code BEGIN; ... COMMIT;}). A change's version is its
 * position in the plan (1, 2, 3, ...). Only {@code sqitch.plan} and the scripts it names are read: {@code test/},
 * {@code data/} and the other files of a project are not.
 */
final class SqitchReader implements LayoutReader {

    static final String PLAN = "sqitch.plan";
    private static final List<String> SCRIPT_FOLDERS = List.of("deploy", "revert", "verify");
    private static final TransactionRule PSQL = TransactionRule.outside("sqitch runs each script with psql, which"
            + " commits every statement on its own unless the script opens a transaction");

    private record Change(String name, int line, int index) {
    }

    @Override
    public void read(Discovery discovery) {
        discovery.toolReads("sqitch reads only sqitch.plan and the deploy/, revert/ and verify/ scripts it names",
                e -> SCRIPT_FOLDERS.contains(e.folder().split("/", 2)[0]));
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
        List<List<String>> tagsAfter = new ArrayList<>(); // the tags after each change, in plan order
        String[] lines = planText.get().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("%") || line.startsWith("#")) {
                continue;
            }
            String first = line.split("\\s+", 2)[0];
            if (first.startsWith("@")) {
                for (List<String> tags : tagsAfter) {
                    tags.add(first.substring(1));
                }
                continue;
            }
            if (first.startsWith("-")) {
                discovery.error(plan.name() + ":" + (i + 1) + " reverts change '" + first.substring(1)
                        + "' inside the plan; Driftless reads plans of deploy steps only: remove the line");
                continue;
            }
            changes.add(new Change(first.startsWith("+") ? first.substring(1) : first, i + 1, changes.size()));
            tagsAfter.add(new ArrayList<>());
        }
        for (Change change : changes) {
            readChange(discovery, plan, change, reworkTags(changes, tagsAfter, change));
        }
    }

    /**
     * @return the tags between a change and its next rework, in plan order ({@code Plan::Change::rework_tags});
     *     empty when it is not reworked later, {@code null} when it is but no tag comes between
     */
    private static List<String> reworkTags(List<Change> changes, List<List<String>> tagsAfter, Change change) {
        Optional<Change> rework = changes.stream().skip(change.index() + 1L)
                .filter(c -> c.name().equals(change.name())).findFirst();
        if (rework.isEmpty()) {
            return List.of();
        }
        List<String> after = tagsAfter.get(change.index());
        List<String> between = after.subList(0, after.size() - tagsAfter.get(rework.get().index()).size());
        return between.isEmpty() ? null : List.copyOf(between);
    }

    private static void readChange(Discovery discovery, Resource plan, Change change, List<String> reworkTags) {
        String scriptName = change.name();
        if (reworkTags == null) {
            discovery.error(plan.name() + ":" + change.line() + " change '" + change.name()
                    + "' is reworked later in the plan but no tag follows it; sqitch needs a tag between a"
                    + " change and its rework");
            return;
        }
        if (!reworkTags.isEmpty()) {
            Optional<String> tag = reworkTags.stream()
                    .filter(t -> discovery.tree().find("deploy/" + change.name() + "@" + t + ".sql").isPresent())
                    .findFirst();
            if (tag.isEmpty()) {
                String tried = reworkTags.stream().map(t -> "deploy/" + change.name() + "@" + t + ".sql")
                        .collect(Collectors.joining(", "));
                discovery.error(plan.name() + ":" + change.line() + " names change '" + change.name() + "', reworked"
                        + " later, but " + (reworkTags.size() == 1 ? tried + " does not exist"
                        : "none of " + tried + " exists") + " at " + discovery.tree().location() + " (sqitch runs"
                        + " the script of the first tag between a change and its rework that has one)");
                return;
            }
            scriptName = change.name() + "@" + tag.get();
        }
        MigrationVersion version = MigrationVersion.parse(Integer.toString(change.index() + 1));
        Optional<Resource> deploy = discovery.tree().find("deploy/" + scriptName + ".sql");
        if (deploy.isEmpty()) {
            discovery.error(plan.name() + ":" + change.line() + " names change '" + change.name()
                    + "' but deploy/" + scriptName + ".sql does not exist at " + discovery.tree().location());
            return;
        }
        discovery.use(deploy.get());
        discovery.up(version, scriptName, deploy.get(), PSQL);
        String revertName = scriptName;
        discovery.tree().find("revert/" + revertName + ".sql").ifPresent(revert -> {
            discovery.use(revert);
            discovery.down(version, revertName, revert, PSQL);
        });
        discovery.tree().find("verify/" + scriptName + ".sql").ifPresent(discovery::use);
    }
}
