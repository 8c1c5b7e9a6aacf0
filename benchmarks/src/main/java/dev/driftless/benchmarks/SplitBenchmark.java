package dev.driftless.benchmarks;

import dev.driftless.sql.ParsedScript;
import dev.driftless.sql.SqlScript;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * {@code SplitBenchmark} measures how fast {@link SqlScript#parse()} splits a pg_dump-style script (DDL, functions with
 * dollar quotes, COPY blocks, INSERTs, comments): the median of several runs after warm-up, in MB/s, against the
 * target of 50 MB/s and against a naive {@code String.split(";")} (wrong on such scripts, but a floor for the cost of
 * touching every character), measured in the same run.
 *
 * <p>Arguments (all optional): {@code --size-mb 10 --warmup 5 --runs 11}.
 */
public final class SplitBenchmark {

    private static final double TARGET_MB_PER_S = 50;

    private SplitBenchmark() {
    }

    /**
     * Runs the benchmark and prints the figures.
     *
     * @param args {@code --size-mb N}, {@code --warmup N}, {@code --runs N}
     */
    public static void main(String[] args) {
        int sizeMb = intArg(args, "--size-mb", 10);
        int warmup = intArg(args, "--warmup", 5);
        int runs = intArg(args, "--runs", 11);

        String script = generate(sizeMb * 1024L * 1024L, new Random(42));
        double megabytes = script.getBytes(StandardCharsets.UTF_8).length / (1024.0 * 1024.0);
        SqlScript sqlScript = SqlScript.of("bench.sql", script);
        ParsedScript parsed = sqlScript.parse();
        int statements = parsed.statements().size();
        long copyBlocks = parsed.statements().stream().filter(s -> s.copyData().isPresent()).count();
        System.out.printf(Locale.ROOT, "script: %.1f MB, %d statements (%d COPY blocks)%n", megabytes, statements,
                copyBlocks);

        Pattern semicolon = Pattern.compile(";");
        long[] parse = new long[runs];
        long[] naive = new long[runs];
        int sink = 0;
        for (int i = 0; i < warmup + runs; i++) {
            long t0 = System.nanoTime();
            sink += sqlScript.parse().statements().size();
            long t1 = System.nanoTime();
            sink += semicolon.split(script).length;
            long t2 = System.nanoTime();
            if (i >= warmup) {
                parse[i - warmup] = t1 - t0;
                naive[i - warmup] = t2 - t1;
            }
        }
        double parseMs = median(parse) / 1e6;
        double naiveMs = median(naive) / 1e6;
        double parseRate = megabytes / (parseMs / 1000);
        double naiveRate = megabytes / (naiveMs / 1000);
        System.out.printf(Locale.ROOT, "SqlScript.parse():        median %.1f ms = %.0f MB/s (target >= %.0f MB/s: %s)%n",
                parseMs, parseRate, TARGET_MB_PER_S, parseRate >= TARGET_MB_PER_S ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "naive String.split(\";\"): median %.1f ms = %.0f MB/s (wrong result,"
                + " reference only)%n", naiveMs, naiveRate);
        System.out.printf(Locale.ROOT, "ratio parse / naive time: %.2f (%d warm-up + %d measured runs; sink %d)%n",
                parseMs / naiveMs, warmup, runs, sink);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** Writes a pg_dump-like script of about {@code bytes} bytes. */
    static String generate(long bytes, Random random) {
        StringBuilder sql = new StringBuilder((int) (bytes + 64 * 1024));
        sql.append("--\n-- PostgreSQL database dump\n--\n\n\\restrict BenchKey123\n\n")
                .append("SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\n")
                .append("SET standard_conforming_strings = on;\n")
                .append("SELECT pg_catalog.set_config('search_path', '', false);\n\n");
        int n = 0;
        while (sql.length() < bytes) {
            n++;
            sql.append("--\n-- Name: t").append(n).append("; Type: TABLE; Schema: public; Owner: app\n--\n\n");
            sql.append("CREATE TABLE public.t").append(n).append(" (\n    id bigint NOT NULL,\n")
                    .append("    name text DEFAULT 'it''s; fine'::text,\n    \"Quoted;Col\" integer,\n")
                    .append("    created timestamp with time zone DEFAULT now()\n);\n\n");
            sql.append("COMMENT ON TABLE public.t").append(n).append(" IS E'Table \\'").append(n)
                    .append("\\'; with /* no comment */ inside';\n\n");
            sql.append("CREATE FUNCTION public.f").append(n).append("(a integer) RETURNS integer\n")
                    .append("    LANGUAGE plpgsql\n    AS $_$\nDECLARE\n    s text := 'x;y';\nBEGIN\n")
                    .append("    -- a comment; with 'quotes'\n    EXECUTE $q$SELECT 1; $q$;\n")
                    .append("    RETURN a + $1;\nEND\n$_$;\n\n");
            sql.append("/* block /* nested */ comment */\nCREATE INDEX t").append(n).append("_name ON public.t")
                    .append(n).append(" USING btree (name);\n\n");
            sql.append("COPY public.t").append(n).append(" (id, name, \"Quoted;Col\", created) FROM stdin;\n");
            int rows = 50 + random.nextInt(100);
            for (int r = 0; r < rows; r++) {
                sql.append(r).append('\t').append("name ").append(random.nextInt(100000))
                        .append(r % 7 == 0 ? "\\ttab;semi" : "").append('\t')
                        .append(r % 5 == 0 ? "\\N" : String.valueOf(random.nextInt(1000)))
                        .append("\t2024-01-01 00:00:00+00\n");
            }
            sql.append("\\.\n\n\n");
            sql.append("INSERT INTO public.t").append(n).append(" VALUES (").append(n)
                    .append(", 'O''Brien; $$ not a quote', 3, '2024-01-01');\n\n");
        }
        sql.append("\\unrestrict BenchKey123\n");
        return sql.toString();
    }
}
