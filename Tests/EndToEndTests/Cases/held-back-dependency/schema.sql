CREATE TABLE profiles (
    id bigint PRIMARY KEY,
    settings text
);
