package dev.driftless.internal.server;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code OwnershipMarker} is what Driftless writes into {@code COMMENT ON DATABASE} of every database it creates, and
 * the only thing by which it recognises one as its own:
 *
 * <pre>driftless:2 kind=database run=k3j... scope=9f2c... setup=- persistent=false mac=5d1e... -- made by Driftless; safe to drop</pre>
 *
 * <p>The {@code mac} is an HMAC ({@link OwnerKey}) over the fields and the database's OID, so a marker cannot be
 * written by hand, copied from another database, or survive the database being dropped and re-created under the
 * same name. A comment is parsed field by field, never matched as text; one that does not verify is not Driftless'.
 *
 * @param kind what the database is for
 * @param run the run (one server object of one JVM) that made it; its liveness is an advisory lock
 * @param scope the lock space the run's locks live in (a hash of the database admin connections go to)
 * @param setup what a template is for apart from its content, or {@code -}
 * @param persistent whether a template is kept for later runs ({@code driftless.reuse})
 */
public record OwnershipMarker(Kind kind, String run, String scope, String setup, boolean persistent) {

    private static final String PREFIX = "driftless:2 ";
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9_-]{1,64}");

    /** What a Driftless database is for. */
    public enum Kind {
        /** An empty database or a copy of a template, for a test or a check; dropped when done. */
        DATABASE("database", "made by Driftless for a test; safe to drop"),
        /** A template being built; renamed to the template's name when its build succeeded. */
        BUILD("build", "a template being built by Driftless; safe to drop"),
        /** A built template, copied for each test. */
        TEMPLATE("template", "a template database of Driftless; safe to drop"),
        /** A database kept on request for a person to inspect; never dropped by Driftless on its own. */
        KEPT("kept", "kept by Driftless for inspection; drop it when done");

        private final String word;
        private final String explanation;

        Kind(String word, String explanation) {
            this.word = word;
            this.explanation = explanation;
        }

        static Optional<Kind> of(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Checks that the run, scope and setup are marker tokens.
     *
     * @param kind the value for the {@code kind} record component
     * @param run the value for the {@code run} record component
     * @param scope the value for the {@code scope} record component
     * @param setup the value for the {@code setup} record component
     * @param persistent the value for the {@code persistent} record component
     */
    public OwnershipMarker {
        for (String token : new String[] {run, scope, setup}) {
            if (!TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException("not a marker token: " + token);
            }
        }
    }

    /**
     * @param newKind another kind
     * @return this marker with that kind
     */
    public OwnershipMarker as(Kind newKind) {
        return new OwnershipMarker(newKind, run, scope, setup, persistent);
    }

    /**
     * Writes the marker for a database.
     *
     * @param oid the database's OID
     * @param key the key that signs it
     * @return the comment text
     */
    String encode(long oid, OwnerKey key) {
        String fields = fields();
        return PREFIX + fields + " mac=" + key.sign(signed(oid, fields)) + " -- " + kind.explanation;
    }

    /**
     * Reads a database's comment as a marker.
     *
     * @param comment the comment, may be {@code null}
     * @param oid the database's OID
     * @param key the key the marker must be signed with
     * @return the marker, or empty when the comment is no marker or does not verify
     */
    static Optional<OwnershipMarker> verify(String comment, long oid, OwnerKey key) {
        if (comment == null || !comment.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = comment.indexOf(" -- ");
        String body = comment.substring(PREFIX.length(), end < 0 ? comment.length() : end);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : body.split(" ")) {
            int equals = field.indexOf('=');
            if (equals <= 0 || values.put(field.substring(0, equals), field.substring(equals + 1)) != null) {
                return Optional.empty();
            }
        }
        if (!values.keySet().equals(java.util.Set.of("kind", "run", "scope", "setup", "persistent", "mac"))) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.of(values.get("kind"));
        String persistent = values.get("persistent");
        if (kind.isEmpty() || !(persistent.equals("true") || persistent.equals("false"))) {
            return Optional.empty();
        }
        OwnershipMarker marker;
        try {
            marker = new OwnershipMarker(kind.get(), values.get("run"), values.get("scope"), values.get("setup"),
                    Boolean.parseBoolean(persistent));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String expected = key.sign(signed(oid, marker.fields()));
        boolean authentic = MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                values.get("mac").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return authentic ? Optional.of(marker) : Optional.empty();
    }

    private String fields() {
        return "kind=" + kind.word + " run=" + run + " scope=" + scope + " setup=" + setup + " persistent=" + persistent;
    }

    private static String signed(long oid, String fields) {
        return "driftless:2|oid=" + oid + "|" + fields;
    }
}
