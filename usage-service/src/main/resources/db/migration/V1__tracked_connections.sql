-- The connections whose usage reports this service ingests, as last announced on m365.connections.
-- Kept from the events (the service never reads connection-service's schema).
CREATE TABLE tracked_connection (
    connection_id    text PRIMARY KEY,
    tenant_id        text        NOT NULL,
    product          text        NOT NULL,
    status           text        NOT NULL,
    permissions      text[]      NOT NULL DEFAULT '{}',
    -- Offset of the last applied event: a replayed or duplicated older event does not overwrite newer state.
    last_event_time  timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
