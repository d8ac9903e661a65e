-- migrate:up transaction:false
CREATE TABLE marked_too (id int);
-- migrate:down
DROP TABLE marked_too;
