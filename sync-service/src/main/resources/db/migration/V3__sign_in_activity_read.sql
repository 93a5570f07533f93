-- When a connection's users' signInActivity was last read in full (GET /users?$select=id,signInActivity): users
-- delta cannot return it, so incremental runs read it again only when this is older than
-- sync.schedule.sign-in-activity-max-age. Emptied with the connection (auxiliary table).
create table sign_in_activity_read (
    connection_id text        primary key,
    read_at       timestamptz not null
);
