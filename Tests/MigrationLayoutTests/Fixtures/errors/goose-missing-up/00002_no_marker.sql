CREATE TABLE no_marker (id int);
