package dev.driftless.testing;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.server.ServerConfig;
import dev.driftless.template.Template;
import dev.driftless.template.TemplateKey;
import dev.driftless.template.Templates;

import java.sql.Connection;
import java.sql.Statement;

/**
 * The child JVM of the crash and sharing tests: starts or joins a server, does one thing, says so on standard output,
 * and then either exits or waits to be killed (or for its standard input to end).
 *
 * <ul>
 *   <li>{@code embedded}: starts a throw-away embedded server; prints {@code READY port=P}; waits.</li>
 *   <li>{@code reuse-build}: joins the reused embedded server and builds a template whose initializer never ends;
 *   prints {@code DATABASES=...}, {@code PORT=P} and {@code BUILDING}; waits.</li>
 *   <li>{@code reuse-run HOLD_MILLIS}: joins the reused embedded server, gets a template (printing
 *   {@code INITIALIZED} if it built it) and a copy; prints {@code DATABASES=...} and {@code PORT=P}; stays
 *   {@code HOLD_MILLIS}; exits.</li>
 *   <li>{@code external URL USER PASSWORD CONTENT}: connects to an external server, gets the template for
 *   {@code CONTENT} and two copies; prints {@code READY template=NAME}; waits until its standard input ends, then
 *   exits normally (closing the server as the JVM ends).</li>
 *   <li>{@code external-build URL USER PASSWORD}: connects to an external server and builds a template whose
 *   initializer never ends; prints {@code BUILDING}; waits.</li>
 * </ul>
 */
public final class FaultChildMain {

    private FaultChildMain() {
    }

    /**
     * @param args the mode and its arguments, see the class comment
     * @throws Exception when the mode fails: the parent sees the stack trace and the exit code
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "embedded": {
                PostgresServer server = PostgresServer.shared(ServerConfig.embedded());
                say("READY port=" + server.port());
                waitForever();
                break;
            }
            case "reuse-build": {
                PostgresServer server = PostgresServer.shared(ServerConfig.embedded().withReuse(true));
                say("DATABASES=" + server.driftlessDatabases());
                say("PORT=" + server.port());
                Templates.of(server).get(TemplateKey.of("fault: never finishes " + System.nanoTime()), db -> {
                    try (Connection c = db.connect(); Statement st = c.createStatement()) {
                        st.execute("CREATE TABLE half_built (id int)");
                    }
                    say("BUILDING");
                    waitForever();
                });
                break;
            }
            case "reuse-run": {
                PostgresServer server = PostgresServer.shared(ServerConfig.embedded().withReuse(true));
                say("DATABASES=" + server.driftlessDatabases());
                Template template = Templates.of(server).get(TemplateKey.of("fault: reuse"), db -> say("INITIALIZED"));
                Database copy = template.newDatabase();
                try (Connection c = copy.connect()) {
                    say("PORT=" + server.port());
                }
                Thread.sleep(Long.parseLong(args[1]));
                break;
            }
            case "external": {
                PostgresServer server = PostgresServer.shared(ServerConfig.external(args[1], args[2], args[3]));
                Template template = Templates.of(server).get(TemplateKey.of(args[4]), db -> {
                    try (Connection c = db.connect(); Statement st = c.createStatement()) {
                        st.execute("CREATE TABLE made_by_child (id int)");
                    }
                });
                template.newDatabase();
                template.newDatabase();
                say("READY template=" + template.databaseName());
                while (System.in.read() >= 0) {
                    // Wait for the parent to close the input.
                }
                break;
            }
            case "external-build": {
                PostgresServer server = PostgresServer.shared(ServerConfig.external(args[1], args[2], args[3]));
                Templates.of(server).get(TemplateKey.of("fault: external build " + System.nanoTime()), db -> {
                    say("BUILDING");
                    waitForever();
                });
                break;
            }
            default:
                throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void waitForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
