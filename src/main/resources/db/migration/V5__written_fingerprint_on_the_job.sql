-- What was last written to a contact (a keyed digest of the values, never the values) moves onto the contact's
-- sync job: one row and one commit fewer per sync. Fingerprints of the old table were unkeyed digests, which the
-- app no longer computes: they are dropped with it, and each contact's next sync writes once.
alter table sync_job add column written_fingerprint char(64);
alter table sync_job add column written_at timestamp(6) with time zone;
drop table contact_write;
