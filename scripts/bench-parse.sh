#!/usr/bin/env bash
# Parse throughput: `switchgate parse --format summary` vs `squawk` on the same files.
#   1. generates the synthetic corpus in /tmp/switchgate-synth (2,000 files, ~20 MiB, seed 42)
#      unless it is already there;
#   2. builds the release binary (scripts/build-release.sh);
#   3. times both tools on the synthetic corpus and on the PostgreSQL files of
#      ../shared/corpus (median of BENCH_RUNS runs, default 5) and prints a table.
# Environment:
#   BENCH_RUNS=5                 timed runs per tool and input
#   BENCH_SCRATCH_PATH=.build    swift build scratch path (binary: $BENCH_SCRATCH_PATH/release/switchgate)
#   BENCH_SKIP_BUILD=1           use the existing binary
#   BENCH_SWITCHGATE_CMD=...     override the switchgate command prefix (e.g. "cat")
#   BENCH_SQUAWK_CMD=...         override the squawk command prefix (default "squawk --reporter gcc", its cheapest output)
# Needs: python3, squawk (python3 -m pip install squawk-cli), swift.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SHARED="$(cd ../shared && pwd)"
SYNTH=/tmp/switchgate-synth
STAMP="$SYNTH/.bench-stamp"
GEN_ARGS=(--out "$SYNTH" --files 2000 --target-mb 20 --seed 42)
SCRATCH="${BENCH_SCRATCH_PATH:-.build}"

command -v squawk >/dev/null || { echo "bench-parse: squawk not found (python3 -m pip install squawk-cli)" >&2; exit 2; }

# 1. synthetic corpus (deterministic; regenerated if missing or made with other arguments)
want_stamp="$(sha256sum "$SHARED/tools/gen-synthetic-corpus.py" | cut -d' ' -f1) ${GEN_ARGS[*]}"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want_stamp" ] \
        || [ "$(find "$SYNTH" -name '*.sql' | wc -l)" -ne 2000 ]; then
    echo "bench-parse: generating $SYNTH" >&2
    python3 "$SHARED/tools/gen-synthetic-corpus.py" "${GEN_ARGS[@]}" >&2
    printf '%s\n' "$want_stamp" >"$STAMP"
fi

# 2. release build
if [ -z "${BENCH_SWITCHGATE_CMD:-}" ]; then
    if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
        echo "bench-parse: scripts/build-release.sh (scratch path $SCRATCH)" >&2
        scripts/build-release.sh --scratch-path "$SCRATCH" >&2
    fi
    BIN="$SCRATCH/release/switchgate"
    [ -x "$BIN" ] || { echo "bench-parse: $BIN not found" >&2; exit 2; }
    BENCH_SWITCHGATE_CMD="$(printf '%q' "$(realpath "$BIN")") parse --format summary"
fi

# 3. measure
exec python3 scripts/bench_parse.py --synth "$SYNTH" --corpus "$SHARED/corpus" \
    --switchgate-cmd "$BENCH_SWITCHGATE_CMD" --squawk-cmd "${BENCH_SQUAWK_CMD:-squawk --reporter gcc}"
