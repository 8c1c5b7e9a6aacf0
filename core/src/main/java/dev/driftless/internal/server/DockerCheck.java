package dev.driftless.internal.server;

import dev.driftless.internal.server.DockerEndpoints.Endpoint;
import dev.driftless.internal.server.DockerEndpoints.Transport;
import dev.driftless.internal.server.DockerProbe.Attempt;
import dev.driftless.internal.server.DockerProbe.ImageState;
import dev.driftless.internal.server.DockerProbe.Search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a quick look at Docker says about starting a PostgreSQL container: whether an engine answers where
 * Testcontainers will find it, and whether the image, and the helper image Testcontainers starts first, are present
 * or can be pulled; with the reason in words ({@link #reason()}) and what to do when it cannot
 * ({@link #advice()}). Made by {@link DockerServer#check(String)} within {@link DockerProbe#TOTAL_TIMEOUT}.
 */
public final class DockerCheck {

    private static final String TLS_SUPPORT = "org.testcontainers.shaded.org.bouncycastle.openssl.PEMParser";

    /** What the check concluded. */
    enum Verdict {
        /** An engine answers where Testcontainers looks, and every image is present or obtainable. */
        USABLE,
        /** No engine answers, Testcontainers would not find it, or an image cannot be had. */
        UNUSABLE,
        /** No engine answers at an address the check can reach, but one is named it cannot reach (ssh, npipe). */
        UNCHECKABLE
    }

    /**
     * An image the start needs.
     *
     * @param name the name the engine is asked about (after Testcontainers' image name substitution)
     * @param label how messages name it, e.g. {@code image postgres:17}
     * @param hint added to the reason when it cannot be had (may be empty), e.g. how to do without it
     * @param advice what to do when it cannot be had
     */
    record RequiredImage(String name, String label, String hint, String advice) {
    }

    private static final String NO_ENGINE_ADVICE = "Start Docker (or point DOCKER_HOST at it), or use"
            + " driftless.provider=embedded.";

    private final Verdict verdict;
    private final Optional<String> engine;
    private final String reason;
    private final String advice;

    private DockerCheck(Verdict verdict, Optional<String> engine, String reason, String advice) {
        this.verdict = verdict;
        this.engine = engine;
        this.reason = reason;
        this.advice = advice;
    }

    /**
     * Looks for the engine, then asks it about each image in turn, stopping at the first that cannot be had.
     *
     * @param probe where to look
     * @param images the images the start needs, the PostgreSQL image first
     * @return the conclusion
     */
    static DockerCheck run(DockerProbe probe, List<RequiredImage> images) {
        return run(probe, images, Optional.empty());
    }

    /**
     * {@link #run(DockerProbe, List)}, with the helper image Testcontainers runs to find the address of the Docker host
     * (see {@link DockerServer#check(String)}): needed when the engine is a local socket and its {@code bridge}
     * network names no gateway.
     *
     * @param probe where to look
     * @param images the images the start needs, the PostgreSQL image first
     * @param gatewayHelper the helper image, when the other conditions for it hold
     * @return the conclusion
     */
    static DockerCheck run(DockerProbe probe, List<RequiredImage> images, Optional<RequiredImage> gatewayHelper) {
        long deadline = System.nanoTime() + DockerProbe.TOTAL_TIMEOUT.toNanos();
        Search search = probe.find(deadline);
        if (search.engine().isEmpty()) {
            return noEngine(search.attempts());
        }
        Endpoint found = search.engine().get();
        Optional<String> engine = Optional.of(found.uri());
        if (!found.testcontainersLooks()) {
            return new DockerCheck(Verdict.UNUSABLE, engine, "a Docker engine answers at " + found.uri() + ", but"
                    + " Testcontainers looks there only when DOCKER_HOST names it", "Set DOCKER_HOST=" + found.uri()
                    + " (see the Docker section of docs/servers.md), or use driftless.provider=embedded.");
        }
        String where = "Docker answers at " + found.uri() + skipped(search.attempts());
        if (found.transport() == Transport.TLS && !tlsSupported()) {
            return new DockerCheck(Verdict.UNUSABLE, engine, "Docker at " + found.uri() + " (" + found.source()
                    + ") speaks TLS, and this runtime has no TLS support for Testcontainers (the driftless CLI jar"
                    + " leaves Testcontainers' BouncyCastle out to stay small)", "Use the Docker engine's local socket,"
                    + " driftless.provider=embedded, or an external server (driftless.jdbc.url); in a build, the"
                    + " library has TLS support.");
        }
        if (found.transport() == Transport.TLS) {
            return new DockerCheck(Verdict.USABLE, engine, "Docker at " + found.uri() + " (" + found.source()
                    + ") accepts connections" + skipped(search.attempts()) + "; it speaks TLS, which Driftless' quick"
                    + " check does not, so whether the images are there is left to Testcontainers", "");
        }
        List<RequiredImage> needed = new ArrayList<>(images);
        if (gatewayHelper.isPresent() && found.transport() == Transport.UNIX
                && !probe.bridgeHasGateway(found, deadline)) {
            needed.add(gatewayHelper.get());
        }
        List<String> facts = new ArrayList<>();
        for (RequiredImage image : needed) {
            ImageState state = probe.image(found, image.name(), deadline);
            if (!state.obtainable()) {
                return new DockerCheck(Verdict.UNUSABLE, engine, where + ", but " + image.label() + " is not present"
                        + " and cannot be pulled (" + state.detail() + ")" + image.hint(), image.advice());
            }
            facts.add(fact(image, state));
        }
        return new DockerCheck(Verdict.USABLE, engine, where + (facts.isEmpty() ? "" : " and "
                + String.join(" and ", facts)), "");
    }

    /** Testcontainers reads a TLS engine's client certificates with its shaded BouncyCastle, which a jar may omit. */
    static boolean tlsSupported() {
        try {
            Class.forName(TLS_SUPPORT, false, DockerCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static DockerCheck noEngine(List<Attempt> attempts) {
        List<Attempt> tried = attempts.stream()
                .filter(a -> a.endpoint().configured() || !a.failure().equals("no such socket"))
                .collect(Collectors.toList());
        List<String> missing = attempts.stream().filter(a -> !tried.contains(a))
                .map(a -> a.endpoint().socket().orElseThrow().toString()).collect(Collectors.toList());
        StringBuilder reason = new StringBuilder("no Docker engine answers");
        if (!tried.isEmpty()) {
            reason.append(" at ").append(tried.stream().map(Attempt::describe).collect(Collectors.joining(", ")));
        }
        if (!missing.isEmpty()) {
            reason.append(tried.isEmpty() ? ": " : "; ")
                    .append(attempts.stream().anyMatch(a -> a.endpoint().configured()) ? "" : "DOCKER_HOST is not set and ")
                    .append("no socket exists at ").append(String.join(", ", missing));
        }
        boolean uncheckable = tried.stream().anyMatch(a -> a.endpoint().transport() == Transport.UNCHECKABLE);
        if (uncheckable) {
            reason.append("; driftless.provider=docker lets Testcontainers try it");
        }
        return new DockerCheck(uncheckable ? Verdict.UNCHECKABLE : Verdict.UNUSABLE, Optional.empty(),
                reason.toString(), NO_ENGINE_ADVICE);
    }

    /** Places a setting named that did not answer before the engine was found, as Testcontainers skips them too. */
    private static String skipped(List<Attempt> attempts) {
        List<String> skipped = attempts.stream().filter(a -> a.endpoint().configured())
                .map(a -> a.endpoint().uri() + " from " + a.endpoint().source() + ": " + a.failure())
                .collect(Collectors.toList());
        return skipped.isEmpty() ? "" : " (like Testcontainers, Driftless skipped " + String.join("; ", skipped) + ")";
    }

    private static String fact(RequiredImage image, ImageState state) {
        switch (state.availability()) {
            case PRESENT:
                return image.label() + " is present";
            case PULLABLE:
                return image.label() + " is not present but can be pulled";
            case PULLABLE_WITH_CREDENTIALS:
                return image.label() + " is not present; its registry asks for credentials, which Docker's"
                        + " configuration has";
            default:
                return image.label() + " is not present and may be pullable (" + state.detail() + ")";
        }
    }

    /** @return whether the docker provider can go on: an engine answers where Testcontainers looks, images obtainable */
    public boolean usable() {
        return verdict == Verdict.USABLE;
    }

    /**
     * @return {@code true} when no engine answers at an address the check can reach, but one is named that only
     *     Testcontainers can reach (an {@code ssh://} or {@code npipe://} {@code DOCKER_HOST}): then only
     *     Testcontainers can tell
     */
    public boolean uncheckable() {
        return verdict == Verdict.UNCHECKABLE;
    }

    /** @return where the engine answers, e.g. {@code unix:///var/run/docker.sock}; empty when none does */
    public Optional<String> engine() {
        return engine;
    }

    /**
     * @return the reason in words, which reads after "no driftless.jdbc.url is set and ", e.g. {@code Docker answers at
     *     unix:///var/run/docker.sock and image postgres:15 is present}
     */
    public String reason() {
        return reason;
    }

    /** @return what to do when the check is not {@link #usable()} (empty when it is), one or more sentences */
    public String advice() {
        return advice;
    }

    @Override
    public String toString() {
        return verdict + ": " + reason;
    }
}
