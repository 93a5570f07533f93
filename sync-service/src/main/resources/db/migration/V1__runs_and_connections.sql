-- Sync-service's own state: the connections it knows (learned from m365.connections), its runs with their
-- per-resource checkpoints, delta links and the deletions a run has found but not yet applied.

-- Connections as the last applied connection event describes them. Never read from connection-service's schema.
create table connection (
    connection_id       text primary key,
    tenant_id           text        not null,
    product             text        not null,
    status              text        not null,
    granted_permissions text[]      not null default '{}',
    -- updatedAt of the connection state last applied: an older event arriving late is ignored.
    state_updated_at    timestamptz not null,
    deleted_at          timestamptz,
    next_incremental_at timestamptz,
    next_full_at        timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create index connection_due_incremental on connection (next_incremental_at) where deleted_at is null;
create index connection_due_full on connection (next_full_at) where deleted_at is null;

-- One row per sync run. The lease (owner + expiry, renewed by a heartbeat) says which instance runs it; a run whose
-- lease expired belongs to a crashed instance and is resumed by another from its checkpoints.
create table run (
    run_id                 uuid primary key,
    connection_id          text        not null,
    tenant_id              text        not null,
    mode                   text        not null check (mode in ('full', 'incremental', 'republish', 'purge')),
    trigger                text        not null,
    request_id             text,
    requested_by           text        not null,
    reason                 text,
    resources              text[]      not null,
    status                 text        not null check (status in
                               ('queued', 'running', 'paused', 'held', 'completed', 'failed', 'cancelled')),
    error_code             text,
    status_reason          text,
    requested_at           timestamptz not null,
    started_at             timestamptz,
    finished_at            timestamptz,
    lease_owner            text,
    lease_expires_at       timestamptz,
    resume_after           timestamptz,
    attempts               int         not null default 0,
    graph_requests         bigint      not null default 0,
    throttled_responses    bigint      not null default 0,
    pages                  bigint      not null default 0,
    -- The resource whose deletions tripped the mass-deletion guard; a confirmation lets exactly those through.
    held_resource          text,
    deletions_confirmed_by text,
    deletions_confirmed_at timestamptz
);
-- At most one unfinished run per connection, whatever the number of instances.
create unique index run_one_active_per_connection on run (connection_id)
    where status in ('queued', 'running', 'paused', 'held');
create index run_by_connection on run (connection_id, requested_at desc, run_id);
create unique index run_by_request on run (request_id) where request_id is not null;

-- One row per resource of a run: its status, counters and checkpoint (the Graph link of the next page to read,
-- and for nested iterations the parent object reached). Written in the same transaction as each page's data.
create table run_step (
    run_id            uuid        not null references run on delete cascade,
    resource          text        not null,
    position          int         not null,
    status            text        not null check (status in
                          ('pending', 'running', 'deleting', 'completed', 'skipped', 'failed')),
    method            text,
    next_link         text,
    cursor            text,
    new_delta_link    text,
    pages             bigint      not null default 0,
    fetched           bigint      not null default 0,
    created           bigint      not null default 0,
    updated           bigint      not null default 0,
    unchanged         bigint      not null default 0,
    deleted           bigint      not null default 0,
    message           text,
    started_at        timestamptz,
    finished_at       timestamptz,
    primary key (run_id, resource)
);

-- The delta link to continue from, per connection and delta resource; replaced only when a step completed.
create table delta_link (
    connection_id text        not null,
    resource      text        not null,
    link          text        not null,
    obtained_at   timestamptz not null,
    primary key (connection_id, resource)
);

-- Deletions found by a run (delta @removed, or missing from a full reconcile) that are applied only at the end of
-- the resource, after the mass-deletion guard let them through (or an operator confirmed).
create table pending_deletion (
    run_id    uuid not null references run on delete cascade,
    kind      text not null,
    object_id text not null,
    reason    text not null,
    primary key (run_id, kind, object_id)
);
