CREATE TABLE audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a_id int REFERENCES a (id), at timestamptz NOT NULL DEFAULT now());
