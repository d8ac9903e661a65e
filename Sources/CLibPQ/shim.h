// libpq's client API, loaded when a connection is first made rather than linked:
// most runs of switchgate never talk to a server, and loading libpq with the
// libraries it needs (TLS, Kerberos, LDAP) at start-up costs every run several
// milliseconds. Only PostgresAdapter imports this module; it calls libpq through
// `SwitchgateLibPQ`, which `switchgate_libpq_load` fills.
#ifndef SWITCHGATE_CLIBPQ_SHIM_H
#define SWITCHGATE_CLIBPQ_SHIM_H

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif
#include <dlfcn.h>
#include <stddef.h>

#define SWITCHGATE_LIBPQ_FUNCTIONS(X) \
    X(PQconnectdbParams) X(PQstatus) X(PQerrorMessage) X(PQfinish) X(PQsetNoticeReceiver) \
    X(PQserverVersion) X(PQtransactionStatus) X(PQexecParams) X(PQclear) X(PQresultStatus) \
    X(PQgetResult) X(PQsendQuery) X(PQnfields) X(PQntuples) X(PQfname) X(PQgetisnull) \
    X(PQgetvalue) X(PQcmdStatus) X(PQresultErrorField) X(PQresultErrorMessage) X(PQputCopyEnd) \
    X(PQgetCopyData) X(PQfreemem)

/// The libpq functions switchgate calls; every field is set once loading succeeded.
typedef struct SwitchgateLibPQ {
#define SWITCHGATE_LIBPQ_FIELD(name) __typeof__(name) *_Nonnull name;
    SWITCHGATE_LIBPQ_FUNCTIONS(SWITCHGATE_LIBPQ_FIELD)
#undef SWITCHGATE_LIBPQ_FIELD
} SwitchgateLibPQ;

/// Loads libpq and fills `api`. Returns NULL on success, else the name of what
/// was missing: the library itself ("libpq.so.5") or one of its functions.
static inline const char *_Nullable switchgate_libpq_load(SwitchgateLibPQ *_Nonnull api) {
    static const char *const names[] = {"libpq.so.5", "libpq.so", "libpq.5.dylib", "libpq.dylib"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) return names[0];
#define SWITCHGATE_LIBPQ_LOAD(name) \
    api->name = (__typeof__(name) *)dlsym(library, #name); \
    if (api->name == NULL) return #name;
    SWITCHGATE_LIBPQ_FUNCTIONS(SWITCHGATE_LIBPQ_LOAD)
#undef SWITCHGATE_LIBPQ_LOAD
    return NULL;
}

#endif
