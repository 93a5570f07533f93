-- Executing actions: the action log becomes a state machine per action id, claimed with a lease, run in request
-- order per target, with its Graph calls, outcome and retry schedule recorded. Results leave through an outbox.

ALTER TABLE action_log DROP CONSTRAINT action_log_status_check;
ALTER TABLE action_log ADD CONSTRAINT action_log_status_check CHECK (status IN (
    'received', 'awaiting-approval', 'running', 'completed', 'failed', 'rejected', 'cancelled'));

ALTER TABLE action_log
    -- Request order: assigned at insert; a partition delivers one key's requests in order, so it is their order.
    ADD COLUMN seq            bigserial,
    ADD COLUMN tenant_id      text,
    -- Actions with the same ordering key run one after the other, in seq order ({connectionId}/{targetId}).
    ADD COLUMN ordering_key   text,
    ADD COLUMN reason         text,
    ADD COLUMN correlation_id text,
    -- Who asked: the JWT subject (REST) or the CloudEvent source (Kafka), as received.
    ADD COLUMN requester      text,
    ADD COLUMN channel        text NOT NULL DEFAULT 'kafka' CHECK (channel IN ('kafka', 'rest')),
    -- The lease: the instance running the action and until when; an expired lease is taken over.
    ADD COLUMN lease_owner    text,
    ADD COLUMN lease_until    timestamptz,
    -- Not claimed before this time (Retry-After of a throttled attempt, the next poll of a long-running copy).
    ADD COLUMN not_before     timestamptz,
    -- Where a long-running action resumes (e.g. the OneDrive copy's monitor URL), and its progress.
    ADD COLUMN checkpoint     jsonb,
    ADD COLUMN outcome        text,
    ADD COLUMN resource_id    text,
    ADD COLUMN error_fix      text,
    ADD COLUMN graph_status   integer,
    ADD COLUMN graph_error    text,
    -- Every Graph call made for this action: method, path (ids only, no query), status, request-id.
    ADD COLUMN graph_calls    jsonb NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN approved_by    text,
    ADD COLUMN decided_at     timestamptz,
    ADD COLUMN finished_at    timestamptz;

UPDATE action_log SET ordering_key = connection_id || '/' || coalesce(target_id, action_id);
ALTER TABLE action_log ALTER COLUMN ordering_key SET NOT NULL;

-- The claim query: the earliest open action of each ordering key that is due.
CREATE INDEX action_log_open ON action_log (ordering_key, seq)
    WHERE status IN ('received', 'awaiting-approval', 'running');
CREATE INDEX action_log_due ON action_log (seq)
    WHERE status IN ('received', 'running');
CREATE INDEX action_log_by_target ON action_log (connection_id, target_id, seq DESC);
DROP INDEX action_log_by_status;
CREATE INDEX action_log_by_status ON action_log (status, seq DESC);

-- Connections as connection-service announces them on m365.connections (compacted): what the claim checks.
CREATE TABLE connection (
    connection_id       text PRIMARY KEY,
    tenant_id           text        NOT NULL,
    product             text        NOT NULL,
    method              text        NOT NULL,
    permission_level    text        NOT NULL,
    status              text        NOT NULL,
    client_id           text,
    granted_permissions text[]      NOT NULL DEFAULT '{}',
    -- Action types that need a second operator's approval on this connection (wire names).
    approval_required   text[]      NOT NULL DEFAULT '{}',
    updated_at          timestamptz NOT NULL
);

-- Results waiting to be published (transactional outbox): written in the transaction that changes the action's
-- state, deleted once Kafka acknowledged them. A result is never lost and never published before its state is.
CREATE TABLE result_outbox (
    id         bigserial PRIMARY KEY,
    action_id  text        NOT NULL,
    event_type text        NOT NULL,
    payload    jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
