CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT,
    legacy_flag INTEGER
);
