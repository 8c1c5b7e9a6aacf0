package dev.driftless.schema;

import java.util.Locale;

/**
 * {@code ObjectKind} is the kind of a catalog object in a {@link SchemaSnapshot}. Together with the schema-qualified
 * name (and, for functions, the argument types) it forms an object's identity, {@link ObjectId}.
 *
 * <p>Kinds are declared in the order a reader cares about them; renderers list changes in this order.
 */
public enum ObjectKind {
    /** A schema (namespace). */
    SCHEMA,
    /** An installed extension; database-wide, identified by name alone. */
    EXTENSION,
    /** A table: regular, partitioned, a partition, unlogged, or inheriting. */
    TABLE,
    /** A column of a table. */
    COLUMN,
    /** A primary key, unique, foreign key, check or exclusion constraint of a table. */
    CONSTRAINT,
    /** An index of a table. */
    INDEX,
    /** A trigger on a table. */
    TRIGGER,
    /** A row-level security policy on a table. */
    POLICY,
    /** A sequence. */
    SEQUENCE,
    /** A view. */
    VIEW,
    /** A materialized view. */
    MATERIALIZED_VIEW,
    /** A function. */
    FUNCTION,
    /** A procedure. */
    PROCEDURE,
    /** An enum type. */
    ENUM,
    /** A domain. */
    DOMAIN,
    /** A composite type. */
    COMPOSITE_TYPE,
    /** A collation ({@code CREATE COLLATION}). */
    COLLATION,
    /** A range type ({@code CREATE TYPE ... AS RANGE}). */
    RANGE_TYPE,
    /** A base type ({@code CREATE TYPE name (INPUT = ..., OUTPUT = ...)}) or a shell type ({@code CREATE TYPE t}). */
    BASE_TYPE,
    /** A cast ({@code CREATE CAST}); database-wide, identified by its source and target types. */
    CAST,
    /** An operator ({@code CREATE OPERATOR}), identified by its symbol and operand types. */
    OPERATOR,
    /** An operator class ({@code CREATE OPERATOR CLASS}), identified by its name and access method. */
    OPERATOR_CLASS,
    /** An operator family ({@code CREATE OPERATOR FAMILY}), identified by its name and access method. */
    OPERATOR_FAMILY,
    /** An encoding conversion ({@code CREATE CONVERSION}). */
    CONVERSION,
    /** An access method ({@code CREATE ACCESS METHOD}); database-wide, identified by name alone. */
    ACCESS_METHOD,
    /** A transform ({@code CREATE TRANSFORM}); database-wide, identified by its type and language. */
    TRANSFORM;

    /**
     * Returns the kind's name as people write it, e.g. {@code materialized view}.
     *
     * @return lower-case words, never {@code null}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * Tells whether objects of this kind belong to a table (columns, constraints, indexes, triggers, policies).
     *
     * @return {@code true} for the kinds that live inside a {@link Table}
     */
    public boolean isPartOfTable() {
        return this == COLUMN || this == CONSTRAINT || this == INDEX || this == TRIGGER || this == POLICY;
    }
}
