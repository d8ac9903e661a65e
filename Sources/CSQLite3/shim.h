// libsqlite3's C API (the `libsqlite3-dev` package); only SQLiteAdapter imports this module.
#ifndef SWITCHGATE_CSQLITE3_SHIM_H
#define SWITCHGATE_CSQLITE3_SHIM_H
#include <sqlite3.h>

// sqlite3_error_offset() exists from SQLite 3.38; older headers (Ubuntu 22.04 ships
// 3.37) lack it, so the adapter calls it through this wrapper, which answers -1 there.
static inline int switchgate_sqlite3_error_offset(sqlite3 *db) {
#if SQLITE_VERSION_NUMBER >= 3038000
    return sqlite3_error_offset(db);
#else
    (void)db;
    return -1;
#endif
}
#endif
