CREATE TABLE events (
    id bigint PRIMARY KEY,
    kind text NOT NULL,
    payload jsonb NOT NULL DEFAULT '[]'
);
CREATE TABLE archived_events (
    id bigint PRIMARY KEY,
    kind text NOT NULL
);
