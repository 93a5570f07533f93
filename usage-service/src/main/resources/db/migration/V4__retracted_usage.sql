-- Keys of m365.usage.daily that a re-ingested day no longer has (e.g. the 32-hex keys of concealed rows once names
-- are shown): tombstoned when the day is published, so that the compacted topic keeps exactly the stored rows.
CREATE TABLE retracted_usage (
    connection_id text COLLATE "C" NOT NULL,
    day           date NOT NULL,
    user_key      text COLLATE "C" NOT NULL,
    PRIMARY KEY (connection_id, day, user_key)
);
