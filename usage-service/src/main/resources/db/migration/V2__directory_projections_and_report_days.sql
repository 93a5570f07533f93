-- Projections of sync-service's topics (this service never reads sync-service's schema). Each row keeps the
-- observedAt of the event it came from: a replayed older event never overwrites a newer state.

-- m365.directory.users: maps report rows (User Principal Name) to Entra user ids.
CREATE TABLE directory_user (
    connection_id        text        NOT NULL,
    user_id              text        NOT NULL,
    user_principal_name  text        NOT NULL,
    -- Report UPNs are compared case-insensitively.
    upn_lower            text        NOT NULL,
    display_name         text,
    account_enabled      boolean,
    last_sign_in         timestamptz,
    observed_at          timestamptz NOT NULL,
    PRIMARY KEY (connection_id, user_id)
);
CREATE INDEX directory_user_upn ON directory_user (connection_id, upn_lower);

-- m365.directory.license-assignments: who holds which SKU, directly and/or through groups.
CREATE TABLE license_assignment (
    connection_id            text        NOT NULL,
    user_id                  text        NOT NULL,
    sku_id                   text        NOT NULL,
    sku_part_number          text,
    assigned_directly        boolean     NOT NULL,
    inherited_from_group_ids text[]      NOT NULL DEFAULT '{}',
    observed_at              timestamptz NOT NULL,
    PRIMARY KEY (connection_id, user_id, sku_id)
);
CREATE INDEX license_assignment_sku ON license_assignment (connection_id, sku_id);

-- m365.directory.subscribed-skus: what the tenant bought.
CREATE TABLE subscribed_sku (
    connection_id     text        NOT NULL,
    sku_id            text        NOT NULL,
    sku_part_number   text        NOT NULL,
    capability_status text,
    prepaid_enabled   integer     NOT NULL,
    consumed_units    integer     NOT NULL,
    observed_at       timestamptz NOT NULL,
    PRIMARY KEY (connection_id, sku_id)
);

-- The work queue of report calls: one row per (connection, report, day). Workers claim due rows with
-- FOR UPDATE SKIP LOCKED; nothing about the plan lives in memory, so a restarted service resumes from here.
--   pending     : not asked yet, or asked and the day had no data yet (after the latest day with data)
--   ingested    : stored (rows = the number of users active that day; 0 only when a later day has data)
--   unavailable : Graph refused the day (older than its 28 days) before it was ever ingested
CREATE TABLE report_day (
    connection_id text        NOT NULL,
    report        text        NOT NULL,
    day           date        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('pending', 'ingested', 'unavailable')),
    not_before    timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    row_count     integer,
    last_error    text,
    ingested_at   timestamptz,
    -- Ingested days are published (m365.usage.daily) after their transaction; a crash in between publishes later.
    published     boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (connection_id, report, day)
);
CREATE INDEX report_day_due ON report_day (not_before) WHERE state = 'pending';
CREATE INDEX report_day_unpublished ON report_day (connection_id) WHERE state = 'ingested' AND NOT published;

-- Report calls made, for the throttle (14 per report per 10 minutes per app and tenant, counted by this service
-- before Graph counts them). Old rows are pruned.
CREATE TABLE report_call (
    connection_id text        NOT NULL,
    report        text        NOT NULL,
    called_at     timestamptz NOT NULL
);
CREATE INDEX report_call_window ON report_call (connection_id, report, called_at);

-- Per connection: what the ingestion knows beyond single days.
CREATE TABLE ingestion_state (
    connection_id     text PRIMARY KEY,
    tenant_id         text        NOT NULL,
    -- The latest day a report returned rows for: days after it that returned nothing are still pending.
    latest_data_day   date,
    -- A 429 pushes every call of the connection's report to this time (Retry-After).
    throttled_until   timestamptz,
    concealed         boolean     NOT NULL DEFAULT false,
    -- Operator opt-in: the service may PATCH /admin/reportSettings itself (needs ReportSettings.ReadWrite.All).
    unconceal_opt_in  boolean     NOT NULL DEFAULT false,
    last_error        text,
    run_id            text,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per user per day with any app use, from getM365AppUserDetail(date=…). apps is a bit set of
-- (app, platform) pairs: bit = app * 4 + platform with apps Outlook, Word, Excel, PowerPoint, OneNote, Teams and
-- platforms Windows, Mac, Mobile, Web (see AppPlatformBits). A day is replaced as a whole when re-ingested.
CREATE TABLE daily_app_usage (
    connection_id      text    NOT NULL,
    day                date    NOT NULL,
    user_key           text    NOT NULL,
    user_id            text,
    reported_name      text    NOT NULL,
    concealed          boolean NOT NULL,
    apps               integer NOT NULL,
    last_activity_date date,
    PRIMARY KEY (connection_id, day, user_key)
);
CREATE INDEX daily_app_usage_user ON daily_app_usage (connection_id, user_key);

-- What was last published on m365.usage.license-utilisation per SKU (figures without the computation time):
-- utilisation is published when it changes, not on every computation.
CREATE TABLE published_utilisation (
    connection_id text NOT NULL,
    sku_id        text NOT NULL,
    fingerprint   text NOT NULL,
    published_at  timestamptz NOT NULL,
    PRIMARY KEY (connection_id, sku_id)
);
