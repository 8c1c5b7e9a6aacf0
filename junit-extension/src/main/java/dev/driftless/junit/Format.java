package dev.driftless.junit;

import dev.driftless.migration.Layout;

import java.util.Optional;

/**
 * {@code Format} is the layout of the migration files of a {@link MigratedDatabase} class: {@link #AUTO} (detected
 * from the files, the default) or one named explicitly, so that a file fitting no pattern of it is reported instead of
 * making detection pick another layout. Each value but {@code AUTO} stands for the {@link Layout} of the same name.
 */
public enum Format {

    /** Detected from the files found. */
    AUTO,
    /** @see Layout#NUMBERED */
    NUMBERED,
    /** @see Layout#FLYWAY */
    FLYWAY,
    /** @see Layout#GOLANG_MIGRATE */
    GOLANG_MIGRATE,
    /** @see Layout#FOLDER_PER_MIGRATION */
    FOLDER_PER_MIGRATION,
    /** @see Layout#PRISMA */
    PRISMA,
    /** @see Layout#DBMATE */
    DBMATE,
    /** @see Layout#SQITCH */
    SQITCH;

    /**
     * Returns the layout this format names.
     *
     * @return the layout, empty for {@link #AUTO}
     */
    public Optional<Layout> layout() {
        return this == AUTO ? Optional.empty() : Optional.of(Layout.valueOf(name()));
    }
}
