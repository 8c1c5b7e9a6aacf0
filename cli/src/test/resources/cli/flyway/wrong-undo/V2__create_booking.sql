CREATE TABLE booking (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id bigint NOT NULL REFERENCES party (id),
    status   text   NOT NULL DEFAULT '${booking_status}'
);
