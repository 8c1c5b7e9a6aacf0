package dev.driftless.schema;

import java.util.List;
import java.util.Objects;

/**
 * {@code GeneratedMigration} is what {@link MigrationGenerator} made: the script that turns schema A into schema B
 * ({@link #up()}), the one that turns B back into A ({@link #down()}), and whether both were proved on real databases
 * ({@link #verification()}).
 *
 * @param up the up script (A → B), statements separated by blank lines; a statement that loses data is preceded by a
 *     {@code -- driftless: loses data: ...} comment line; empty when A and B are equal
 * @param down the down script (B → A), generated the same way
 * @param lossy the statements of the up script that lose data, each with its comment line, in script order
 * @param verification what applying the scripts showed, never {@code null}
 */
public record GeneratedMigration(String up, String down, List<String> lossy, Verification verification) {

    /**
     * Copies the list.
     *
     * @param up the value for the {@code up} record component
     * @param down the value for the {@code down} record component
     * @param lossy the value for the {@code lossy} record component
     * @param verification the value for the {@code verification} record component
     */
    public GeneratedMigration {
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(down, "down");
        lossy = List.copyOf(lossy);
        Objects.requireNonNull(verification, "verification");
    }

    /** @return {@code true} when both scripts were proved: {@code verification().verified()} */
    public boolean verified() {
        return verification.verified();
    }

    /**
     * {@code Verification} says what the generated scripts did on a copy of A: the up script applied, the result
     * compared with B; then the down script applied, the result compared with A.
     *
     * @param notGenerated the changes from A to B the generator does not handle yet, each as the diff's text renders it
     *     ({@code function answer(): added}); any of them fails the verification
     * @param notGeneratedDown the same for the down script: the changes from B to A not handled
     * @param afterUp what still differs from B after the up script (- B, + result); {@code null} when the up script did
     *     not run to the end
     * @param afterDown what still differs from A after the down script (- A, + result); {@code null} when it did not
     *     run to the end
     * @param failure the error of the script that failed, with its statement; {@code null} when both ran
     */
    public record Verification(List<String> notGenerated, List<String> notGeneratedDown, SchemaDiff afterUp,
            SchemaDiff afterDown, String failure) {

        /**
         * Copies the list.
         *
         * @param notGenerated the value for the {@code notGenerated} record component
         * @param notGeneratedDown the value for the {@code notGeneratedDown} record component
         * @param afterUp the value for the {@code afterUp} record component
         * @param afterDown the value for the {@code afterDown} record component
         * @param failure the value for the {@code failure} record component
         */
        public Verification {
            notGenerated = List.copyOf(notGenerated);
            notGeneratedDown = List.copyOf(notGeneratedDown);
        }

        /** @return {@code true} when everything was generated, both scripts ran, and both results are exact */
        public boolean verified() {
            return notGenerated.isEmpty() && notGeneratedDown.isEmpty() && failure == null && afterUp != null
                    && afterUp.isEmpty() && afterDown != null && afterDown.isEmpty();
        }

        /**
         * Returns what the verification found, for people.
         *
         * @return {@code verified: up gives B, down gives A again} or {@code not verified:} followed by one indented
         *     line per remaining problem
         */
        public String message() {
            if (verified()) {
                return "verified: up gives B, down gives A again";
            }
            StringBuilder text = new StringBuilder("not verified:\n");
            notGenerated.forEach(change -> text.append("  not generated: ").append(change).append('\n'));
            notGeneratedDown.forEach(change -> text.append("  not generated in the down script: ").append(change)
                    .append('\n'));
            if (failure != null) {
                text.append("  ").append(failure.strip().replace("\n", "\n    ")).append('\n');
            }
            remaining(text, "after the up script, the schema differs from B (- B, + result)", afterUp);
            remaining(text, "after the down script, the schema differs from A (- A, + result)", afterDown);
            return text.toString().stripTrailing();
        }

        private static void remaining(StringBuilder text, String step, SchemaDiff diff) {
            if (diff != null && !diff.isEmpty()) {
                text.append("  ").append(step).append(": ").append(diff.summary()).append('\n');
                for (String line : new TextDiffRenderer().renderChanges(diff).split("\n")) {
                    text.append("    ").append(line).append('\n');
                }
            }
        }
    }
}
