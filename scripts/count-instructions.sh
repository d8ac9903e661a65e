#!/usr/bin/env bash
# Instructions a `switchgate check` executes, all threads together, counted by
# valgrind's callgrind: a figure that does not move with the machine's load, for
# changes too small for wall-clock timing to show (a percent or two of a check
# whose timings vary by ten percent from one run to the next on a shared machine).
# Each binary given is counted on the same input, so builds compare directly.
#   Usage: scripts/count-instructions.sh BINARY [BINARY ...]
#   Environment: COUNT_INPUT=DIR  the history to check (default: lemmy's, from
#                ../shared/corpus); COUNT_FORMAT=json  the report format.
# Needs valgrind (apt-get install valgrind). Takes about ten seconds per binary.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: scripts/count-instructions.sh BINARY [BINARY ...]" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v valgrind >/dev/null || { echo "count-instructions: valgrind not found (apt-get install valgrind)" >&2; exit 2; }
INPUT="${COUNT_INPUT:-../shared/corpus/lemmy}"
FORMAT="${COUNT_FORMAT:-json}"
[ -d "$INPUT" ] || { echo "count-instructions: $INPUT is not a folder" >&2; exit 2; }

printf '%-50s %16s\n' "binary (check --format $FORMAT $(basename "$INPUT"))" "instructions"
for bin in "$@"; do
    [ -x "$bin" ] || { echo "count-instructions: $bin is not an executable" >&2; exit 2; }
    log="$(mktemp)"
    status=0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" check --format "$FORMAT" "$INPUT" \
        >/dev/null 2>"$log" || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        echo "count-instructions: $bin exited $status" >&2
        tail -5 "$log" >&2
        rm -f "$log"
        exit 2
    fi
    count="$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log" | tail -1)"
    rm -f "$log"
    [ -n "$count" ] || { echo "count-instructions: no count from valgrind for $bin" >&2; exit 2; }
    printf '%-50s %16s\n' "$bin" "$count"
done
