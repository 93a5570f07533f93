-- What was last published on m365.usage.ingestion per connection: the run whose started event is out (with when it
-- started), the run whose completed event is out, and the concealment state last announced. An event is published
-- before its marker is written, so a crash in between repeats it, never loses it.
ALTER TABLE ingestion_state
    ADD COLUMN run_announced       text,
    ADD COLUMN run_started_at      timestamptz,
    ADD COLUMN run_closed          text,
    ADD COLUMN concealed_announced boolean NOT NULL DEFAULT false;
