-- PostgreSQL fills missing trailing columns with their defaults.
INSERT INTO tags VALUES ($1, $2);

-- Three values: after color is dropped, more expressions than columns would remain (42601).
INSERT INTO tags VALUES ($1, $2, $3);

-- One value: name is NOT NULL without a default (23502).
INSERT INTO tags VALUES ($1);
