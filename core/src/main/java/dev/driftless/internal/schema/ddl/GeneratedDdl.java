package dev.driftless.internal.schema.ddl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GeneratedDdl} is what {@link DdlGenerator} made of a diff.
 *
 * @param statements the statements, in the order they must run
 * @param notGenerated the changes the generator does not handle yet, each as the diff renders it
 */
public record GeneratedDdl(List<GeneratedStatement> statements, List<String> notGenerated) {

    /**
     * Copies the lists.
     *
     * @param statements the value for the {@code statements} record component
     * @param notGenerated the value for the {@code notGenerated} record component
     */
    public GeneratedDdl {
        statements = List.copyOf(statements);
        notGenerated = List.copyOf(notGenerated);
    }

    /** @return the script: the statements, a blank line between two; empty when there are none */
    public String script() {
        return statements.stream().map(GeneratedStatement::text).map(s -> s + "\n").collect(Collectors.joining("\n"));
    }
}
