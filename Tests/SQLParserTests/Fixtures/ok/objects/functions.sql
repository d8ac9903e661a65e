-- Functions and procedures.
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'select a + b';
CREATE OR REPLACE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE OR REPLACE FUNCTION app.search(IN q text, OUT id bigint, OUT rank real, VARIADIC tags text[] DEFAULT '{}')
RETURNS SETOF record
LANGUAGE 'plpgsql' STABLE PARALLEL SAFE COST 100 ROWS 50 SECURITY DEFINER SET search_path = app, pg_temp
AS $fn$ begin return; end $fn$;
CREATE FUNCTION pairs(n int) RETURNS TABLE (a int, b double precision) AS $$ select i, i * 1.5 from generate_series(1, n) i $$ LANGUAGE sql;
CREATE FUNCTION typed(x t.col%TYPE, y character varying = 'x', "Z" timestamp with time zone DEFAULT now()) RETURNS void
    CALLED ON NULL INPUT EXTERNAL SECURITY INVOKER NOT LEAKPROOF VOLATILE AS 'select' LANGUAGE sql;
CREATE FUNCTION out_only(OUT a int, OUT b int) RETURNS NULL ON NULL INPUT AS 'select 1, 2' LANGUAGE sql;
CREATE FUNCTION c_func(int) RETURNS int AS 'my_lib', 'c_func_impl' LANGUAGE c WINDOW LEAKPROOF;
CREATE FUNCTION with_transform(int) RETURNS int TRANSFORM FOR TYPE hstore, FOR TYPE int LANGUAGE plperl AS 'return 1;';
CREATE FUNCTION with_support(int) RETURNS int LANGUAGE sql SUPPORT app.support_fn SET work_mem FROM CURRENT AS 'select 1';
CREATE FUNCTION inc(a int) RETURNS int LANGUAGE sql IMMUTABLE RETURN a + 1;
CREATE FUNCTION atomic_case(a int) RETURNS text LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN a > 0 THEN 'positive' ELSE 'other' END;
END;
CREATE PROCEDURE insert_pair(a int, INOUT b int DEFAULT 0) LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO pairs VALUES (a, b);
    SELECT b + 1;
END;
CREATE OR REPLACE PROCEDURE cleanup() LANGUAGE plpgsql AS $$ begin delete from t; end $$;
