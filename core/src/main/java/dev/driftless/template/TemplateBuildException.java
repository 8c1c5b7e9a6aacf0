package dev.driftless.template;

import dev.driftless.DriftlessException;

/**
 * {@code TemplateBuildException} reports that a template's initializer failed. Every caller that waited for the
 * template gets one, carrying the initializer's own message (for a script: file, line and SQL error) and, as its
 * cause, the initializer's exception.
 */
public final class TemplateBuildException extends DriftlessException {

    private static final long serialVersionUID = 1L;

    TemplateBuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
