-- A snapshot's sealed profile is kept as bytes: as base64 text it took a third more room, and snapshots are most of
-- what a long history leaves in the database. Rows written before keep their text until their next save; a row
-- holds one of the two (profile.SnapshotSealing reads either).
alter table profile_snapshot add column profile_binary bytea;
alter table profile_snapshot alter column profile_sealed drop not null;
