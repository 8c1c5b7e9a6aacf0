-- Gear (microphones, amps) that can be booked with a room.
CREATE TABLE asset (
    asset_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    room_id      uuid REFERENCES room (room_id) ON DELETE SET NULL,
    name         text NOT NULL,
    serial_no    text UNIQUE,
    purchased_on date
);

CREATE TABLE booking_asset (
    booking_id  bigint NOT NULL REFERENCES booking (booking_id) ON DELETE CASCADE,
    asset_id    uuid   NOT NULL REFERENCES asset (asset_id),
    PRIMARY KEY (booking_id, asset_id)
);

CREATE INDEX asset_room_idx ON asset (room_id);
CREATE INDEX booking_asset_asset_idx ON booking_asset (asset_id);
