package dev.driftless.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The changes of a diff grouped by subject (a table with its parts, or a single object), the most important group
 * first, and the most important change first within a group: the reading order every renderer shares.
 */
final class DiffGroups {

    /** One subject and its changes. */
    record Group(ObjectId subject, List<Change> changes) {

        String title() {
            return subject.kind().label() + " " + subject.displayName();
        }
    }

    private DiffGroups() {
    }

    static List<Group> of(SchemaDiff diff) {
        Map<ObjectId, List<Change>> bySubject = new LinkedHashMap<>();
        for (Change change : diff.changes()) {
            bySubject.computeIfAbsent(change.object().subject(), k -> new ArrayList<>()).add(change);
        }
        List<Group> groups = new ArrayList<>();
        bySubject.forEach((subject, changes) -> {
            List<Change> ordered = new ArrayList<>(changes);
            ordered.sort(Comparator.comparing(Change::category)); // stable: diff order within a category
            groups.add(new Group(subject, List.copyOf(ordered)));
        });
        groups.sort(Comparator.comparing((Group g) -> g.changes().get(0).category()).thenComparing(Group::subject));
        return groups;
    }

    /** Returns what the change is about within its group: {@code column starts_at}, or empty for the subject. */
    static String objectLabel(Change change) {
        ObjectId id = change.object();
        return id.kind().isPartOfTable() ? id.kind().label() + " " + id.name() : "";
    }

    /** Returns e.g. {@code 3 changes (2 structure, 1 column order)}, or {@code no differences}. */
    static String summary(SchemaDiff diff) {
        if (diff.isEmpty()) {
            return "no differences";
        }
        Map<ChangeCategory, Long> counts = diff.changes().stream()
                .collect(Collectors.groupingBy(Change::category, () -> new EnumMap<>(ChangeCategory.class),
                        Collectors.counting()));
        int n = diff.changes().size();
        return n + (n == 1 ? " difference (" : " differences (") + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")) + ")";
    }

    /** Returns what happened: {@code added}, {@code removed} or the property name. */
    static String what(Change change) {
        return switch (change.type()) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> change.property();
        };
    }

    static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static boolean isLong(String value) {
        return value != null && (value.indexOf('\n') >= 0 || value.length() > 80);
    }
}
