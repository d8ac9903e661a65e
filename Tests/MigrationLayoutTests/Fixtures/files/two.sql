CREATE TABLE two (id int);
