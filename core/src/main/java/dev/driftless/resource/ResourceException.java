package dev.driftless.resource;

import dev.driftless.DriftlessException;

/**
 * {@code ResourceException} says that a file or a location could not be found or read as text: nothing exists there
 * (the message lists every place searched), it is no regular file (a folder, a pipe, a device, a broken link), it
 * cannot be read, or its bytes are not UTF-8 text (the message names line, column and byte offset).
 */
public class ResourceException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    /** The resource's name as shown, or the location as written. */
    private final String resource;
    /** The 1-based line of the problem, or 0. */
    private final int line;
    /** The 1-based column of the problem, or 0. */
    private final int column;

    /**
     * @param message the whole message, naming the resource and what to do
     * @param resource the resource's name as shown, or the location as written
     * @param line the 1-based line of the problem, or 0
     * @param column the 1-based column of the problem, or 0
     * @param cause the underlying failure, may be {@code null}
     */
    public ResourceException(String message, String resource, int line, int column, Throwable cause) {
        super(message, cause);
        this.resource = resource;
        this.line = line;
        this.column = column;
    }

    /** @return the resource's name as shown, or the location as written */
    public String resource() {
        return resource;
    }

    /** @return the 1-based line of the problem, or 0 when it concerns the whole file */
    public int line() {
        return line;
    }

    /** @return the 1-based column of the problem, or 0 when it concerns the whole file */
    public int column() {
        return column;
    }
}
