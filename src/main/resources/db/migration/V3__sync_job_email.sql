-- A contact's email travels with its sync job, encrypted (base64 of Tink's AES-GCM ciphertext), so that the sync
-- need not read the contact back from Intercom while the email is fresh; forgotten after a while.
alter table sync_job add column contact_email varchar(2000);
alter table sync_job add column email_seen_at timestamp(6) with time zone;

-- Jobs whose instance stopped are found by their lapsed lease without scanning the table.
create index ix_sync_job_lease on sync_job (status, lease_until);
