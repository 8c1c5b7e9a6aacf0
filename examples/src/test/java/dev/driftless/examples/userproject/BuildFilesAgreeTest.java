package dev.driftless.examples.userproject;

import dev.driftless.testing.GuideSnippets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code BuildFilesAgreeTest} keeps the Gradle build of {@code examples/user-project} and the dependency snippets of
 * the guide true: Gradle does not run in this build, so the Gradle file is checked against the Maven project that
 * {@link UserProjectTest} builds and tests — the same artifacts, the same versions, the same BOMs; and every Driftless
 * artifact the README and the guide name exists at this build's version.
 */
class BuildFilesAgreeTest {

    private static final Path ROOT = GuideSnippets.repositoryRoot();
    private static final Path PROJECT = ROOT.resolve("examples/user-project");
    private static final Pattern GRADLE_DEPENDENCY = Pattern.compile(
            "^\\s*(testImplementation|testRuntimeOnly)\\((platform\\()?\"([^\"]+)\"\\)?\\)\\s*$");

    @Test
    void theGradleBuildDeclaresWhatTheMavenProjectDeclares() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PROJECT.resolve("pom.xml").toFile());
        String driftlessVersion = text(pom.getDocumentElement(), "properties", "driftless.version");
        Set<String> maven = new TreeSet<>();
        NodeList dependencies = pom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String version = child(dependency, "version").replace("${driftless.version}", driftlessVersion);
            String coordinates = child(dependency, "groupId") + ":" + child(dependency, "artifactId")
                    + (version.isEmpty() ? "" : ":" + version);
            maven.add(("import".equals(child(dependency, "scope")) ? "platform " : "") + coordinates);
        }
        Set<String> gradle = new TreeSet<>();
        for (String line : Files.readAllLines(PROJECT.resolve("build.gradle.kts"))) {
            Matcher m = GRADLE_DEPENDENCY.matcher(line);
            if (m.matches()) {
                gradle.add((m.group(2) != null ? "platform " : "") + m.group(3));
            }
        }
        // Gradle needs the JUnit Platform launcher on the test runtime class path; Maven's Surefire brings its own.
        assertThat(gradle).containsExactlyInAnyOrderElementsOf(with(maven, "org.junit.platform:junit-platform-launcher"));
    }

    @Test
    void everyDriftlessArtifactTheDocsNameExistsAtThisVersion() throws IOException {
        Set<String> published = publishedArtifacts();
        String version = projectVersion();
        Pattern artifact = Pattern.compile("dev\\.driftless:(driftless-[a-z-]+)(?::([0-9A-Za-z.-]+))?|"
                + "<artifactId>(driftless-[a-z-]+)</artifactId>(?:\\s*<version>([^<]+)</version>)?");
        List<String> problems = new ArrayList<>();
        for (String page : List.of("README.md", "docs/getting-started.md", "docs/cli.md",
                "examples/user-project/build.gradle.kts")) {
            Matcher m = artifact.matcher(Files.readString(ROOT.resolve(page)));
            int named = 0;
            while (m.find()) {
                named++;
                String id = m.group(1) != null ? m.group(1) : m.group(3);
                String v = m.group(1) != null ? m.group(2) : m.group(4);
                if (!published.contains(id)) {
                    problems.add(page + " names " + id + ", which this build does not publish");
                }
                if (v != null && !v.startsWith("$") && !v.equals(version)) {
                    problems.add(page + " names " + id + " at " + v + ", but this build is " + version);
                }
            }
            if (named == 0) {
                problems.add(page + " names no Driftless artifact any more: update this test's list of pages");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<String> with(Set<String> set, String extra) {
        Set<String> copy = new TreeSet<>(set);
        copy.add(extra);
        return copy;
    }

    private static Set<String> publishedArtifacts() throws IOException {
        Set<String> ids = new TreeSet<>();
        try (var modules = Files.list(ROOT)) {
            for (Path pom : modules.map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                String text = Files.readString(pom);
                if (!text.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                    Matcher m = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>|"
                            + "^\\s*<artifactId>(driftless-bom)</artifactId>", Pattern.MULTILINE).matcher(text);
                    if (m.find()) {
                        ids.add(m.group(1) != null ? m.group(1) : m.group(2));
                    }
                }
            }
        }
        return ids;
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>driftless-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).as("the parent pom's version").isTrue();
        return m.group(1);
    }

    private static String text(Element parent, String... path) {
        Element element = parent;
        for (String name : path) {
            element = (Element) element.getElementsByTagName(name).item(0);
        }
        return element.getTextContent().trim();
    }

    private static String child(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        return children.getLength() == 0 ? "" : children.item(0).getTextContent().trim();
    }
}
