// QueryBinding resolves the application's queries (blue and green) against a
// `Catalog` by PostgreSQL's (or SQLite's) name-resolution rules, and says, with
// the SQLSTATE the server would raise, whether each query would still work.
