package dev.driftless.internal.sql;

import dev.driftless.sql.ScriptException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ScriptParser} turns a script into {@link ParsedSteps}: it splits it with {@link ScriptLexer}, interpolates
 * psql variables, attaches COPY data to its statement, expands {@code \i}/{@code \ir}/{@code \include} (detecting
 * cycles), and checks every meta-command, so that a script with an unsupported one fails before anything runs.
 */
public final class ScriptParser {

    private final Variables variables;
    private final List<ScriptStep> steps = new ArrayList<>();
    private final List<ParsedStatement> statements = new ArrayList<>();
    private final Deque<Frame> includes = new ArrayDeque<>();
    private String marker;
    private String restrictKey;
    private boolean quit;
    /** The include chain of the source being parsed ("included from a.sql:3, ..."), {@code null} at the top. */
    private String chain;

    private record Frame(String identity, String name, int line) {
    }

    private ScriptParser(Map<String, String> variables) {
        this.variables = new Variables(variables);
    }

    /**
     * Parses a script.
     *
     * @param source the script
     * @param variables psql variables set before it runs (like {@code psql -v name=value})
     * @return its steps
     * @throws ScriptException naming the file and line of an unsupported meta-command, a missing or unreadable include,
     *     an include cycle, COPY data without a {@code COPY ... FROM STDIN}, or a comment, quote or dollar quote left
     *     open at the end of a file (with where it opened); problems in included files add the include chain
     */
    public static ParsedSteps parse(ScriptSource source, Map<String, String> variables) {
        ScriptParser parser = new ScriptParser(variables);
        parser.parseSource(source, null);
        return new ParsedSteps(parser.steps, parser.statements, Optional.ofNullable(parser.marker));
    }

    /**
     * Checks that no comment, quote, dollar quote or quoted identifier is left open at the end of a script (unless a
     * {@code \q} before it ends the script), without expanding includes or variables: what reading a migration chain
     * checks for every script, so that a broken one is refused before any migration runs.
     *
     * @param source the script
     * @throws ScriptException naming the file, line and column where the open construct starts
     */
    public static void checkTerminated(ScriptSource source) {
        String text = source.content();
        ScriptLexer.Result lexed = ScriptLexer.lex(text);
        if (lexed.unterminated().isEmpty()) {
            return;
        }
        for (Chunk chunk : lexed.chunks()) {
            if (chunk.kind() == Chunk.Kind.META && isQuit(metaName(text.substring(chunk.start(), chunk.end())))) {
                return;
            }
        }
        throw unterminated(source, new LineIndex(text), lexed.unterminated().get(), null);
    }

    private void parseSource(ScriptSource source, String includedFrom) {
        String text = source.content();
        LineIndex lines = new LineIndex(text);
        ScriptLexer.Result lexed = ScriptLexer.lex(text);
        List<Chunk> chunks = lexed.chunks();
        String outerChain = chain;
        chain = includedFrom;
        includes.push(new Frame(source.identity(), source.name(), 0));
        try {
            Chunk open = null; // an unterminated statement, which only a meta-command or the end can follow
            for (int k = 0; k < chunks.size() && !quit; k++) {
                Chunk chunk = chunks.get(k);
                switch (chunk.kind()) {
                    case GAP -> findMarkers(source, lines, chunk);
                    case STATEMENT -> {
                        ParsedStatement statement = statement(source, lines, chunk, includedFrom);
                        steps.add(statement);
                        statements.add(statement);
                        open = chunk.terminated() ? null : chunk;
                    }
                    case COPY_DATA -> copyData(source, lines, chunk);
                    case META -> {
                        meta(source, lines, chunk, open, includedFrom);
                        open = null;
                    }
                    default -> throw new IllegalStateException(chunk.kind().name());
                }
            }
            if (!quit && lexed.unterminated().isPresent()) {
                throw unterminated(source, lines, lexed.unterminated().get(), includedFrom);
            }
        } finally {
            includes.pop();
            chain = outerChain;
        }
    }

