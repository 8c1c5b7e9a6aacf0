package dev.driftless.internal.sql;

import dev.driftless.sql.ScriptException;
import dev.driftless.sql.SqlScript;
import dev.driftless.sql.Statement;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Property tests with seeded generators (the seed is in each test's name, so a failure can be replayed): the splitter
 * never loses or repeats a character and never throws on arbitrary text; parsing arbitrary text fails only on a
 * construct left open (pointing at its opening character), text with every construct closed always parses, and
 * generated scripts split back into the statements they were built from.
 */
class ScriptLexerPropertyTest {

    private static final int RUNS = 300;
    private static final long BASE_SEED = 20260101L;

    /** Fragments that stress every state of the lexer, mixed with random characters. */
    private static final String[] FRAGMENTS = {
        ";", "'", "''", "E'", "e'", "\\", "\\'", "\"", "\"\"", "$", "$$", "$a$", "$b$", "$1", "a$b", "--", "/*", "*/",
        "\n", "\r\n", "\r", " ", "\t", "(", ")", "BEGIN", "ATOMIC", "END", "CASE", "CREATE", "FUNCTION", "OR",
        "REPLACE", "PROCEDURE", "COPY", "FROM", "STDIN", "stdin", "\\.", "\n\\.\n", ":", "::", ":x", ":'x'", ":\"x\"",
        "SELECT 1", "x", "é", "𝄞", "\uFEFF", "\uD800", "0", "1.5", "U&", "&",
    };

    @TestFactory
    Stream<DynamicTest> chunksReassembleToTheInputAndNeverThrow() {
        return IntStream.range(0, RUNS).mapToObj(run -> {
            long seed = BASE_SEED + run;
            return DynamicTest.dynamicTest("seed " + seed, () -> {
                String text = randomText(new Random(seed));
                List<Chunk> chunks = ScriptLexer.split(text);
                StringBuilder rebuilt = new StringBuilder();
                int expectedStart = 0;
                for (Chunk chunk : chunks) {
                    assertThat(chunk.start()).as("chunk %s starts where the previous ended", chunk)
                            .isEqualTo(expectedStart);
                    assertThat(chunk.end()).as("chunk %s is not empty", chunk).isGreaterThan(chunk.start());
                    assertThat(chunk.bodyEnd()).isBetween(chunk.start(), chunk.end());
                    rebuilt.append(text, chunk.start(), chunk.end());
                    expectedStart = chunk.end();
                }
                assertThat(rebuilt.toString()).isEqualTo(text);
            });
        });
    }

    /**
     * Arbitrary text (without backslashes, which start meta-commands, and without NUL, which no script may hold) parses,
     * or fails only because a comment, quote, dollar quote or quoted identifier is left open at its end, and then the
     * message points at the character that opens it.
     */
    @TestFactory
    Stream<DynamicTest> parsingArbitraryTextFailsOnlyOnAConstructLeftOpen() {
        return IntStream.range(0, RUNS).mapToObj(run -> {
            long seed = BASE_SEED + 10_000 + run;
            return DynamicTest.dynamicTest("seed " + seed, () -> {
                String text = randomText(new Random(seed)).replace('\\', '/').replace('\0', ' ');
                Throwable thrown = catchThrowable(() -> SqlScript.of("fuzz.sql", text).parse());
                if (thrown == null) {
                    return;
                }
                assertThat(thrown).isInstanceOf(ScriptException.class).hasMessageStartingWith("fuzz.sql:")
                        .hasMessageContaining(" unterminated ");
                ScriptException e = (ScriptException) thrown;
                LineIndex lines = new LineIndex(text.startsWith("\uFEFF") ? text.substring(1) : text);
                String line = lines.lineText(e.line());
                String opener = line.substring(line.offsetByCodePoints(0, e.column() - 1));
                assertThat(opener).as("where %s points", e.getMessage()).matches("(?s)(/\\*|'|\"|\\$|[Ee]').*");
            });
        });
    }

    /** Text whose every quote, dollar quote, quoted identifier and comment is closed always parses. */
    @TestFactory
    Stream<DynamicTest> parsingTextWithEveryConstructClosedNeverThrows() {
        return IntStream.range(0, RUNS).mapToObj(run -> {
            long seed = BASE_SEED + 30_000 + run;
            return DynamicTest.dynamicTest("seed " + seed, () -> {
                String text = closedText(new Random(seed));
                assertThatCode(() -> SqlScript.of("fuzz.sql", text).parse()).as("script:%n%s", text)
                        .doesNotThrowAnyException();
            });
        });
    }

    /** Characters that open (or, outside, could close) a construct; the closed-text generator puts them itself. */
    private static final String OPENERS = "'\"$/*-\\\0";

    private static String closedText(Random random) {
        int parts = random.nextInt(60);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(10)) {
                case 0 -> text.append('\'').append(inside(random, "'\\")).append('\'');
                case 1 -> text.append("E'").append(inside(random, "'\\")).append('\'');
                case 2 -> text.append('"').append(inside(random, "\"")).append('"');
                case 3 -> text.append(" $q$").append(inside(random, "$")).append("$q$"); // a space: a$q$ is a name
                case 4 -> text.append("/*").append(inside(random, "/*")).append("*/");
                case 5 -> text.append("--").append(inside(random, "\n")).append('\n');
                default -> text.append(inside(random, OPENERS));
            }
        }
        return text.toString();
    }

    /** Random fragments and characters, none of them in {@code excluded} (nor NUL or a backslash). */
    private static String inside(Random random, String excluded) {
        String banned = excluded + "\\\0";
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(6);
        while (text.length() < parts) {
            String piece = random.nextInt(4) == 0 ? String.valueOf((char) random.nextInt(0x3000))
                    : FRAGMENTS[random.nextInt(FRAGMENTS.length)];
            if (piece.chars().noneMatch(c -> banned.indexOf(c) >= 0)) {
                text.append(piece);
            }
        }
        return text.toString();
    }

    private static String randomText(Random random) {
        int parts = random.nextInt(60);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(4) == 0) {
                text.append((char) random.nextInt(0x3000));
            } else {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return text.toString();
    }

    /** Statements built from pieces whose splitting is known, joined by random whitespace and comments. */
    private static final String[] PIECES = {
        "SELECT 1", "'a;b'", "'it''s;'", "E'x\\';y'", "E'\\\\'", "$$;$$", "$tag$ $$ ; $x$ $tag$", "\"q;\"\"\"",
        "/* ; /* ; */ ; */", "(1; 2)", "x::int", "$1", "a$b", "'C:\\'", "-- ;\n", "U&'\\0041;'", "é𝄞",
    };

    private static final String[] SEPARATORS = {"", " ", "\n", "\r\n", "\n\n", "-- c; 'x\n", "/* ; */", ";", " ;\n"};

    @TestFactory
    Stream<DynamicTest> generatedScriptsSplitIntoTheirStatements() {
        return IntStream.range(0, RUNS).mapToObj(run -> {
            long seed = BASE_SEED + 20_000 + run;
            return DynamicTest.dynamicTest("seed " + seed, () -> {
                Random random = new Random(seed);
                List<String> expected = new ArrayList<>();
                List<Integer> expectedLines = new ArrayList<>();
                StringBuilder script = new StringBuilder();
                int statements = 1 + random.nextInt(8);
                for (int s = 0; s < statements; s++) {
                    script.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
                    if (s > 0) {
                        script.append('\n');
                    }
                    StringBuilder statement = new StringBuilder("SELECT");
                    int pieces = 1 + random.nextInt(5);
                    for (int p = 0; p < pieces; p++) {
                        statement.append(' ').append(PIECES[random.nextInt(PIECES.length)]);
                    }
                    if (statement.charAt(statement.length() - 1) == '\n') {
                        statement.append("1");
                    }
                    expectedLines.add((int) script.chars().filter(c -> c == '\n').count() + 1);
                    expected.add(statement.toString());
                    script.append(statement).append(';');
                }
                List<Statement> parsed = SqlScript.of("gen.sql", script.toString()).parse().statements();
                assertThat(parsed).extracting(Statement::sql).as("script:%n%s", script).isEqualTo(expected);
                assertThat(parsed).extracting(Statement::line).isEqualTo(expectedLines);
            });
        });
    }
}
