package dev.driftless.seed;

/** Schemas shared by the seed tests. */
final class Schemas {

    private Schemas() {
    }

    /** A 4-level hierarchy with bigserial, serial, uuid-default and identity keys, plus composite, self and mutual refs. */
    static final String STUDIO = """
            CREATE TABLE organisation (organisation_id bigserial PRIMARY KEY, name text NOT NULL UNIQUE);
            CREATE TABLE studio (studio_id serial PRIMARY KEY,
                                 organisation_id bigint NOT NULL REFERENCES organisation, name text NOT NULL);
            CREATE TABLE room (room_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                               studio_id int NOT NULL REFERENCES studio, name text NOT NULL);
            CREATE TABLE booking (booking_id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                                  room_id uuid NOT NULL REFERENCES room, starts_at timestamptz NOT NULL,
                                  status text NOT NULL DEFAULT 'Pending', seats int CHECK (seats > 0));
            CREATE TABLE shelf (warehouse text, shelf_no int, label text, PRIMARY KEY (warehouse, shelf_no));
            CREATE TABLE item (item_id serial PRIMARY KEY, warehouse text NOT NULL, shelf_no int NOT NULL, name text,
                               FOREIGN KEY (warehouse, shelf_no) REFERENCES shelf);
            CREATE TABLE employee (employee_id serial PRIMARY KEY, name text NOT NULL,
                                   manager_id int REFERENCES employee);
            CREATE TABLE team (team_id serial PRIMARY KEY, name text NOT NULL, captain_id int);
            CREATE TABLE player (player_id serial PRIMARY KEY, name text NOT NULL,
                                 team_id int NOT NULL REFERENCES team);
            ALTER TABLE team ADD FOREIGN KEY (captain_id) REFERENCES player;
            CREATE TABLE left_hand (id int PRIMARY KEY, right_id int NOT NULL);
            CREATE TABLE right_hand (id int PRIMARY KEY,
                                     left_id int NOT NULL REFERENCES left_hand DEFERRABLE INITIALLY IMMEDIATE);
            ALTER TABLE left_hand ADD FOREIGN KEY (right_id) REFERENCES right_hand DEFERRABLE INITIALLY IMMEDIATE;
            CREATE TABLE note (note_id serial PRIMARY KEY, about uuid, body text);
            CREATE SCHEMA archive;
            CREATE TABLE archive.old_note (id serial PRIMARY KEY, body text);
            """;

    /**
     * The tables of Database Rider's documentation, created the way PostgreSQL users write them: unquoted (folded to
     * lower case, {@code "user"} quoted only because {@code user} is reserved), plus quoted mixed-case names, two
     * tables whose names differ only in case, and a table in another schema.
     */
    static final String RIDER = """
            CREATE TABLE "user" (id int PRIMARY KEY, name text, email text);
            CREATE TABLE tweet (id text PRIMARY KEY, content text, likes int, date timestamp, stamp timestamptz,
                                user_id int REFERENCES "user");
            CREATE TABLE follower (id int PRIMARY KEY, user_id int REFERENCES "user", follower_id int REFERENCES "user");
            CREATE TABLE user_details (id int PRIMARY KEY, user_id int REFERENCES "user", bio text);
            CREATE TABLE "Account" ("Id" int PRIMARY KEY, "Owner" text, "OWNER" text);
            CREATE TABLE "Mixed" (id int PRIMARY KEY);
            CREATE TABLE "MIXED" (id int PRIMARY KEY);
            CREATE SCHEMA sales;
            CREATE TABLE sales.invoice (id int PRIMARY KEY, total numeric(10,2), note text);
            """;
}
