-- +goose Up
CREATE TABLE ok (id int);
