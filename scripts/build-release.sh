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
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec swift build -c release --static-swift-stdlib -Xlinker -no-pie --product switchgate "$@"
