-- error: 2:34 expected a string
CREATE TYPE mood AS ENUM ('sad', 1);
