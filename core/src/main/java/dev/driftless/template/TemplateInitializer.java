package dev.driftless.template;

import dev.driftless.server.Database;

/**
 * {@code TemplateInitializer} fills a new template database: runs the schema or migrations, loads fixtures.
 * It runs once per {@link TemplateKey} and server, however many callers ask at once.
 */
@FunctionalInterface
public interface TemplateInitializer {

    /**
     * Fills the database. Close every connection opened here before returning: PostgreSQL cannot copy a template that
     * has open connections.
     *
     * @param database the empty database to fill
     * @throws Exception any failure; it is reported to every caller waiting for this template, and no template is kept
     */
    void initialize(Database database) throws Exception;
}
