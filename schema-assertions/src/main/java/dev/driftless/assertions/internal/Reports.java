package dev.driftless.assertions.internal;

import dev.driftless.config.DriftlessConfig;
import dev.driftless.schema.HtmlDiffRenderer;
import dev.driftless.schema.SchemaDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Reports} writes HTML reports of schema differences under {@value DriftlessConfig#REPORT_DIR}
 * ({@code target/driftless} by default).
 */
public final class Reports {

    private static final Logger LOG = LoggerFactory.getLogger(Reports.class);

    private Reports() {
    }

    /**
     * Writes a diff as HTML.
     *
     * @param name a name for the file; characters other than letters, digits, {@code -} and {@code _} become {@code _}
     * @param diff the differences
     * @return the file written, or {@code null} when it could not be written (logged; the assertion still fails)
     */
    public static Path write(String name, SchemaDiff diff) {
        Path dir = Path.of(DriftlessConfig.load().get(DriftlessConfig.REPORT_DIR).orElse("target/driftless"));
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9_-]+", "_") + ".html");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, new HtmlDiffRenderer().render(diff), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            LOG.warn("Cannot write the schema difference report {}: {}", file.toAbsolutePath(), e.toString());
            return null;
        }
    }
}
