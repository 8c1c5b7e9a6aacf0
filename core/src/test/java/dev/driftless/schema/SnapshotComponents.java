package dev.driftless.schema;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * Builds snapshots in tests by component name, so that a test naming three components does not have to change each
 * time the snapshot gains a kind.
 */
final class SnapshotComponents {

    private SnapshotComponents() {
    }

    /** @return a snapshot holding the given components (by record component name) and nothing else */
    static SchemaSnapshot snapshotWith(Map<String, ?> components) {
        return replacing(SchemaSnapshot.empty(), components);
    }

    /** @return {@code base} with the given components (by record component name) replaced; a null value empties one */
    static SchemaSnapshot replacing(SchemaSnapshot base, Map<String, ?> components) {
        RecordComponent[] all = SchemaSnapshot.class.getRecordComponents();
        if (!Arrays.stream(all).map(RecordComponent::getName).toList().containsAll(components.keySet())) {
            throw new IllegalArgumentException("Not components of SchemaSnapshot: " + components.keySet());
        }
        Object[] values = new Object[all.length];
        Class<?>[] types = new Class<?>[all.length];
        try {
            for (int i = 0; i < all.length; i++) {
                String name = all[i].getName();
                values[i] = components.containsKey(name) ? components.get(name) : all[i].getAccessor().invoke(base);
                types[i] = all[i].getType();
            }
            return SchemaSnapshot.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
