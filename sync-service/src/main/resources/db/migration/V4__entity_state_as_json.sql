-- The entity tables keep each state exactly as published, for the REST API, re-publishing, deleted events and
-- merges; no query looks inside it. json (the text, checked once) instead of jsonb (parsed into a tree on every
-- write) takes a third off the cost of writing a row, which a first sync of a large tenant does millions of times.
-- Neither the state nor its hash is ever filtered on: the planner needs no statistics of them, and ANALYZE of a
-- growing table (sync-service keeps statistics current while a first sync fills it) no longer samples the big
-- values.

alter table users alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table subscribed_skus alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table license_assignments alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table groups alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table group_memberships alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table directory_roles alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table role_assignments alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table organization alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table teams alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table channels alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table team_members alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table installed_apps alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
alter table external_apps alter column data type json using data::json,
    alter column data set statistics 0, alter column content_hash set statistics 0;