    /** Describes a construct left open at the end of a script, at the place where it opens. */
    private static ScriptException unterminated(ScriptSource source, LineIndex lines, ScriptLexer.Unterminated open,
            String includedFrom) {
        String text = lines.text();
        int end = text.length();
        while (end > open.offset() + 1 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String runs = " runs to the end of the script (line " + reportedLine(source, lines, end - 1)
                + ") and nothing after it would run.";
        String what = switch (open.construct()) {
            case BLOCK_COMMENT -> "unterminated /* comment: the comment that starts here is never closed, so it" + runs
                    + (open.nestedOffset() < 0 ? "" : " It holds a nested /* at line "
                            + reportedLine(source, lines, open.nestedOffset()) + ", column "
                            + lines.column(open.nestedOffset()) + ": block comments nest in PostgreSQL, so each /*"
                            + " needs a */ of its own.")
                    + " Close it with */.";
            case STRING -> "unterminated quoted string: the ' that starts here is never closed, so the string" + runs
                    + " End it with ' (a quote inside a string is written '').";
            case ESCAPE_STRING -> "unterminated quoted string: the " + text.substring(open.offset(), open.offset() + 2)
                    + " that starts here is never closed, so the string" + runs + " In an E'...' string a backslash"
                    + " escapes the next character, so \\' does not end it: write \\\\ for a backslash, and end the"
                    + " string with '.";
            case DOLLAR_QUOTE -> "unterminated dollar-quoted string: the " + open.tag() + " that starts here is never"
                    + " closed by another " + open.tag() + ", so the string" + runs + " Add the closing " + open.tag()
                    + " (the tags must match exactly, case included).";
            case QUOTED_IDENTIFIER -> "unterminated quoted identifier: the \" that starts here is never closed, so the"
                    + " name" + runs + " End it with \" (a quote inside a name is written \"\").";
        };
        return problem(source, lines, open.offset(), what, includedFrom);
    }

    private void findMarkers(ScriptSource source, LineIndex lines, Chunk chunk) {
        if (marker != null) {
            return;
        }
        String text = lines.text();
        int at = indexOf(text, "driftless:no-transaction", chunk.start(), chunk.end());
        if (at < 0) {
            int migrate = indexOf(text, "migrate:", chunk.start(), chunk.end());
            if (migrate >= 0) {
                int eol = text.indexOf('\n', migrate);
                int lineEnd = eol < 0 || eol > chunk.end() ? chunk.end() : eol;
                if (indexOf(text, "transaction:false", migrate, lineEnd) >= 0) {
                    at = migrate;
                }
            }
        }
        if (at >= 0) {
            int lineStart = text.lastIndexOf('\n', at) + 1;
            int eol = text.indexOf('\n', at);
            String comment = text.substring(lineStart, eol < 0 ? text.length() : eol).strip();
            marker = "'" + comment + "' (" + source.name() + ":" + (lines.line(at) + source.firstLine() - 1) + ")";
        }
    }

    /** Finds {@code what} within [from, to) only: gaps are small, the text may be huge. */
    private static int indexOf(String text, String what, int from, int to) {
        char first = what.charAt(0);
        for (int i = from; i + what.length() <= to; i++) {
            if (text.charAt(i) == first && text.startsWith(what, i)) {
                return i;
            }
        }
        return -1;
    }

    private ParsedStatement statement(ScriptSource source, LineIndex lines, Chunk chunk, String includedFrom) {
        String text = lines.text();
        int end = chunk.bodyEnd();
        while (end > chunk.start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int[] refs = chunk.variableRefs();
        // a COPY ... FROM STDIN at the very end of the text has no data chunk: it gets empty data
        int copyAt = chunk.copyFromStdin() ? chunk.end() : -1;
        if (refs == null || variables.isEmpty()) {
            return new ParsedStatement(source, lines, chunk.start(), end, null, null, null, null, copyAt, copyAt,
                    includedFrom);
        }
        Variables.Interpolated result = variables.interpolate(text, chunk.start(), end, refs);
        return new ParsedStatement(source, lines, chunk.start(), end, result.sql(), result.anchorSql(),
                result.anchorSource(), result.anchorFixed(), copyAt, copyAt, includedFrom);
    }

    private void copyData(ScriptSource source, LineIndex lines, Chunk chunk) {
        String text = lines.text();
        ParsedStatement copy = statements.get(statements.size() - 1);
        int nl = text.indexOf('\n', chunk.start());
        int dataStart = nl < 0 || nl >= chunk.end() ? chunk.end() : nl + 1;
        String rest = text.substring(chunk.start(), nl < 0 || nl >= chunk.end() ? chunk.end() : nl).strip();
        if (!rest.isEmpty() && !rest.startsWith("--")) {
            throw problem(source, lines, chunk.start(), "text after COPY ... FROM STDIN; on the same line: '" + rest
                    + "'. The data of a COPY starts on the next line; move this text to its own line after the \\.");
        }
        int dataEnd = chunk.end();
        int terminator = terminatorLine(text, dataStart, chunk.end());
        if (terminator >= 0) {
            dataEnd = terminator;
        }
        ParsedStatement withData = copy.withCopyData(dataStart, dataEnd);
        statements.set(statements.size() - 1, withData);
        steps.set(steps.lastIndexOf(copy), withData);
    }

    /** @return the offset of the {@code \.} line ending COPY data in [from, to), or -1 when the data ran to EOF */
    private static int terminatorLine(String text, int from, int to) {
        int end = to;
        if (end > from && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > from && text.charAt(end - 1) == '\r') {
            end--;
        }
        int lineStart = end - 2;
        if (lineStart >= from && text.charAt(lineStart) == '\\' && text.charAt(lineStart + 1) == '.'
                && (lineStart == from || text.charAt(lineStart - 1) == '\n')) {
            return lineStart;
        }
        return -1;
    }

    private void meta(ScriptSource source, LineIndex lines, Chunk chunk, Chunk previous, String includedFrom) {
        String text = lines.text();
        String line = text.substring(chunk.start(), chunk.end());
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        String command = metaName(line);
        String argText = line.substring(1 + command.length());
        String shown = "\\" + command;

        if (restrictKey != null && !command.equals("unrestrict")) {
            throw problem(source, lines, chunk.start(), shown + " after \\restrict: pg_dump's \\restrict forbids"
                    + " meta-commands until \\unrestrict " + restrictKey + ". The script was changed after pg_dump"
                    + " wrote it; remove this line or the \\restrict.");
        }
        boolean midStatement = previous != null;
        switch (command) {
            case "i", "include", "ir", "include_relative" -> {
                checkNotMidStatement(source, lines, chunk, previous, midStatement, shown);
                List<String> args = arguments(source, lines, chunk, argText);
                if (args.size() != 1) {
                    throw problem(source, lines, chunk.start(), shown + " needs exactly one file name, found "
                            + args.size() + ".");
                }
                include(source, lines, chunk, shown, args.get(0), command.startsWith("ir")
                        || command.equals("include_relative"), includedFrom);
            }
            case "set" -> {
                checkNotMidStatement(source, lines, chunk, previous, midStatement, shown);
                List<String> args = arguments(source, lines, chunk, argText);
                if (!args.isEmpty()) {
                    String name = args.get(0);
                    variables.set(name, String.join("", args.subList(1, args.size())));
                }
            }
            case "unset" -> {
                checkNotMidStatement(source, lines, chunk, previous, midStatement, shown);
                arguments(source, lines, chunk, argText).forEach(variables::unset);
            }
            case "echo", "qecho", "warn" -> {
                checkNotMidStatement(source, lines, chunk, previous, midStatement, shown);
                List<String> args = new ArrayList<>(arguments(source, lines, chunk, argText));
                if (!args.isEmpty() && args.get(0).equals("-n")) {
                    args.remove(0);
                }
                steps.add(new MetaAction(command.equals("warn") ? MetaAction.Kind.WARN : MetaAction.Kind.ECHO,
                        String.join(" ", args), source.name(), reportedLine(source, lines, chunk.start()), line));
            }
            case "restrict" -> {
                List<String> args = arguments(source, lines, chunk, argText);
                if (args.size() != 1) {
                    throw problem(source, lines, chunk.start(), "\\restrict needs exactly one key, found "
                            + args.size() + ".");
                }
                restrictKey = args.get(0);
            }
            case "unrestrict" -> {
                List<String> args = arguments(source, lines, chunk, argText);
                if (restrictKey == null) {
                    throw problem(source, lines, chunk.start(), "\\unrestrict without \\restrict before it.");
                }
                if (args.size() != 1 || !args.get(0).equals(restrictKey)) {
                    throw problem(source, lines, chunk.start(), "\\unrestrict " + String.join(" ", args)
                            + " does not match the key of \\restrict " + restrictKey + ".");
                }
                restrictKey = null;
            }
            case "c", "connect" -> {
                checkNotMidStatement(source, lines, chunk, previous, midStatement, shown);
                steps.add(new MetaAction(MetaAction.Kind.CONNECT, connectTarget(source, lines, chunk, argText),
                        source.name(), reportedLine(source, lines, chunk.start()), line));
            }
            case "q", "quit" -> quit = true; // isQuit says the same
            case "." -> throw problem(source, lines, chunk.start(), "\\. without a COPY ... FROM STDIN before it."
                    + " A \\. line ends COPY data; check that the COPY statement above ends with ; and reads FROM"
                    + " stdin.");
            case "!" -> throw problem(source, lines, chunk.start(), "\\! runs a shell command, which needs the psql"
                    + " client itself; Driftless runs scripts without psql. Run that command outside the script.");
            case "copy" -> throw problem(source, lines, chunk.start(), "\\copy reads or writes files or programs on"
                    + " the client, which needs the psql client itself; Driftless runs scripts without psql. Use COPY"
                    + " ... FROM STDIN with the data inline (as pg_dump writes it), or a server-side COPY.");
            default -> {
                if (command.equals("setenv") || command.equals("cd") || command.equals("o") || command.equals("out")
                        || command.equals("w") || command.equals("write") || command.equals("gexec")) {
                    throw problem(source, lines, chunk.start(), shown + " needs the psql client itself; Driftless"
                            + " runs scripts without psql. Remove it from the script.");
                }
                if (command.equalsIgnoreCase("set") || command.isEmpty()) {
                    throw problem(source, lines, chunk.start(), "a lone backslash; psql would read a meta-command"
                            + " here.");
                }
                throw problem(source, lines, chunk.start(), "unsupported psql meta-command " + shown + ". Driftless"
                        + " supports \\i, \\ir, \\include, \\set, \\unset, \\echo, \\qecho, \\warn, \\restrict,"
                        + " \\unrestrict, \\connect (to the same database) and \\q; remove the line or replace it"
                        + " with SQL.");
            }
        }
    }

    /** @return the name of the meta-command on a line starting with a backslash, e.g. {@code i} for {@code \\i a.sql} */
    private static String metaName(String line) {
        int nameEnd = 1;
        while (nameEnd < line.length() && !Character.isWhitespace(line.charAt(nameEnd))
                && (nameEnd == 1 || line.charAt(nameEnd) != '\\')) {
            nameEnd++;
        }
        return line.substring(1, nameEnd);
    }

    private static boolean isQuit(String command) {
        return command.equals("q") || command.equals("quit");
    }

    private void checkNotMidStatement(ScriptSource source, LineIndex lines, Chunk chunk, Chunk previous,
            boolean midStatement, String shown) {
        if (midStatement) {
            throw problem(source, lines, chunk.start(), shown + " in the middle of the statement that starts at line "
                    + reportedLine(source, lines, previous.start()) + "; Driftless runs meta-commands only between"
                    + " statements. End that statement with ; before this line.");
        }
    }

    private String connectTarget(ScriptSource source, LineIndex lines, Chunk chunk, String argText) {
        List<String> args = new ArrayList<>(arguments(source, lines, chunk, argText));
        args.removeIf(a -> a.startsWith("-") && !a.equals("-"));
        if (args.isEmpty() || args.get(0).equals("-")) {
            return "";
        }
        String target = args.get(0);
        if (target.contains("=")) {
            for (String part : target.trim().split("\\s+")) {
                if (part.startsWith("dbname=")) {
                    String db = part.substring("dbname=".length());
                    return db.length() >= 2 && db.startsWith("'") && db.endsWith("'")
                            ? db.substring(1, db.length() - 1).replace("\\'", "'") : db;
                }
            }
            return "";
        }
        if (target.length() >= 2 && target.startsWith("\"") && target.endsWith("\"")) {
            return target.substring(1, target.length() - 1).replace("\"\"", "\"");
        }
        return target;
    }

    private void include(ScriptSource source, LineIndex lines, Chunk chunk, String shown, String path,
            boolean relative, String includedFrom) {
        List<String> tried = new ArrayList<>();
        int line = reportedLine(source, lines, chunk.start());
        String from = "included from " + source.name() + ":" + line + (includedFrom == null ? "" : ", "
                + includedFrom);
        Optional<ScriptSource> found;
        try {
            found = source.include(path, relative, tried);
        } catch (ScriptException unreadable) {
            // the included file's own problem (not UTF-8, not a regular file, ...), then how the script got there
            throw new ScriptException((unreadable.getMessage() + "\n" + includeLine(from)).stripTrailing(),
                    unreadable.scriptName(), unreadable.line(), unreadable.column(), null, unreadable);
        }
        ScriptSource included = found.orElseThrow(() -> problem(source, lines, chunk.start(), shown + " " + path
                + ": no such file. Looked at: " + String.join(", ", tried) + "."));
        String identity = included.identity();
        List<Frame> chain = new ArrayList<>(includes);
        java.util.Collections.reverse(chain);
        boolean cycle = chain.stream().anyMatch(f -> f.identity().equals(identity));
        if (cycle) {
            StringBuilder path0 = new StringBuilder();
            int startAt = 0;
            while (!chain.get(startAt).identity().equals(identity)) {
                startAt++;
            }
            List<Frame> frames = new ArrayList<>(chain.subList(startAt, chain.size()));
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                int atLine = i + 1 < frames.size() ? f.line() : line;
                path0.append(f.name()).append(':').append(atLine).append(" -> ");
            }
            path0.append(included.name());
            // the message shows the whole chain already
            throw problem(source, lines, chunk.start(), shown + " " + path + " makes an include cycle: " + path0
                    + ". Remove one of these includes.", null);
        }
        Frame top = includes.pop();
        includes.push(new Frame(top.identity(), top.name(), line));
        parseSource(included, from);
    }

    private List<String> arguments(ScriptSource source, LineIndex lines, Chunk chunk, String argText) {
        try {
            return MetaArguments.split(argText, variables);
        } catch (MetaArguments.ShellCommandException e) {
            throw problem(source, lines, chunk.start(), "backquotes run a shell command, which needs the psql client"
                    + " itself; Driftless runs scripts without psql. Set the value directly.");
        }
    }

    private static int reportedLine(ScriptSource source, LineIndex lines, int offset) {
        return lines.line(offset) + source.firstLine() - 1;
    }

    private ScriptException problem(ScriptSource source, LineIndex lines, int offset, String what) {
        return problem(source, lines, offset, what, chain);
    }

    private static ScriptException problem(ScriptSource source, LineIndex lines, int offset, String what,
            String includedFrom) {
        int local = lines.line(offset);
        int line = local + source.firstLine() - 1;
        int column = lines.column(offset);
        String message = source.name() + ":" + line + ":" + column + " " + what + "\n"
                + Snippet.render(lines, source.firstLine() - 1, local, local, local, column)
                + (includedFrom == null ? "" : includeLine(includedFrom));
        return new ScriptException(message.stripTrailing(), source.name(), line, column, null, null);
    }

    /**
     * @param includedFrom an include chain, e.g. {@code included from a.sql:3, included from main.sql:1}
     * @return the line that closes a message about a problem in an included file, with its line break
     */
    static String includeLine(String includedFrom) {
        return "(" + includedFrom + ")\n";
    }
}
