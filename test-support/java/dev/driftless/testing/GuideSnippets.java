package dev.driftless.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code GuideSnippets} keeps a page of the user guide honest: every code block it shows must be lines of code the
 * build compiles, so the page cannot drift from the code. Every module's guide test uses it:
 *
 * <pre>{@code
 * GuideSnippets.page("docs/seeding.md").assertShowsOnlyCodeFrom("seed-dsl/src/test/java");
 * }</pre>
 *
 * <p>What is checked, block by block (a block is a fenced code block of the Markdown page):
 * <ul>
 *   <li>a {@code java} block must be an <em>excerpt</em> of one of the given {@code .java} files, or of one under the
 *       given folders:
 *       its lines appear in that file, consecutively and in order, indentation aside. A line {@code // ...} (alone, or
 *       followed by a remark: {@code // ... your code}) stands for lines of the file left out, so a block may show a
 *       class with a method's body cut; blank lines next to such a line do not count;</li>
 *   <li>a block of any language preceded by {@code <!-- excerpt of: path -->} (a path from the repository's root) must
 *       be an excerpt of that file: a fixture, a script, or a Java file of another module. {@code -- ...} and
 *       {@code # ...} leave lines out as {@code // ...} does;</li>
 *   <li>a block preceded by {@code <!-- not compiled: reason -->} is not checked: illustrative pseudo-code, to be
 *       rare.</li>
 * </ul>
 * Such a marker is an HTML comment, invisible on the rendered page, on its own line before the block's opening fence
 * (blank lines between them allowed). Blocks of other languages without a marker (output, shell commands) are not
 * checked. Every problem of the page is reported at once, each with the page's line and, for a block that is no
 * excerpt, the closest place in the code and the first line that differs.
 */
public final class GuideSnippets {

    private static final Pattern FENCE = Pattern.compile("^(```+|~~~+)\\s*([A-Za-z0-9_+-]*).*$");
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*(not compiled|excerpt of)\\s*:(.*?)-->$");
    private static final Pattern ELISION = Pattern.compile("^(//|--|#) \\.\\.\\.( .*)?$");

    private final Path root;
    private final String page;
    private final List<Block> blocks;
    private final List<String> problems;

    private GuideSnippets(Path root, String page, List<Block> blocks, List<String> problems) {
        this.root = root;
        this.page = page;
        this.blocks = blocks;
        this.problems = problems;
    }

    /**
     * Reads a page of the guide.
     *
     * @param page the page's path from the repository's root, e.g. {@code "docs/seeding.md"} or {@code "README.md"}
     * @return the page's blocks, never {@code null}
     * @throws UncheckedIOException when the page cannot be read
     */
    public static GuideSnippets page(String page) {
        return page(repositoryRoot(), page);
    }

    /**
     * Reads a page of a repository.
     *
     * @param root the repository's root, against which the page and every path of a check are resolved
     * @param page the page's path from {@code root}
     * @return the page's blocks, never {@code null}
     * @throws UncheckedIOException when the page cannot be read
     */
    public static GuideSnippets page(Path root, String page) {
        List<String> lines = read(root.resolve(page));
        List<Block> blocks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Marker pending = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            Matcher marker = MARKER.matcher(line);
            Matcher fence = FENCE.matcher(line);
            if (marker.matches()) {
                if (pending != null) {
                    problems.add(pending.danglingProblem(page));
                }
                pending = new Marker(marker.group(1), marker.group(2).strip(), i + 1);
                if (pending.argument().isEmpty()) {
                    problems.add(page + ":" + pending.line() + ": the marker <!-- " + pending.kind()
                            + ": --> needs " + (pending.kind().equals("not compiled") ? "a reason" : "a file")
                            + " after the colon.");
                }
                i++;
            } else if (fence.matches()) {
                String closing = fence.group(1);
                int opening = i + 1;
                List<String> content = new ArrayList<>();
                i++;
                while (i < lines.size() && !lines.get(i).strip().equals(closing)) {
                    content.add(lines.get(i));
                    i++;
                }
                if (i == lines.size()) {
                    problems.add(page + ":" + opening + ": this code block is never closed with " + closing + ".");
                }
                i++;
                blocks.add(new Block(page, opening, fence.group(2), content, Optional.ofNullable(pending)));
                pending = null;
            } else {
                if (pending != null && !line.isEmpty()) {
                    problems.add(pending.danglingProblem(page));
                    pending = null;
                }
                i++;
            }
        }
        if (pending != null) {
            problems.add(pending.danglingProblem(page));
        }
        return new GuideSnippets(root, page, List.copyOf(blocks), problems);
    }

    /**
     * Finds the repository's root: the working directory or the nearest folder above it holding {@code mvnw} and
     * {@code docs/}. Maven runs a module's tests in the module's folder, an IDE often in the repository's root.
     *
     * @return the root, never {@code null}
     * @throws IllegalStateException when there is none
     */
    public static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No folder holding mvnw and docs/ at or above " + start
                + "; run the guide tests inside the Driftless repository.");
    }

    /**
     * Checks that every page of the guide that shows code is checked: {@code README.md} and each {@code docs/*.md}
     * with a {@code java} block or a block marked {@code <!-- excerpt of: file -->} must be read by a test, under some
     * module's {@code src/test/java}, that calls {@code GuideSnippets.page("that/page.md")}.
     *
     * @throws AssertionError naming every page no test reads
     */
    public static void assertEveryPageIsCheckedByATest() {
        assertEveryPageIsCheckedByATest(repositoryRoot());
    }

    /**
     * Checks, in a repository, what {@link #assertEveryPageIsCheckedByATest()} checks.
     *
     * @param root the repository's root
     * @throws AssertionError naming every page no test reads
     */
    public static void assertEveryPageIsCheckedByATest(Path root) {
        List<String> pages = new ArrayList<>();
        if (Files.isRegularFile(root.resolve("README.md"))) {
            pages.add("README.md");
        }
        List<String> tests = new ArrayList<>();
        try (Stream<Path> docs = Files.list(root.resolve("docs"));
             Stream<Path> modules = Files.list(root)) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted()
                    .forEach(f -> pages.add("docs/" + f.getFileName()));
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path sources = module.resolve("src/test/java");
                if (Files.isDirectory(sources)) {
                    try (Stream<Path> files = Files.walk(sources)) {
                        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                            tests.add(String.join("\n", read(file)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the guide or the test sources of " + root, e);
        }
        List<String> unchecked = new ArrayList<>();
        for (String page : pages) {
            boolean showsCode = page(root, page).blocks().stream().anyMatch(b -> b.language().equals("java")
                    || b.marker().filter(m -> m.kind().equals("excerpt of")).isPresent());
            Pattern call = Pattern.compile("GuideSnippets\\s*\\.\\s*page\\(\\s*\"" + Pattern.quote(page) + "\"");
            if (showsCode && tests.stream().noneMatch(source -> call.matcher(source).find())) {
                unchecked.add(page);
            }
        }
        if (!unchecked.isEmpty()) {
            throw new AssertionError("These pages show code that no test checks: " + String.join(", ", unchecked)
                    + ". Give each a test in the module whose code it shows that calls GuideSnippets.page(\"<page>\")"
                    + ".assertShowsOnlyCodeFrom(...).");
        }
    }

    /** @return the page's code blocks, in page order, never {@code null} */
    public List<Block> blocks() {
        return blocks;
    }

    /**
     * Checks every block of the page as the {@linkplain GuideSnippets class comment} says.
     *
     * @param javaSourceRoots the files and folders, from the repository's root, whose {@code .java} files a
     *     {@code java} block without a marker may be an excerpt of, e.g. the page's guide test, or
     *     {@code "seed-dsl/src/test/java"}
     * @throws AssertionError listing every problem, each with the page's line; also when the page checks no block
     *     at all, since a guide test that checks nothing cannot fail
     */
    public void assertShowsOnlyCodeFrom(String... javaSourceRoots) {
        List<String> found = new ArrayList<>(problems);
        List<Source> javaSources = null;
        int checked = 0;
        for (Block block : blocks) {
            Optional<Marker> marker = block.marker();
            if (marker.isPresent() && marker.get().kind().equals("not compiled")) {
                continue;
            }
            List<Source> candidates;
            String where;
            if (marker.isPresent()) {
                Path file = root.resolve(marker.get().argument());
                if (!Files.isRegularFile(file)) {
                    found.add(page + ":" + marker.get().line() + ": the block's marker names "
                            + marker.get().argument() + ", which is not a file of the repository.");
                    continue;
                }
                candidates = List.of(new Source(marker.get().argument(), stripped(read(file))));
                where = "of " + marker.get().argument();
            } else if (block.language().equals("java")) {
                if (javaSources == null) {
                    javaSources = javaSources(javaSourceRoots);
                }
                candidates = javaSources;
                where = "of any .java file under " + String.join(", ", javaSourceRoots);
            } else {
                continue;
            }
            checked++;
            excerptProblem(block, candidates, where).ifPresent(found::add);
        }
        if (checked == 0) {
            found.add(page + ": no code block is checked: the page shows no java block and no block marked"
                    + " <!-- excerpt of: file -->.");
        }
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + (found.size() == 1 ? " problem" : " problems") + " in " + page
                    + ", which may show only code the build compiles:\n" + String.join("\n", found)
                    + "\nThe code is the truth: make the page show its lines (a line \"// ...\" leaves lines out), or,"
                    + " where the page is right, change the test or example that holds them. Mark illustrative"
                    + " pseudo-code with <!-- not compiled: reason --> before its block.");
        }
    }

    private Optional<String> excerptProblem(Block block, List<Source> candidates, String where) {
        List<List<Numbered>> segments = block.segments();
        if (segments.isEmpty()) {
            return Optional.of(block.page() + ":" + block.line() + ": this " + block.describe()
                    + " block is empty or shows only left-out lines.");
        }
        Attempt best = null;
        for (Source source : candidates) {
            Attempt attempt = Attempt.of(source, segments);
            if (attempt.complete()) {
                return Optional.empty();
            }
            if (best == null || attempt.matched() > best.matched()) {
                best = attempt;
            }
        }
        StringBuilder problem = new StringBuilder(block.page() + ":" + block.line() + ": this " + block.describe()
                + " block is not an excerpt " + where + ".");
        if (best == null) {
            problem.append("\n  There is no such file.");
        } else if (best.matched() == 0 && best.codeLine() < 0) {
            problem.append("\n  No file has its first line, ").append(block.page()).append(':')
                    .append(best.pageLine().line()).append(": ").append(best.pageLine().text());
        } else {
            problem.append("\n  Closest: ").append(best.source().path()).append(", where ").append(best.matched())
                    .append(best.matched() == 1 ? " line" : " lines").append(" of the block match; then")
                    .append("\n    page ").append(block.page()).append(':').append(best.pageLine().line())
                    .append(": ").append(best.pageLine().text())
                    .append("\n    code ").append(best.source().path()).append(':').append(best.codeLine() + 1)
                    .append(": ").append(best.codeLine() < best.source().lines().size()
                            ? best.source().lines().get(best.codeLine()) : "(end of file)");
        }
        return Optional.of(problem.toString());
    }

    private List<Source> javaSources(String... roots) {
        List<Source> sources = new ArrayList<>();
        for (String folder : roots) {
            Path dir = root.resolve(folder);
            if (Files.isRegularFile(dir)) {
                sources.add(new Source(folder, stripped(read(dir))));
                continue;
            }
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(folder + " is neither a file nor a folder of the repository "
                        + root);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    sources.add(new Source(root.relativize(file).toString().replace('\\', '/'),
                            stripped(read(file))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        return sources;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    /**
     * {@code Block} is one fenced code block of a page.
     *
     * @param page the page, as given to {@link #page(String)}
     * @param line the line of its opening fence (from 1)
     * @param language the fence's language ({@code java}, {@code yaml}, ...), empty when none
     * @param lines its lines as written
     * @param marker the marker before it, if any
     */
    public record Block(String page, int line, String language, List<String> lines, Optional<Marker> marker) {

        /** @return whether the block is marked {@code <!-- not compiled: reason -->} */
        public boolean notCompiled() {
            return marker.filter(m -> m.kind().equals("not compiled")).isPresent();
        }

        private String describe() {
            return language.isEmpty() ? "code" : language;
        }

        /** The runs of consecutive lines between left-out lines, without blank lines at their ends. */
        private List<List<Numbered>> segments() {
            List<List<Numbered>> segments = new ArrayList<>();
            List<Numbered> current = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (ELISION.matcher(text).matches()) {
                    addTrimmed(segments, current);
                    current = new ArrayList<>();
                } else {
                    current.add(new Numbered(line + 1 + i, text));
                }
            }
            addTrimmed(segments, current);
            return segments;
        }

        private static void addTrimmed(List<List<Numbered>> segments, List<Numbered> segment) {
            int from = 0;
            int to = segment.size();
            while (from < to && segment.get(from).text().isEmpty()) {
                from++;
            }
            while (to > from && segment.get(to - 1).text().isEmpty()) {
                to--;
            }
            if (from < to) {
                segments.add(List.copyOf(segment.subList(from, to)));
            }
        }
    }

    /**
     * {@code Marker} is an HTML comment before a block that says how to check it.
     *
     * @param kind {@code not compiled} or {@code excerpt of}
     * @param argument the reason or the file
     * @param line the page's line holding it
     */
    public record Marker(String kind, String argument, int line) {

        private String danglingProblem(String page) {
            return page + ":" + line + ": the marker <!-- " + kind + ": " + argument
                    + " --> is not followed by a code block; put it on the line before the block's opening fence.";
        }
    }

    private record Numbered(int line, String text) {
    }

    private record Source(String path, List<String> lines) {
    }

    /**
     * How far a block got in one file: every segment placed at its earliest place after the previous one (which
     * finds a placement whenever there is one), else the longest start of the first segment that cannot be placed.
     */
    private record Attempt(Source source, boolean complete, int matched, Numbered pageLine, int codeLine) {

        static Attempt of(Source source, List<List<Numbered>> segments) {
            List<String> code = source.lines();
            int from = 0;
            int matched = 0;
            for (List<Numbered> segment : segments) {
                int at = indexOf(code, segment, from);
                if (at >= 0) {
                    from = at + segment.size();
                    matched += segment.size();
                    continue;
                }
                int bestStart = -1;
                int bestLength = 0;
                for (int start = from; start < code.size(); start++) {
                    int length = commonPrefix(code, start, segment);
                    if (length > bestLength) {
                        bestStart = start;
                        bestLength = length;
                    }
                }
                int codeLine = bestStart < 0 ? (matched == 0 ? -1 : from) : bestStart + bestLength;
                return new Attempt(source, false, matched + bestLength, segment.get(bestLength), codeLine);
            }
            return new Attempt(source, true, matched, null, -1);
        }

        private static int indexOf(List<String> code, List<Numbered> segment, int from) {
            for (int start = from; start + segment.size() <= code.size(); start++) {
                if (commonPrefix(code, start, segment) == segment.size()) {
                    return start;
                }
            }
            return -1;
        }

        private static int commonPrefix(List<String> code, int start, List<Numbered> segment) {
            int n = 0;
            while (n < segment.size() && start + n < code.size() && code.get(start + n).equals(segment.get(n).text())) {
                n++;
            }
            return n;
        }
    }
}
