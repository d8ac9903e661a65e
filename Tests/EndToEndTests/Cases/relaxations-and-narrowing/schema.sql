CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id int PRIMARY KEY, total int NOT NULL);
CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, age bigint, nick varchar(50), score int DEFAULT 0);
