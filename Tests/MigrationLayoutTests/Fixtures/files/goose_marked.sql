-- +goose Up
CREATE TABLE marked (id int);
-- +goose Down
DROP TABLE marked;
