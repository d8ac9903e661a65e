-- error: 2:19 column name must be qualified
COMMENT ON COLUMN owner IS 'x';
