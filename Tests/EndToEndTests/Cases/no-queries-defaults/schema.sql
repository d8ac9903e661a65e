CREATE TABLE notes (
    id bigserial PRIMARY KEY,
    body text NOT NULL,
    legacy_flag boolean
);
