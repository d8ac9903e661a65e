-- error: 2:18 expected TO
GRANT SELECT ON t;
