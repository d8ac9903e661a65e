-- error: 2:17 COPY FROM is not supported with a query
COPY (SELECT 1) FROM '/tmp/x';
