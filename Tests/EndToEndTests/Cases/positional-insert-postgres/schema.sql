CREATE TABLE tags (
    id integer PRIMARY KEY,
    name text NOT NULL,
    color text DEFAULT 'grey'
);
