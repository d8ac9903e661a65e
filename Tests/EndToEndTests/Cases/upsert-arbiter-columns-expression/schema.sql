CREATE TABLE users (
    id serial PRIMARY KEY,
    email text NOT NULL,
    name text,
    CONSTRAINT users_email_key UNIQUE (email)
);
