-- Snapshots are kept encrypted (Tink AES-GCM under DATA_ENCRYPTION_KEY, base64) and found by a keyed digest
-- (HMAC) of the email instead of a plain SHA-256, which anyone could compute for a candidate address. Snapshots
-- written before cannot be re-keyed without the addresses they were made from: they are dropped, and each
-- email's next successful lookup writes its snapshot again.
delete from profile_snapshot;
alter table profile_snapshot drop column profile_json;
alter table profile_snapshot add column profile_sealed varchar(200000) not null;
