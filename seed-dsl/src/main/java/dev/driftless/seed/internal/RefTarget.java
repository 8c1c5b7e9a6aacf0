package dev.driftless.seed.internal;

/**
 * {@code RefTarget} is a checked reference: the alias and the referenced row's column whose value it stands for.
 *
 * @param alias the alias
 * @param column the referenced column
 */
public record RefTarget(String alias, String column) {
}
