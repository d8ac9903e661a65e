DROP VIEW accounts;
