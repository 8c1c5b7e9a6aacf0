package dev.driftless.schema;

/**
 * {@code DiffRenderer} turns a {@link SchemaDiff} into text for people or tools. Implementations are stateless and
 * thread-safe.
 */
@FunctionalInterface
public interface DiffRenderer {

    /**
     * Renders a diff.
     *
     * @param diff the diff
     * @return the rendering, never {@code null}
     */
    String render(SchemaDiff diff);
}
