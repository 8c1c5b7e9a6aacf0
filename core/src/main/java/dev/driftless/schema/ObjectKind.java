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
    /** A rewrite rule ({@code CREATE RULE}) on a table or a view. */
    RULE,
    /** An extended statistics object ({@code CREATE STATISTICS}) on a table or a materialized view. */
    STATISTICS,
    /** Default privileges ({@code ALTER DEFAULT PRIVILEGES}) of a role, in a schema or database-wide. */
    DEFAULT_PRIVILEGES,
    /** An aggregate ({@code CREATE AGGREGATE}), a {@link Routine} with {@link Routine#aggregate() its parts}. */
    AGGREGATE,
    /** A text search configuration. */
    TEXT_SEARCH_CONFIGURATION,
    /** A text search dictionary. */
    TEXT_SEARCH_DICTIONARY,
    /** A text search parser. */
    TEXT_SEARCH_PARSER,
    /** A text search template. */
    TEXT_SEARCH_TEMPLATE,
    /** A publication; database-wide, identified by name alone. */
    PUBLICATION,
    /** An event trigger; database-wide, identified by name alone. */
    EVENT_TRIGGER,
    /** A foreign-data wrapper; database-wide, identified by name alone. */
    FOREIGN_DATA_WRAPPER,
    /** A foreign server; database-wide, identified by name alone. */
    FOREIGN_SERVER,
    /** A user mapping on a foreign server; database-wide, identified as {@code user@server}. */
    USER_MAPPING,
    /** A foreign table. */
    FOREIGN_TABLE,
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
     * Tells whether objects of this kind belong to a table (columns, constraints, indexes, triggers, policies, rules,
     * extended statistics).
     *
     * @return {@code true} for the kinds that live inside a {@link Table}
     */
    public boolean isPartOfTable() {
        return this == COLUMN || this == CONSTRAINT || this == INDEX || this == TRIGGER || this == POLICY
                || this == RULE || this == STATISTICS;
    }
}
