-- An outbox row that can never be published (unknown topic or event type, a payload that no longer maps to its
-- event) is set aside with the reason and dead-lettered, so it no longer blocks every later event.
alter table outbox add column failed_at timestamptz;
alter table outbox add column failure text;
drop index outbox_unpublished_idx;
create index outbox_pending_idx on outbox (id) where published_at is null and failed_at is null;
