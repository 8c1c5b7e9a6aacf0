package dev.driftless.cli.internal;

import dev.driftless.Printable;
import picocli.CommandLine.Help.Ansi;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code Console} is where the CLI writes: results to standard output, progress to standard error, colour only when
 * standard output is a terminal (and {@code NO_COLOR} is not set).
 *
 * <p>Once {@link #install()} has run, nothing written to standard output or standard error — results, progress,
 * error messages, picocli's usage, log lines — reaches the terminal with a raw control character: file names,
 * fixture values, object names and server messages may hold any, and a terminal would act on them (clear the screen,
 * set the title, move the cursor). They are written visibly instead, as {@code \x1B} or <code>&#92;u009B</code>,
 * the same notation as the reports. Line feeds, tabs and CR LF line ends pass, and so do the colour sequences
 * ({@code ESC [ ... m}) while colour is on.
 */
public final class Console {

    private static final boolean COLOUR = System.getenv("NO_COLOR") == null && Ansi.AUTO.enabled();
    private static boolean installed;

    private Console() {
    }

    /**
     * Replaces standard output and standard error with streams that write control characters visibly, keeping their
     * encodings. Called once, first thing, by the {@code driftless} command; later calls do nothing.
     */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(escaping(System.out, encoding("stdout")));
        System.setErr(escaping(System.err, encoding("stderr")));
    }

    /**
     * Wraps a stream so that the text written through it shows control characters visibly; see {@link Console}.
     *
     * @param target where the text goes
     * @param charset the encoding the text is written in
     * @return a stream that writes to {@code target}, flushing on every line
     */
    static PrintStream escaping(OutputStream target, Charset charset) {
        return new PrintStream(new Escaping(target, charset.equals(StandardCharsets.UTF_8), COLOUR), true, charset);
    }

    /** The encoding the JVM chose for a standard stream: {@code stdout.encoding} (Java 18+), else as Java 17 does. */
    private static Charset encoding(String stream) {
        String name = System.getProperty(stream + ".encoding", System.getProperty("sun." + stream + ".encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * Configures slf4j-simple before the first logger exists: Driftless' own progress (migrations applied, server
     * chosen) on standard error without timestamps or thread names; libraries only when they warn.
     *
     * @param args the command line; {@code --quiet} keeps only warnings, {@code --verbose} shows everything
     */
    public static void configureLogging(String[] args) {
        boolean quiet = Arrays.asList(args).contains("--quiet") || Arrays.asList(args).contains("-q");
        boolean verbose = Arrays.asList(args).contains("--verbose");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.dev.driftless", quiet ? "warn" : verbose ? "debug" : "info");
        // Each migration's line is the progress of `migrate`; verify and diff print one line per step themselves.
        // --verbose adds the files a chain's layout leaves out, logged at debug.
        boolean migrate = args.length > 0 && args[0].equals("migrate");
        setIfAbsent("org.slf4j.simpleLogger.log.dev.driftless.migration", quiet ? "warn" : verbose ? "debug"
                : migrate ? "info" : "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** @return standard output, for results */
    public static PrintStream out() {
        return System.out;
    }

    /**
     * Writes a progress line to standard error.
     *
     * @param line the line
     */
    public static void progress(String line) {
        System.err.println(line);
    }

    /**
     * Colours a word for standard output when it is a terminal.
     *
     * @param style a picocli style: {@code green}, {@code red}, {@code yellow}, {@code bold}
     * @param text the text
     * @return the text, coloured or as is
     */
    public static String colour(String style, String text) {
        return COLOUR ? Ansi.ON.string("@|" + style + " " + text.replace("|@", "| @") + "|@") : text;
    }

    /**
     * {@code Escaping} rewrites the bytes of encoded text: C0 controls and DEL (and, in UTF-8, the two-byte C1
     * controls) become their visible form; a line feed, a tab and CR LF pass; so does an {@code ESC [ digits ; m}
     * colour sequence when colours are allowed. State carries over between writes, so a sequence split by buffering
     * is still recognised.
     */
    static final class Escaping extends FilterOutputStream {

        private static final int MAX_SEQUENCE = 32;

        private final boolean utf8;
        private final boolean colours;
        private final ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        private boolean carriageReturn;
        private boolean leadByte;

        Escaping(OutputStream target, boolean utf8, boolean colours) {
            super(target);
            this.utf8 = utf8;
            this.colours = colours;
        }

        @Override
        public void write(int value) throws IOException {
            int b = value & 0xFF;
            if (sequence.size() > 0) {
                if (sequence.size() == 1 ? b == '[' : (b >= '0' && b <= '9' || b == ';')
                        && sequence.size() < MAX_SEQUENCE) {
                    sequence.write(b);
                    return;
                }
                if (b == 'm' && sequence.size() >= 2) {
                    sequence.write(b);
                    sequence.writeTo(out);
                    sequence.reset();
                    return;
                }
                endSequence();
            }
            if (carriageReturn) {
                carriageReturn = false;
                if (b == '\n') {
                    out.write('\r');
                    out.write('\n');
                    return;
                }
                writeVisible('\r');
            }
            if (leadByte) {
                leadByte = false;
                if (b >= 0x80 && b <= 0x9F) {
                    writeVisible(b); // U+0080..U+009F, encoded C2 80..C2 9F
                    return;
                }
                out.write(0xC2);
            }
            if (b == '\n' || b == '\t') {
                out.write(b);
            } else if (b == '\r') {
                carriageReturn = true;
            } else if (b == 0x1B && colours) {
                sequence.write(b);
            } else if (b < 0x20 || b == 0x7F) {
                writeVisible(b);
            } else if (b == 0xC2 && utf8) {
                leadByte = true;
            } else {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int end = offset + length;
            int i = offset;
            while (i < end) {
                if (sequence.size() > 0 || carriageReturn || leadByte || !plain(bytes[i] & 0xFF)) {
                    write(bytes[i++]);
                    continue;
                }
                int start = i;
                while (i < end && plain(bytes[i] & 0xFF)) {
                    i++;
                }
                out.write(bytes, start, i - start);
            }
        }

        /** @return whether a byte passes as it is whatever comes before or after it */
        private boolean plain(int b) {
            return b >= 0x20 && b != 0x7F && !(b == 0xC2 && utf8) || b == '\n' || b == '\t';
        }

        @Override
        public void close() throws IOException {
            if (sequence.size() > 0) {
                endSequence();
            }
            if (carriageReturn) {
                writeVisible('\r');
            }
            if (leadByte) {
                out.write(0xC2);
            }
            carriageReturn = false;
            leadByte = false;
            super.close();
        }

        /** Writes a started sequence that turned out not to be a colour: its ESC visible, the rest as it is. */
        private void endSequence() throws IOException {
            byte[] bytes = sequence.toByteArray();
            sequence.reset();
            writeVisible(0x1B);
            out.write(bytes, 1, bytes.length - 1);
        }

        private void writeVisible(int c) throws IOException {
            out.write(Printable.escape(c).getBytes(StandardCharsets.US_ASCII));
        }
    }
}
