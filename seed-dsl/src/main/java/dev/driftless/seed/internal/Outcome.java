package dev.driftless.seed.internal;

/**
 * {@code Outcome} is what the message of a failed load says about the database: a load that fails changes nothing,
 * and when it was to empty its tables first, the message says that they were not emptied either. The planner, the
 * loader and the seeder all end their messages with one of these sentences, so each message tells exactly what was
 * and was not changed.
 */
public final class Outcome {

    private static final Outcome INSERT = new Outcome(false);
    private static final Outcome TRUNCATE_THEN_INSERT = new Outcome(true);

    private final boolean truncates;

    private Outcome(boolean truncates) {
        this.truncates = truncates;
    }

    /** @return the outcome of a load that only inserts */
    public static Outcome insert() {
        return INSERT;
    }

    /** @return the outcome of a load that empties its tables, then inserts, in the same transaction */
    public static Outcome truncateThenInsert() {
        return TRUNCATE_THEN_INSERT;
    }

    /** @return whether the load empties its tables before inserting */
    public boolean truncates() {
        return truncates;
    }

    /** @return e.g. {@code before anything was inserted}, for problems found while checking the fixtures */
    public String checkedBefore() {
        return truncates ? "before anything was changed" : "before anything was inserted";
    }

    /** @return the sentence for a load refused before it changed anything */
    public String refused() {
        return truncates ? "Nothing was changed: the tables were not truncated and no row was inserted."
                : "Nothing was inserted.";
    }

    /** @return the sentence for a load that failed while inserting, and was rolled back */
    public String rolledBack() {
        return truncates ? "Nothing was changed: the whole load was rolled back, the truncation included; the tables"
                + " hold the rows they held before." : "Nothing was inserted: the whole load was rolled back.";
    }

    @Override
    public String toString() {
        return truncates ? "Outcome[truncate then insert]" : "Outcome[insert]";
    }
}
