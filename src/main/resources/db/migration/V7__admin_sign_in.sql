-- Sign-in to the admin console goes through the same OAuth flow and callback as installation: the state says which.
alter table install_state add column purpose varchar(16) default 'INSTALL' not null;

-- Console sessions: a digest of the cookie's random value, the workspace and teammate it was issued to, and when
-- it ends. Signing out, uninstalling and expiry delete the row.
create table admin_session (
    session_digest varchar(64) primary key,
    workspace_id   varchar(64) not null,
    admin_id       varchar(64) not null,
    created_at     timestamp(6) with time zone not null,
    expires_at     timestamp(6) with time zone not null
);
create index ix_admin_session_workspace on admin_session (workspace_id);
create index ix_admin_session_expires on admin_session (expires_at);
