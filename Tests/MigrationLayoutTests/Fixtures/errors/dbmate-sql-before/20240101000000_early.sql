CREATE TABLE early (id int);
-- migrate:up
CREATE TABLE late (id int);
