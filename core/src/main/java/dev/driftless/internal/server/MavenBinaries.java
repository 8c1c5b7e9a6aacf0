package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import dev.driftless.internal.Notices;
import dev.driftless.internal.SlowWait;
import dev.driftless.server.Redaction;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalArtifactRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves zonky's binary jars through the user's Maven settings with Maven Resolver, as the user's own build would:
 * from the local repository when it is there, else from the repository ({@code driftless.embedded.repository},
 * Maven Central by default) or the mirror the settings put in its place, with the settings' proxies and credentials,
 * into the local repository. Checksums must match (policy {@code fail}).
 */
final class MavenBinaries {

    /** The id of the repository when it is Maven Central, so that mirrors of {@code central} apply, as in Maven. */
    private static final String CENTRAL = "central";
    /** The id of the repository {@code driftless.embedded.repository} names; {@code <server>} credentials use it. */
    private static final String CUSTOM = "driftless-embedded";

    private static final Logger LOG = LoggerFactory.getLogger(MavenBinaries.class);

    private MavenBinaries() {
    }

    /**
     * Resolves an artifact's jar.
     *
     * @param artifact what to resolve
     * @param repositoryUrl the repository to resolve from ({@code driftless.embedded.repository})
     * @param settings the user's Maven settings
     * @return the jar in the local repository
     * @throws DriftlessException when it cannot be had, naming the artifact, the repository (or mirror), the
     *         settings read and the ways out
     */
    static Path resolve(BinaryArtifact artifact, String repositoryUrl, MavenSettings settings) {
        RemoteRepository repository = new RemoteRepository.Builder(
                repositoryUrl.equals(DriftlessConfig.DEFAULT_EMBEDDED_REPOSITORY) ? CENTRAL : CUSTOM, "default",
                repositoryUrl)
                .setReleasePolicy(new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_NEVER,
                        RepositoryPolicy.CHECKSUM_POLICY_FAIL))
                .setSnapshotPolicy(new RepositoryPolicy(false, RepositoryPolicy.UPDATE_POLICY_NEVER,
                        RepositoryPolicy.CHECKSUM_POLICY_FAIL))
                .build();
        Artifact jar = new DefaultArtifact(BinaryArtifact.GROUP_ID, artifact.artifactId(), "jar", artifact.release());
        RepositorySystem system = new RepositorySystemSupplier().get();
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(settings.localRepository())
                .setOffline(settings.offline())
                .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_FAIL)
                .setMirrorSelector(settings.mirrors())
                .setProxySelector(settings.proxies())
                .setAuthenticationSelector(settings.credentials())
                .setConfigProperty("aether.syncContext.named.factory", "file-lock")
                // Record where artifacts came from as Maven 3 does (by repository id), so that builds share them.
                .setConfigProperty("aether.system.trackingRepositoryKeyFunction", "simple")
                .setConfigProperty("aether.transport.http.userAgent", "Driftless")
                .build()) {
            List<RemoteRepository> repositories = system.newResolutionRepositories(session, List.of(repository));
            RemoteRepository used = repositories.get(0);
            boolean local = session.getLocalRepositoryManager()
                    .find(session, new LocalArtifactRequest(jar, repositories, null)).isAvailable();
            if (!local && !settings.offline()) {
                Notices.tell(LOG, "Downloading " + artifact + " from " + describe(used)
                        + ", once: Maven keeps them in the local repository " + settings.localRepository() + ".");
            }
            try (SlowWait ignored = SlowWait.start(LOG, "downloading " + artifact + " from " + describe(used))) {
                return system.resolveArtifact(session, new ArtifactRequest(jar, repositories, null)).getArtifact()
                        .getPath();
            } catch (ArtifactResolutionException e) {
                throw failure(artifact, used, settings, e);
            }
        } finally {
            system.shutdown();
        }
    }

    private static DriftlessException failure(BinaryArtifact artifact, RemoteRepository used, MavenSettings settings,
                                              ArtifactResolutionException e) {
        String read = " Maven settings read: " + settings.files() + ".";
        if (settings.offline()) {
            return new DriftlessException("Maven is offline (<offline>true</offline> in the Maven settings "
                    + settings.files() + ") and " + artifact + " are not in the local repository "
                    + settings.localRepository() + "." + waysOut("go online once", artifact), e);
        }
        String waysOut = waysOut("add the artifact to that repository (or let it proxy Maven Central)", artifact);
        ChecksumFailureException checksum = cause(e, ChecksumFailureException.class);
        if (checksum != null) {
            return new DriftlessException(capitalised(describe(used)) + " serves " + artifact + " with checksums that"
                    + " do not match: " + Redaction.url(checksum.getMessage()) + ". Driftless took nothing from it."
                    + read + waysOut, e);
        }
        if (cause(e, ArtifactNotFoundException.class) != null) {
            return new DriftlessException(capitalised(artifact.toString()) + " are missing from " + describe(used)
                    + "." + read + waysOut, e);
        }
        return new DriftlessException("Cannot download " + artifact + " from " + describe(used) + ": "
                + Redaction.url(rootMessage(e)) + "." + read + " Check the repository's URL, the proxy and the"
                + " credentials (<server> with the repository's id) in the settings." + waysOut, e);
    }

    private static String waysOut(String first, BinaryArtifact artifact) {
        return " Ways out: " + first + "; declare " + artifact.coordinates() + " as a test dependency of your project;"
                + " use " + Platform.DOCKER + "; or use " + Platform.EXTERNAL + ".";
    }

    /** @return {@code the repository 'central' (https://...)} or {@code the mirror 'corp' (http://...) of central} */
    private static String describe(RemoteRepository repository) {
        String url = Redaction.url(repository.getUrl());
        if (repository.getMirroredRepositories().isEmpty()) {
            return "the repository '" + repository.getId() + "' (" + url + ")";
        }
        return "the mirror '" + repository.getId() + "' (" + url + ") of " + repository.getMirroredRepositories()
                .stream().map(RemoteRepository::getId).collect(Collectors.joining(", "));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                T found = cause(suppressed, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
