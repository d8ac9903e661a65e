// libpq's client API. `pkg-config --cflags libpq` adds the include folder
// (/usr/include/postgresql on Debian); only PostgresAdapter imports this module.
#ifndef SWITCHGATE_CLIBPQ_SHIM_H
#define SWITCHGATE_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
