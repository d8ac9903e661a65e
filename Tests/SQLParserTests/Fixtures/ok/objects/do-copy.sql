-- DO blocks and COPY (COPY FROM STDIN last: its data lines follow it).
DO $$ BEGIN RAISE NOTICE 'hello'; END $$;
DO LANGUAGE plpgsql $body$
DECLARE n int;
BEGIN
    SELECT count(*) INTO n FROM accounts;
END
$body$;
DO 'begin null; end' LANGUAGE plpgsql;
COPY accounts TO STDOUT;
COPY accounts (id, owner) TO '/tmp/accounts.csv' WITH (FORMAT csv, HEADER true, FORCE_QUOTE (owner));
COPY (SELECT id FROM accounts WHERE balance > 0) TO STDOUT WITH CSV HEADER;
COPY (DELETE FROM accounts WHERE closed RETURNING id) TO STDOUT;
COPY BINARY accounts TO STDOUT;
COPY accounts TO PROGRAM 'gzip > /tmp/accounts.gz' DELIMITER ';' NULL AS '' CSV QUOTE AS '"' FORCE QUOTE *;
COPY accounts FROM '/tmp/accounts.csv' WITH (FORMAT csv) WHERE balance > 0;
COPY accounts (id, owner) FROM STDIN WITH (FORMAT text);
1	ann
2	joe
\.
