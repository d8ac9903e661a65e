#!/usr/bin/env bash
# The release binary as it is measured and shipped (.build/release/switchgate; extra
# arguments, such as --scratch-path DIR, go to `swift build`):
#   --static-swift-stdlib  the Swift runtime and Foundation linked in, libpq loaded only
#                          when a connection is made: start-up ~19 ms -> ~6 ms.
#   -Xlinker -no-pie       a position-dependent executable: the dynamic loader then has
#                          no 82,000 relocations to apply to the program's data at every
#                          start (~1.4 ms of a check, a fifth of a small one). The cost is
#                          that the program's own code and data load at a fixed address
#                          (no ASLR for them; libraries and heaps keep it), as with Go's
#                          default Linux builds.
#   -Xlinker --no-export-dynamic
#                          SwiftPM exports every symbol of an executable's own modules
#                          (10,500 of them) for the dynamic loader; nothing looks them up
#                          (libpq and libc are reached with dlsym on their own handles),
#                          but the runtime's start-up dladdr scans them one by one, and
#                          each symbol the loader binds is looked for among them first.
#                          Without them a small check starts ~1 ms sooner (10.0 -> 9.0 ms).
#   -Xswiftc -cross-module-optimization
#                          generic code of one module (the catalog's copy-on-write boxes,
#                          hash trees, collections of its types) specialized where another
#                          module uses it, not run through value witnesses: lemmy's check
#                          executes ~1.5 % fewer instructions.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec swift build -c release --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic \
    -Xswiftc -cross-module-optimization --product switchgate "$@"
