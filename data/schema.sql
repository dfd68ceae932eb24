-- pact's database schema. Each "-- version N" block is one forward
-- migration; pact runs every block newer than PRAGMA user_version, each in a
-- transaction, and then sets user_version to N. Never edit a released
-- block: add a new one.

-- version 1
CREATE TABLE settings (
	key   TEXT PRIMARY KEY NOT NULL,
	value TEXT NOT NULL
) WITHOUT ROWID;
