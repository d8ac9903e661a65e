\restrict abc123
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
COPY public.items (id, name) FROM stdin;
1	apple
2	pear; not a statement
\.
SELECT 1;
\unrestrict abc123
