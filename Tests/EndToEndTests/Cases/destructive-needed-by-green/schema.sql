CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    subject text NOT NULL,
    legacy_queue text NOT NULL
);
CREATE TABLE ticket_meta (
    id bigint PRIMARY KEY REFERENCES tickets (id),
    priority integer NOT NULL DEFAULT 0,
    subject text
);
