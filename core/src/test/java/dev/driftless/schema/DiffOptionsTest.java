package dev.driftless.schema;

import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each normalisation option, both ways, on real databases; and DDL written differently that means the same. */
class DiffOptionsTest {

    private static final String BASE = """
            CREATE TABLE party (party_id int PRIMARY KEY, email text NOT NULL);
            CREATE TABLE booking (
                booking_id int PRIMARY KEY,
                party_id int NOT NULL REFERENCES party,
                starts_at timestamptz NOT NULL,
                notes text
            );
            CREATE INDEX ON booking (party_id, starts_at);
            CREATE FUNCTION one() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
            """;

    private final PostgresServer server = TestServers.embedded();

    private SchemaSnapshot snapshotOf(String ddl) {
        return TestSchemas.snapshotOf(server, ddl);
    }

    private static List<String> lines(SchemaDiff diff) {
        return TestSchemas.lines(diff);
    }

    @Test
    void equivalentDdlWrittenDifferentlyGivesNoDifference() {
        SchemaSnapshot a = snapshotOf("""
                CREATE TABLE t (
                    id int PRIMARY KEY,
                    code varchar(10) CONSTRAINT t_code_check CHECK (code <> ''),
                    amount decimal(10,2) DEFAULT 0,
                    at timestamptz,
                    flag bool,
                    initials char(3),
                    big int8
                );
                CREATE TABLE u (t_id integer CONSTRAINT u_t_id_fkey REFERENCES t);
                """);
        SchemaSnapshot b = snapshotOf("""
                CREATE TABLE u (t_id integer);
                CREATE TABLE t (
                    id integer NOT NULL,
                    dropped_later text,
                    code character varying(10),
                    amount numeric(10,2) DEFAULT 0,
                    at timestamp with time zone,
                    flag boolean,
                    initials character(3),
                    big bigint
                );
                ALTER TABLE t DROP COLUMN dropped_later;
                ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
                ALTER TABLE t ADD CONSTRAINT t_code_check CHECK (code <> '');
                ALTER TABLE u ADD CONSTRAINT u_t_id_fkey FOREIGN KEY (t_id) REFERENCES public.t (id);
                """);
        assertThat(lines(SchemaDiff.between(a, b))).isEmpty();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void columnOrderIsItsOwnCategoryAndCanBeIgnored() {
        SchemaSnapshot base = snapshotOf(BASE);
        // A down migration that drops and re-adds "starts_at" puts it at the end of the table.
        SchemaSnapshot reAdded = snapshotOf(BASE + """
                ALTER TABLE booking DROP COLUMN starts_at CASCADE;
                ALTER TABLE booking ADD COLUMN starts_at timestamptz NOT NULL;
                CREATE INDEX ON booking (party_id, starts_at);
                """);
        SchemaDiff diff = SchemaDiff.between(base, reAdded);
        assertThat(lines(diff)).containsExactly("table booking: column order booking_id, party_id, starts_at, notes"
                + " → booking_id, party_id, notes, starts_at [column order]");
        assertThat(diff.changes()).extracting(Change::category).containsExactly(ChangeCategory.COLUMN_ORDER);
        assertThat(SchemaDiff.between(base, reAdded, DiffOptions.defaults().ignoringColumnOrder()).isEmpty()).isTrue();
    }

    @Test
    void constraintsAndIndexesCanBeMatchedByDefinition() {
        SchemaSnapshot base = snapshotOf(BASE);
        SchemaSnapshot named = snapshotOf(BASE.replace("party_id int NOT NULL REFERENCES party,",
                "party_id int NOT NULL CONSTRAINT fk_booking_party REFERENCES party,")
                .replace("CREATE INDEX ON booking", "CREATE INDEX ix_booking_party_starts ON booking"));
        assertThat(lines(SchemaDiff.between(base, named))).containsExactly(
                "table booking: constraint booking_party_id_fkey: removed"
                        + " (FOREIGN KEY (party_id) REFERENCES public.party(party_id))",
                "table booking: constraint fk_booking_party: added"
                        + " (FOREIGN KEY (party_id) REFERENCES public.party(party_id))",
                "table booking: index booking_party_id_starts_at_idx: removed (CREATE INDEX"
                        + " booking_party_id_starts_at_idx ON public.booking USING btree (party_id, starts_at))",
                "table booking: index ix_booking_party_starts: added (CREATE INDEX ix_booking_party_starts ON"
                        + " public.booking USING btree (party_id, starts_at))");
        DiffOptions byDefinition = DiffOptions.defaults().matchingConstraintsAndIndexesByDefinition();
        assertThat(lines(SchemaDiff.between(base, named, byDefinition))).isEmpty();
        // Matching by definition still sees a real difference.
        SchemaSnapshot cascading = snapshotOf(BASE.replace("REFERENCES party,", "REFERENCES party ON DELETE CASCADE,"));
        assertThat(lines(SchemaDiff.between(base, cascading, byDefinition))).containsExactly(
                "table booking: constraint booking_party_id_fkey: on delete NO ACTION → CASCADE");
        // A foreign key whose action and name both changed is one changed foreign key, reported under its old name;
        // by name it is one removed and one added.
        SchemaSnapshot renamedCascading = snapshotOf(BASE.replace("party_id int NOT NULL REFERENCES party,",
                "party_id int NOT NULL CONSTRAINT fk_booking_party REFERENCES party ON DELETE CASCADE,"));
        assertThat(lines(SchemaDiff.between(base, renamedCascading, byDefinition))).containsExactly(
                "table booking: constraint booking_party_id_fkey: on delete NO ACTION → CASCADE");
        assertThat(lines(SchemaDiff.between(base, renamedCascading))).containsExactly(
                "table booking: constraint booking_party_id_fkey: removed"
                        + " (FOREIGN KEY (party_id) REFERENCES public.party(party_id))",
                "table booking: constraint fk_booking_party: added"
                        + " (FOREIGN KEY (party_id) REFERENCES public.party(party_id) ON DELETE CASCADE)");
        // A foreign key to another table is another foreign key, whatever the names.
        SchemaSnapshot elsewhere = snapshotOf(BASE.replace("party_id int NOT NULL REFERENCES party,",
                "party_id int NOT NULL CONSTRAINT fk_booking_party REFERENCES booking,"));
        assertThat(lines(SchemaDiff.between(base, elsewhere, byDefinition))).containsExactly(
                "table booking: constraint booking_party_id_fkey: removed"
                        + " (FOREIGN KEY (party_id) REFERENCES public.party(party_id))",
                "table booking: constraint fk_booking_party: added"
                        + " (FOREIGN KEY (party_id) REFERENCES public.booking(booking_id))");
        // The grouped report says what kind of constraint repeats.
        String twoKeys = BASE + "CREATE TABLE invoice (invoice_id int PRIMARY KEY, party_id int REFERENCES party);";
        SchemaDiff both = SchemaDiff.between(snapshotOf(twoKeys), snapshotOf(twoKeys.replace("REFERENCES party",
                "REFERENCES party ON DELETE CASCADE")), byDefinition);
        assertThat(both.toText()).startsWith("2 differences (2 structure)\nrepeated:\n"
                + "  2 × foreign key on delete: NO ACTION → CASCADE (booking.booking_party_id_fkey,"
                + " invoice.invoice_party_id_fkey)\n");
    }

    @Test
    void noActionIsRestrictWhenAsked() {
        SchemaSnapshot noAction = snapshotOf(BASE);
        SchemaSnapshot restrict = snapshotOf(BASE.replace("REFERENCES party,",
                "REFERENCES party ON DELETE RESTRICT ON UPDATE RESTRICT,"));
        assertThat(lines(SchemaDiff.between(noAction, restrict))).containsExactly(
                "table booking: constraint booking_party_id_fkey: on delete NO ACTION → RESTRICT",
                "table booking: constraint booking_party_id_fkey: on update NO ACTION → RESTRICT");
        DiffOptions equal = DiffOptions.defaults().treatingAsEqual(Equivalence.NO_ACTION_IS_RESTRICT);
        assertThat(lines(SchemaDiff.between(noAction, restrict, equal))).isEmpty();
        assertThat(lines(SchemaDiff.between(restrict, noAction, equal.matchingConstraintsAndIndexesByDefinition())))
                .isEmpty();
        // Another action is still a difference, reported as it is.
        SchemaSnapshot cascading = snapshotOf(BASE.replace("REFERENCES party,",
                "REFERENCES party ON DELETE CASCADE ON UPDATE RESTRICT,"));
        assertThat(lines(SchemaDiff.between(restrict, cascading, equal)))
                .containsExactly("table booking: constraint booking_party_id_fkey: on delete RESTRICT → CASCADE");
        assertThat(lines(SchemaDiff.between(noAction, cascading, equal.matchingConstraintsAndIndexesByDefinition())))
                .containsExactly("table booking: constraint booking_party_id_fkey: on delete NO ACTION → CASCADE");
    }

    @Test
    void uniqueConstraintIsUniqueIndexWhenAsked() {
        SchemaSnapshot constraint = snapshotOf(BASE + "ALTER TABLE party ADD CONSTRAINT party_email_key UNIQUE (email);");
        SchemaSnapshot index = snapshotOf(BASE + "CREATE UNIQUE INDEX party_email_key ON party (email);");
        String removed = "table party: constraint party_email_key: removed (UNIQUE (email))";
        String indexAdded = "table party: index party_email_key: added (CREATE UNIQUE INDEX party_email_key ON"
                + " public.party USING btree (email))";
        assertThat(lines(SchemaDiff.between(constraint, index))).containsExactly(removed, indexAdded);
        DiffOptions equal = DiffOptions.defaults().treatingAsEqual(Equivalence.UNIQUE_CONSTRAINT_IS_UNIQUE_INDEX);
        DiffOptions byDefinition = equal.matchingConstraintsAndIndexesByDefinition();
        assertThat(lines(SchemaDiff.between(constraint, index, equal))).isEmpty();
        assertThat(lines(SchemaDiff.between(index, constraint, equal))).isEmpty();
        // Another name is equal only when constraints and indexes are matched by definition.
        SchemaSnapshot renamed = snapshotOf(BASE + "CREATE UNIQUE INDEX ux_party_email ON party (email);");
        assertThat(lines(SchemaDiff.between(constraint, renamed, equal))).containsExactly(removed,
                "table party: index ux_party_email: added (CREATE UNIQUE INDEX ux_party_email ON public.party"
                        + " USING btree (email))");
        assertThat(lines(SchemaDiff.between(constraint, renamed, byDefinition))).isEmpty();
        // A unique index on other columns, a partial one, or a deferrable constraint is still a difference.
        SchemaSnapshot wider = snapshotOf(BASE + "CREATE UNIQUE INDEX party_email_key ON party (email, party_id);");
        assertThat(lines(SchemaDiff.between(constraint, wider, byDefinition))).containsExactly(removed,
                "table party: index party_email_key: added (CREATE UNIQUE INDEX party_email_key ON public.party"
                        + " USING btree (email, party_id))");
        SchemaSnapshot partial = snapshotOf(BASE
                + "CREATE UNIQUE INDEX party_email_key ON party (email) WHERE email <> '';");
        assertThat(lines(SchemaDiff.between(partial, constraint, equal))).containsExactly(
                "table party: constraint party_email_key: added (UNIQUE (email))",
                "table party: index party_email_key: removed (CREATE UNIQUE INDEX party_email_key ON public.party"
                        + " USING btree (email) WHERE (email <> ''::text))");
        SchemaSnapshot deferrable = snapshotOf(BASE
                + "ALTER TABLE party ADD CONSTRAINT party_email_key UNIQUE (email) DEFERRABLE;");
        assertThat(lines(SchemaDiff.between(deferrable, index, byDefinition))).containsExactly(
                "table party: constraint party_email_key: removed (UNIQUE (email) DEFERRABLE)", indexAdded);
    }

    @Test
    void commentsCanBeIgnored() {
        SchemaSnapshot base = snapshotOf(BASE);
        SchemaSnapshot commented = snapshotOf(BASE + "COMMENT ON COLUMN booking.notes IS 'Free text';");
        assertThat(lines(SchemaDiff.between(base, commented)))
                .containsExactly("table booking: column notes: comment (none) → Free text [comment]");
        assertThat(SchemaDiff.between(base, commented, DiffOptions.defaults().ignoringComments()).isEmpty()).isTrue();
    }

    @Test
    void ownersAndPrivilegesAreIgnoredUnlessAskedFor() {
        SchemaSnapshot base = snapshotOf(BASE);
        SchemaSnapshot granted = snapshotOf(BASE + "GRANT SELECT ON booking TO PUBLIC;");
        assertThat(SchemaDiff.between(base, granted).isEmpty()).isTrue();
        SchemaDiff compared = SchemaDiff.between(base, granted, DiffOptions.defaults().comparingOwnersAndPrivileges());
        assertThat(compared.changes()).singleElement().satisfies(change -> {
            assertThat(change.object()).isEqualTo(ObjectId.of(ObjectKind.TABLE, "public", "booking"));
            assertThat(change.property()).isEqualTo("privileges");
            assertThat(change.from()).isNull();
            assertThat(change.to()).contains("=r/");
            assertThat(change.category()).isEqualTo(ChangeCategory.OWNERSHIP);
        });
    }

    @Test
    void extensionVersionsCanBeIgnored() {
        SchemaSnapshot older = snapshotOf(BASE + "CREATE EXTENSION pg_trgm VERSION '1.5';");
        SchemaSnapshot newer = snapshotOf(BASE + "CREATE EXTENSION pg_trgm VERSION '1.6';");
        assertThat(lines(SchemaDiff.between(older, newer)))
                .containsExactly("extension pg_trgm: version 1.5 → 1.6 [extension version]");
        assertThat(SchemaDiff.between(older, newer, DiffOptions.defaults().ignoringExtensionVersions()).isEmpty())
                .isTrue();
    }

    @Test
    void namedTablesCanBeIgnoredWithTheirPartsAndSequences() {
        SchemaSnapshot base = snapshotOf(BASE);
        SchemaSnapshot withHistory = snapshotOf(BASE + """
                CREATE TABLE flyway_schema_history (installed_rank serial PRIMARY KEY, version text,
                                                    party_id int REFERENCES party);
                CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (version);
                """);
        assertThat(lines(SchemaDiff.between(base, withHistory))).containsExactly(
                "table flyway_schema_history: added",
                "sequence flyway_schema_history_installed_rank_seq: added");
        assertThat(SchemaDiff.between(base, withHistory, DiffOptions.defaults().ignoringTables(
                "public.flyway_schema_history")).isEmpty()).isTrue();
        assertThat(SchemaDiff.between(base, withHistory, DiffOptions.defaults().ignoringTables(
                "other.flyway_schema_history")).isEmpty()).isFalse();
    }

    @Test
    void functionBodiesDifferingOnlyInWhitespaceAreEqualUnlessComparedExactly() {
        SchemaSnapshot base = snapshotOf(BASE);
        SchemaSnapshot reformatted = snapshotOf(BASE.replace("$$ BEGIN RETURN 1; END $$", """
                $$
                BEGIN
                    RETURN 1;
                END
                $$"""));
        assertThat(SchemaDiff.between(base, reformatted).isEmpty()).isTrue();
        SchemaDiff exact = SchemaDiff.between(base, reformatted, DiffOptions.defaults().comparingFunctionBodiesExactly());
        assertThat(exact.changes()).extracting(Change::object, Change::property, Change::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ObjectId.of(ObjectKind.FUNCTION, "public", "one()"), "body",
                        ChangeCategory.WHITESPACE));
        assertThat(exact.toText()).isEqualTo("""
                1 difference (1 whitespace)
                function one(): body changed [whitespace]:
                    -  BEGIN RETURN 1; END\s
                    +
                    + BEGIN
                    +     RETURN 1;
                    + END
                    +
                """);
    }
}
