-- When the client data the last finished sync used was fetched (the panel's cache or the platform): a view that
-- shows data no newer than that has nothing new for the contact, so it queues no sync and writes nothing.
alter table sync_job add column data_as_of timestamp(6) with time zone;
