-- Whether a staged membership change replaces a published membership: new ones (nearly all of a first sync) are
-- written without looking up a stored hash, and their events need no comparison.
alter table membership_change add column was_published boolean not null default false;
