-- connection-service owns the schema "connection" (Flyway creates it). Secrets never appear in a plaintext column:
-- client secrets, admin token caches (refresh tokens) and PKCE verifiers live only as Tink AEAD ciphertext in
-- sealed_credentials, bound to their row by the AEAD's associated data.

create table connections (
    id                   uuid primary key,
    product              text        not null check (product in ('microsoft-365', 'microsoft-teams')),
    method               text        not null check (method in ('app-registration', 'admin-user')),
    permission_level     text        not null check (permission_level in ('read', 'read-write')),
    display_name         text        not null,
    -- the tenant as the operator gave it (GUID or verified domain); it is the token endpoint's path segment
    tenant               text        not null,
    -- the tenant GUID from the token's tid claim, once a token was issued
    tenant_id            text,
    client_id            text        not null,
    status               text        not null,
    status_reason        text,
    fix                  text,
    granted_permissions  text[]      not null default '{}',
    capabilities         jsonb       not null default '[]',
    -- outcome of the last probe per probe name (e.g. {"usage-report": "concealed"}) and when probes last ran
    probe_outcomes       jsonb       not null default '{}',
    probed_at            timestamptz,
    -- admin-user method: who signed in (UPN) and msal4j's account key for silent token requests (not secrets)
    admin_username       text,
    admin_account_id     text,
    last_tested_at       timestamptz,
    last_test_outcome    text check (last_test_outcome in ('succeeded', 'failed', 'inconclusive')),
    last_error_code      text,
    last_error_message   text,
    last_error_at        timestamptz,
    secret_expires_at    timestamptz,
    secret_expiry_source text check (secret_expiry_source in ('graph', 'operator')),
    secret_expiry_note   text,
    created_by           text        not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null default 0
);

create index connections_tenant_idx on connections (tenant_id);
create index connections_status_idx on connections (status);

create table sealed_credentials (
    connection_id uuid        not null references connections (id) on delete cascade,
    kind          text        not null check (kind in ('client-secret', 'token-cache')),
    ciphertext    bytea       not null,
    -- the Tink key that sealed it: the re-encryption job looks for rows not on the primary key
    key_id        bigint      not null,
    updated_at    timestamptz not null,
    primary key (connection_id, kind)
);

create index sealed_credentials_key_idx on sealed_credentials (key_id);

-- Admin sign-ins in progress (authorization code + PKCE). The state is single use and short lived.
create table admin_sign_ins (
    state                   text primary key,
    connection_id           uuid        not null references connections (id) on delete cascade,
    code_verifier           bytea       not null,
    code_verifier_key_id    bigint      not null,
    redirect_uri            text        not null,
    scopes                  text[]      not null,
    authorization_url       text        not null,
    started_by              text        not null,
    created_at              timestamptz not null,
    expires_at              timestamptz not null
);

create index admin_sign_ins_connection_idx on admin_sign_ins (connection_id);

-- Transactional outbox: connection events are written with the state change they report and relayed to Kafka,
-- in order, by one instance at a time. Payloads are event records, which never carry a secret; a row without
-- payload is a tombstone (compaction then drops the key from the topic).
create table outbox (
    id           bigserial primary key,
    -- the CloudEvents id: a re-delivery after a failure repeats it, so consumers can spot the duplicate
    event_id     uuid        not null,
    topic        text        not null,
    event_type   text,
    kafka_key    text        not null,
    payload      jsonb,
    created_at   timestamptz not null,
    published_at timestamptz
);

create index outbox_unpublished_idx on outbox (id) where published_at is null;
