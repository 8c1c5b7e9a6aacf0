package dev.driftless.check;

import dev.driftless.migration.MigrationVersion;
import dev.driftless.sql.ServerError;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code DataPreservation} is what {@link ChainChecks#dataPreservation} found: rows loaded at one version of a chain,
 * counted again after migrating on, table by table.
 *
 * <pre>{@code
 * DataPreservation found = checks.dataPreservation(chain, v1, v3, db -> load(db), List.of("party"), Map.of());
 * found.verdict();                  // FAILED
 * found.lost();                     // [TableRows[table=party, before=3, after=OptionalLong[2], ...]]
 * }</pre>
 *
 * @param verdict {@link CheckResult.Verdict#PASSED} when no table lost rows, else {@link CheckResult.Verdict#FAILED}
 * @param from the version the rows were loaded at
 * @param to the version migrated to
 * @param tables each table's counts, in the order given
 */
public record DataPreservation(CheckResult.Verdict verdict, MigrationVersion from, MigrationVersion to,
        List<TableRows> tables) {

    /**
     * {@code TableRows} is one table's rows before and after migrating.
     *
     * @param table the table, as given
     * @param before its rows after loading
     * @param after the count after migrating; empty when counting failed
     * @param countQuery the query that counted after migrating, when one was given for a renamed or split table
     * @param error why counting after migrating failed (e.g. {@code [42P01] relation "party" does not exist})
     */
    public record TableRows(String table, long before, OptionalLong after, Optional<String> countQuery,
            Optional<ServerError> error) {

        /**
         * Validates the parts.
         *
         * @param table the value for the {@code table} record component
         * @param before the value for the {@code before} record component
         * @param after the value for the {@code after} record component
         * @param countQuery the value for the {@code countQuery} record component
         * @param error the value for the {@code error} record component
         */
        public TableRows {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(countQuery, "countQuery");
            Objects.requireNonNull(error, "error");
        }

        /** @return {@code true} when fewer rows were counted after migrating, or they could not be counted */
        public boolean lost() {
            return after.isEmpty() || after.getAsLong() < before;
        }
    }

    /**
     * Validates the parts and copies the list.
     *
     * @param verdict the value for the {@code verdict} record component
     * @param from the value for the {@code from} record component
     * @param to the value for the {@code to} record component
     * @param tables the value for the {@code tables} record component
     */
    public DataPreservation {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        tables = List.copyOf(tables);
    }

    /** @return the tables that lost rows, in order */
    public List<TableRows> lost() {
        return tables.stream().filter(TableRows::lost).toList();
    }
}
