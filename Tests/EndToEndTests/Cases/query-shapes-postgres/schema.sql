CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE a (id int PRIMARY KEY, name text, v int, arr int[], m mood);
CREATE TABLE b (id int PRIMARY KEY, a_id int, name text, note text);
CREATE TABLE c (id int PRIMARY KEY, x int);
