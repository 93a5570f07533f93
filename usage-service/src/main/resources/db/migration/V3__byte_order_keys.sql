-- Ids, UPNs and user keys are compared byte-wise: nothing sorts them for people, and the joins and btree inserts of
-- a 100,000-user report day were dominated by collation-aware text comparisons (benchmark: about twice as fast).
-- Columns compared with each other share the collation.
ALTER TABLE daily_app_usage
    ALTER COLUMN connection_id TYPE text COLLATE "C",
    ALTER COLUMN user_key TYPE text COLLATE "C",
    ALTER COLUMN user_id TYPE text COLLATE "C";
ALTER TABLE directory_user
    ALTER COLUMN connection_id TYPE text COLLATE "C",
    ALTER COLUMN user_id TYPE text COLLATE "C",
    ALTER COLUMN upn_lower TYPE text COLLATE "C";
ALTER TABLE license_assignment
    ALTER COLUMN connection_id TYPE text COLLATE "C",
    ALTER COLUMN user_id TYPE text COLLATE "C";
