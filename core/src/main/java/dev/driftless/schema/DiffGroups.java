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

    /**
     * Differences of one shape: the same object kind (and constraint type), change type, property, old and new
     * value and category; only the objects' names differ. Formed only when at least {@link #REPEATED} differences
     * share the shape.
     */
    record Shape(ObjectKind kind, ConstraintType constraintType, String kindLabel, ChangeType type, String property,
            String from, String to, ChangeCategory category, List<ObjectId> objects) {

        /** Returns e.g. {@code foreign key on delete} or {@code index added}. */
        String title() {
            return kindLabel + " " + what(type, property);
        }

        /** Returns the first {@link #LISTED} objects, then {@code and N more}: {@code a.fk, b.fk, c.fk and 38 more}. */
        String listed() {
            String names = objects.stream().limit(LISTED).map(DiffGroups::qualified)
                    .collect(Collectors.joining(", "));
            return objects.size() > LISTED ? names + " and " + (objects.size() - LISTED) + " more" : names;
        }
    }

    /** How many differences must share a shape before they are grouped: any repetition. */
    static final int REPEATED = 2;

    /** How many objects a grouped line names before {@code and N more}; the full list follows in the details. */
    static final int LISTED = 3;

    private DiffGroups() {
    }

    /** Returns the shapes that repeat, the largest first (ties in diff order), each with its objects in diff order. */
    static List<Shape> shapes(SchemaDiff diff) {
        Map<List<Object>, List<Change>> byShape = new LinkedHashMap<>();
        for (Change change : diff.changes()) {
            byShape.computeIfAbsent(java.util.Arrays.asList(change.object().kind(), change.constraintType(),
                    change.type(), change.property(), change.from(), change.to(), change.category()),
                    k -> new ArrayList<>()).add(change);
        }
        List<Shape> shapes = new ArrayList<>();
        for (List<Change> changes : byShape.values()) {
            if (changes.size() >= REPEATED) {
                Change first = changes.get(0);
                shapes.add(new Shape(first.object().kind(), first.constraintType(), first.kindLabel(), first.type(),
                        first.property(), first.from(), first.to(), first.category(),
                        changes.stream().map(Change::object).toList()));
            }
        }
        shapes.sort(Comparator.comparing((Shape s) -> s.category()).thenComparing(s -> -s.objects().size()));
        return shapes;
    }

    /** Returns the name people read for an object in a list: {@code booking.starts_at}, {@code app.f(integer)}. */
    static String qualified(ObjectId id) {
        return id.table() == null ? id.displayName() : id.subject().displayName() + "." + id.name();
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
        return what(change.type(), change.property());
    }

    private static String what(ChangeType type, String property) {
        return switch (type) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> property;
        };
    }

    static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static boolean isLong(String value) {
        return value != null && (value.indexOf('\n') >= 0 || value.length() > 80);
    }
}
