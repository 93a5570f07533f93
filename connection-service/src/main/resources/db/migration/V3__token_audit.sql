-- One row per Graph token the broker handed out: which caller, which connection, when (never the token).
create table token_audit (
    id            bigserial primary key,
    connection_id uuid        not null,
    caller        text        not null,
    issued_at     timestamptz not null,
    from_cache    boolean     not null,
    expires_at    timestamptz not null
);

create index token_audit_connection_idx on token_audit (connection_id, issued_at);
create index token_audit_issued_idx on token_audit (issued_at);
