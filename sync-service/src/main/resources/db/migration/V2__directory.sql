-- The synced directory, one table per entity kind. Every table has the same standard columns:
--   object_id      identity within the connection (composite identities: the key parts after the connection)
--   parent_id      owner for kinds read as complete lists per owner (a user's license assignments, a team's channels)
--   data           the entity's state exactly as published in its synced event (JSON)
--   content_hash   hash of data: an event is published only when it changes
--   last_seen_run  the last run that saw the object; a full reconcile deletes what it did not see
-- plus typed columns for the REST filters.

create table users (
    connection_id       text        not null,
    object_id           text        not null,
    parent_id           text,
    user_principal_name text        not null,
    display_name        text,
    mail                text,
    user_type           text,
    account_enabled     boolean,
    department          text,
    job_title           text,
    usage_location      text,
    manager_id          text,
    created_date_time   timestamptz,
    license_count       int         not null,
    data                jsonb       not null,
    content_hash        bytea       not null,
    last_seen_run       uuid,
    synced_at           timestamptz not null,
    primary key (connection_id, object_id)
);

create table subscribed_skus (
    connection_id     text        not null,
    object_id         text        not null,
    parent_id         text,
    sku_part_number   text,
    capability_status text,
    enabled_units     int,
    consumed_units    int,
    unassigned_units  int,
    data              jsonb       not null,
    content_hash      bytea       not null,
    last_seen_run     uuid,
    synced_at         timestamptz not null,
    primary key (connection_id, object_id)
);

create table license_assignments (
    connection_id     text        not null,
    object_id         text        not null,
    parent_id         text        not null,
    sku_id            text        not null,
    sku_part_number   text,
    assigned_directly boolean     not null,
    data              jsonb       not null,
    content_hash      bytea       not null,
    last_seen_run     uuid,
    synced_at         timestamptz not null,
    primary key (connection_id, object_id)
);
create index license_assignments_by_user on license_assignments (connection_id, parent_id);
create index license_assignments_by_sku on license_assignments (connection_id, sku_id);

create table groups (
    connection_id    text        not null,
    object_id        text        not null,
    parent_id        text,
    display_name     text,
    kind             text        not null,
    is_team          boolean     not null,
    mail             text,
    data             jsonb       not null,
    content_hash     bytea       not null,
    last_seen_run    uuid,
    synced_at        timestamptz not null,
    primary key (connection_id, object_id)
);

-- Published memberships (direct and transitive), derived from the raw edges below.
create table group_memberships (
    connection_id text        not null,
    object_id     text        not null,
    parent_id     text        not null,
    member_id     text        not null,
    member_type   text        not null,
    relation      text        not null,
    data          jsonb       not null,
    content_hash  bytea       not null,
    last_seen_run uuid,
    synced_at     timestamptz not null,
    primary key (connection_id, object_id)
);
create index group_memberships_by_group on group_memberships (connection_id, parent_id);
create index group_memberships_by_member on group_memberships (connection_id, member_id);

-- Direct members as Graph reports them (no events): the input of the transitive closure.
create table group_member_edge (
    connection_id text not null,
    group_id      text not null,
    member_id     text not null,
    member_type   text not null,
    last_seen_run uuid,
    primary key (connection_id, group_id, member_id)
);
create index group_member_edge_by_member on group_member_edge (connection_id, member_id);

-- Groups whose memberships (direct or nested) changed since they were last reconciled.
create table membership_dirty (
    connection_id text not null,
    group_id      text not null,
    primary key (connection_id, group_id)
);

-- Membership changes computed by a run and not yet published (survives a crash mid-way).
create table membership_change (
    run_id        uuid not null references run on delete cascade,
    connection_id text not null,
    group_id      text not null,
    member_id     text not null,
    member_type   text,
    relation      text,
    primary key (run_id, group_id, member_id)
);

create table directory_roles (
    connection_id    text        not null,
    object_id        text        not null,
    parent_id        text,
    display_name     text,
    role_template_id text,
    data             jsonb       not null,
    content_hash     bytea       not null,
    last_seen_run    uuid,
    synced_at        timestamptz not null,
    primary key (connection_id, object_id)
);

create table role_assignments (
    connection_id      text        not null,
    object_id          text        not null,
    parent_id          text,
    principal_id       text,
    role_definition_id text,
    data               jsonb       not null,
    content_hash       bytea       not null,
    last_seen_run      uuid,
    synced_at          timestamptz not null,
    primary key (connection_id, object_id)
);

create table organization (
    connection_id text        not null,
    object_id     text        not null,
    parent_id     text,
    display_name  text,
    data          jsonb       not null,
    content_hash  bytea       not null,
    last_seen_run uuid,
    synced_at     timestamptz not null,
    primary key (connection_id, object_id)
);

create table teams (
    connection_id text        not null,
    object_id     text        not null,
    parent_id     text,
    display_name  text,
    is_archived   boolean,
    data          jsonb       not null,
    content_hash  bytea       not null,
    last_seen_run uuid,
    synced_at     timestamptz not null,
    primary key (connection_id, object_id)
);

create table channels (
    connection_id   text        not null,
    object_id       text        not null,
    parent_id       text        not null,
    display_name    text,
    membership_type text,
    data            jsonb       not null,
    content_hash    bytea       not null,
    last_seen_run   uuid,
    synced_at       timestamptz not null,
    primary key (connection_id, object_id)
);
create index channels_by_team on channels (connection_id, parent_id);

create table team_members (
    connection_id text        not null,
    object_id     text        not null,
    parent_id     text        not null,
    user_id       text,
    roles         text[]      not null,
    data          jsonb       not null,
    content_hash  bytea       not null,
    last_seen_run uuid,
    synced_at     timestamptz not null,
    primary key (connection_id, object_id)
);
create index team_members_by_team on team_members (connection_id, parent_id);

create table installed_apps (
    connection_id       text        not null,
    object_id           text        not null,
    parent_id           text        not null,
    teams_app_id        text,
    display_name        text,
    distribution_method text,
    data                jsonb       not null,
    content_hash        bytea       not null,
    last_seen_run       uuid,
    synced_at           timestamptz not null,
    primary key (connection_id, object_id)
);
create index installed_apps_by_user on installed_apps (connection_id, parent_id);

create table external_apps (
    connection_id        text        not null,
    object_id            text        not null,
    parent_id            text,
    display_name         text,
    publisher_name       text,
    admin_consented      boolean,
    consented_user_count int,
    data                 jsonb       not null,
    content_hash         bytea       not null,
    last_seen_run        uuid,
    synced_at            timestamptz not null,
    primary key (connection_id, object_id)
);

-- OAuth2 permission grants read by a run, staged until the service principals they belong to are read.
create table app_grant_stage (
    run_id    uuid  not null references run on delete cascade,
    client_id text  not null,
    grant_id  text  not null,
    data      jsonb not null,
    primary key (run_id, client_id, grant_id)
);

-- Teams whose group changed in a delta round (Teams connections): an incremental run re-reads their members.
create table team_refresh (
    connection_id text not null,
    group_id      text not null,
    primary key (connection_id, group_id)
);
