CREATE TABLE categories (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES categories (id),
    name text NOT NULL
);
CREATE TABLE tags (
    id integer PRIMARY KEY,
    label text NOT NULL
);
