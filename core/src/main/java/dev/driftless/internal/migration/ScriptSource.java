package dev.driftless.internal.migration;

import dev.driftless.resource.Resource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ScriptSource} is the text of one up, down or repeatable script as found in a location: a whole file or a
 * section of one (dbmate), with the line its text starts at and how the layout's tool runs it with respect to
 * transactions.
 *
 * @param name the name shown in messages
 * @param text the script's text
 * @param firstLine the line of the file at which {@code text} starts (1 for a whole file)
 * @param baseDirectory the folder for resolving {@code \i} includes, empty inside a jar
 * @param transaction how the layout's tool runs it, and why
 */
public record ScriptSource(String name, String text, int firstLine, Optional<Path> baseDirectory,
                           TransactionRule transaction) {

    /**
     * @param entry a whole file
     * @param transaction how the layout's tool runs it
     * @return the file as a script
     */
    public static ScriptSource of(Resource entry, TransactionRule transaction) {
        return new ScriptSource(entry.name(), entry.text(), 1, entry.baseDirectory(), transaction);
    }

    /** @return {@code true} when the layout's rule runs the script outside a transaction */
    public boolean noTransaction() {
        return transaction.noTransaction();
    }

    /** @return {@code true} when the text holds nothing but white space */
    public boolean isBlank() {
        return text.isBlank();
    }
}
