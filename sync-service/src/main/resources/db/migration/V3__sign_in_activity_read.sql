-- Users' signInActivity as the last sign-in read found it (GET /users?$select=id,signInActivity, AuditLog.Read.All).
-- Users delta never returns signInActivity: every user a round reads is completed from here, so that a user is
-- published once with its sign-in activity (a row with three nulls: never signed in; no row: not known).
create table user_sign_in_activity (
    connection_id                         text not null,
    user_id                               text not null,
    last_sign_in_date_time                timestamptz,
    last_non_interactive_sign_in_date_time timestamptz,
    last_successful_sign_in_date_time     timestamptz,
    read_run                              uuid not null,
    primary key (connection_id, user_id)
);

-- When a connection's users' signInActivity was last read in full: incremental runs read it again only when this
-- is older than sync.schedule.sign-in-activity-max-age. Both tables are emptied with the connection (auxiliary).
create table sign_in_activity_read (
    connection_id text        primary key,
    read_at       timestamptz not null
);
