CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    full_name text NOT NULL,
    nickname text
);
