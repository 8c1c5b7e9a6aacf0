DROP TABLE booking_asset;
DROP TABLE asset;
