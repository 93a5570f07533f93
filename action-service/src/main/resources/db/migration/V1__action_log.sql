-- The action log: one row per action request (the action id is the requester's idempotency key), its state and
-- the outcome. A redelivered request finds its row and is not run twice.
CREATE TABLE action_log (
    action_id        text PRIMARY KEY,
    connection_id    text        NOT NULL,
    action_type      text        NOT NULL,
    target_id        text,
    status           text        NOT NULL CHECK (status IN ('received', 'running', 'completed', 'failed', 'rejected')),
    -- Parameters as received, with fields the contract marks sensitive (passwords) removed before storing.
    parameters       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    requested_by     text,
    requested_at     timestamptz,
    received_at      timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    attempts         integer     NOT NULL DEFAULT 0,
    result           jsonb,
    error_code       text,
    error_message    text,
    source_partition integer,
    source_offset    bigint
);

CREATE INDEX action_log_by_connection ON action_log (connection_id, received_at DESC);
CREATE INDEX action_log_by_status ON action_log (status) WHERE status IN ('received', 'running');
