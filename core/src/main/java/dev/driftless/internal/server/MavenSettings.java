package dev.driftless.internal.server;

import dev.driftless.DriftlessException;
import dev.driftless.config.DriftlessConfig;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsBuildingResult;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The user's Maven settings, read as Maven reads them: the user settings ({@code ~/.m2/settings.xml}, or the file
 * {@code driftless.maven.settings} names) over the global ones ({@code ${maven.home}/conf/settings.xml} when
 * {@code maven.home} is set), with {@code ${...}} expressions and encrypted passwords resolved. Gives what Maven
 * Resolver needs to behave like the user's own build: the local repository ({@code maven.repo.local} first), offline,
 * mirrors, proxies and credentials.
 */
final class MavenSettings {

    private final List<Path> read;
    private final Path userFile;
    private final Settings settings;
    private final List<Server> servers;
    private final List<Proxy> proxies;
    private final Path localRepository;

    private MavenSettings(List<Path> read, Path userFile, Settings settings, List<Server> servers, List<Proxy> proxies,
                          Path localRepository) {
        this.read = read;
        this.userFile = userFile;
        this.settings = settings;
        this.servers = servers;
        this.proxies = proxies;
        this.localRepository = localRepository;
    }

    /**
     * Reads the settings.
     *
     * @param userSettings the file {@code driftless.maven.settings} names, or empty for {@code ~/.m2/settings.xml}
     * @param system the JVM's system properties ({@code user.home}, {@code maven.home}, {@code maven.repo.local},
     *               {@code settings.security})
     * @param environment the environment, for {@code ${env.NAME}} in the settings
     * @return the settings, never {@code null}; defaults when no file exists
     * @throws DriftlessException when a file is malformed, a password cannot be decrypted, or the named file is missing
     */
    static MavenSettings read(Optional<Path> userSettings, Properties system, Map<String, String> environment) {
        Path home = Paths.get(system.getProperty("user.home"));
        Path userFile = userSettings.orElse(home.resolve(".m2").resolve("settings.xml"));
        if (userSettings.isPresent() && !Files.isRegularFile(userFile)) {
            throw new DriftlessException(DriftlessConfig.MAVEN_SETTINGS + " names the Maven settings file " + userFile
                    + ", which does not exist. Point it at an existing settings.xml, or unset it to use "
                    + home.resolve(".m2").resolve("settings.xml") + ".");
        }
        Path globalFile = system.getProperty("maven.home") == null ? null
                : Paths.get(system.getProperty("maven.home"), "conf", "settings.xml");
        Properties expressions = new Properties();
        environment.forEach((name, value) -> expressions.setProperty("env." + name, value));
        expressions.putAll(system);
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest()
                .setUserSettingsFile(userFile.toFile())
                .setSystemProperties(expressions);
        List<Path> read = new ArrayList<>();
        if (globalFile != null) {
            request.setGlobalSettingsFile(globalFile.toFile());
            if (Files.isRegularFile(globalFile)) {
                read.add(globalFile);
            }
        }
        if (Files.isRegularFile(userFile)) {
            read.add(userFile);
        }
        Settings settings;
        try {
            SettingsBuildingResult result = new DefaultSettingsBuilderFactory().newInstance().build(request);
            settings = result.getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new DriftlessException("Cannot read the Maven settings " + problems(e.getProblems()) + ". Fix the"
                    + " file, or point " + DriftlessConfig.MAVEN_SETTINGS + " at another one.", e);
        }
        Path security = Paths.get(system.getProperty(DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION,
                home.resolve(".m2").resolve("settings-security.xml").toString()));
        SettingsDecryptionResult decrypted = new DefaultSettingsDecrypter(new DefaultSecDispatcher(
                new DefaultPlexusCipher(), Map.of(), security.toString()))
                .decrypt(new DefaultSettingsDecryptionRequest(settings));
        List<SettingsProblem> failures = decrypted.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING).collect(Collectors.toList());
        if (!failures.isEmpty()) {
            throw new DriftlessException("Cannot decrypt the passwords in the Maven settings " + describe(read) + " with "
                    + security + ": " + failures.stream().map(SettingsProblem::getMessage)
                    .collect(Collectors.joining("; ")) + ". Fix the password or the master password.");
        }
        String override = system.getProperty("maven.repo.local");
        Path local = override != null && !override.isBlank() ? Paths.get(override)
                : settings.getLocalRepository() != null && !settings.getLocalRepository().isBlank()
                ? Paths.get(settings.getLocalRepository()) : home.resolve(".m2").resolve("repository");
        return new MavenSettings(List.copyOf(read), userFile, settings, decrypted.getServers(), decrypted.getProxies(),
                local.toAbsolutePath());
    }

    /** @return the local repository: {@code maven.repo.local}, else {@code <localRepository>}, else {@code ~/.m2/repository} */
    Path localRepository() {
        return localRepository;
    }

    /** @return whether the settings say {@code <offline>true</offline>} */
    boolean offline() {
        return settings.isOffline();
    }

    /** @return the settings files read, for messages: {@code /home/me/.m2/settings.xml}, or that none exists */
    String files() {
        return read.isEmpty() ? "none (" + userFile + " does not exist)" : describe(read);
    }

    /** @return the mirrors, as Maven applies them ({@code mirrorOf} with {@code *}, {@code external:*}, {@code !id}) */
    MirrorSelector mirrors() {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            selector.add(mirror.getId(), mirror.getUrl(), mirror.getLayout(), false, mirror.isBlocked(),
                    mirror.getMirrorOf(), mirror.getMirrorOfLayouts());
        }
        return selector;
    }

    /** @return the active proxies, with their credentials and {@code nonProxyHosts} */
    ProxySelector proxies() {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (Proxy proxy : proxies) {
            if (proxy.isActive()) {
                selector.add(new org.eclipse.aether.repository.Proxy(proxy.getProtocol(), proxy.getHost(),
                        proxy.getPort(), new AuthenticationBuilder().addUsername(proxy.getUsername())
                        .addPassword(proxy.getPassword()).build()), proxy.getNonProxyHosts());
            }
        }
        return selector;
    }

    /** @return the credentials of each {@code <server>}, by id (of a repository or a mirror) */
    AuthenticationSelector credentials() {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server server : servers) {
            selector.add(server.getId(), new AuthenticationBuilder().addUsername(server.getUsername())
                    .addPassword(server.getPassword()).addPrivateKey(server.getPrivateKey(), server.getPassphrase())
                    .build());
        }
        return selector;
    }

    private static String describe(List<Path> files) {
        return files.stream().map(Path::toString).collect(Collectors.joining(" and "));
    }

    /** @return each problem as {@code file:line:column: message}, without the file again or the parser's echo */
    private static String problems(List<SettingsProblem> problems) {
        return problems.stream().map(p -> {
            String message = p.getMessage().replace("Non-parseable settings " + p.getSource() + ": ", "");
            int echo = message.indexOf(" (position:");
            return p.getSource() + (p.getLineNumber() > 0 ? ":" + p.getLineNumber() + ":" + p.getColumnNumber() : "")
                    + ": " + (echo > 0 ? message.substring(0, echo) : message);
        }).collect(Collectors.joining("; "));
    }
}
