#!/usr/bin/env bash
# Hostile inputs against the release binary: a 100 MB file, 10,000-deep nesting,
# invalid UTF-8, NUL bytes, truncated files, random bytes. Passes when every run
# exits 0, 1 (syntax errors reported) or 2 (input refused with a message) — never
# a signal — and every run that exits 0 or 1 printed valid JSON.
#   scripts/stress.sh [path/to/switchgate]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN="${1:-.build/release/switchgate}"
if [ ! -x "$BIN" ]; then
    scripts/build-release.sh >&2
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" <<'PY'
import os, random, sys
w = sys.argv[1]
rnd = random.Random(7)
stmt = ("INSERT INTO events (id, kind, payload) VALUES (1, 'signup', '{\"a\": [1, 2]}'::jsonb) "
        "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind;\n"
        "SELECT e.id, count(*) FROM events e JOIN users u USING (id) WHERE e.kind IN ('a', 'b') GROUP BY 1;\n"
        "CREATE TABLE t_x (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'n', c int CHECK (c > 0));\n")
with open(os.path.join(w, "big.sql"), "w") as f:
    n = (100 * 1000 * 1000) // len(stmt) + 1
    f.write(stmt * n)
d = 10000
open(os.path.join(w, "deep-parens.sql"), "w").write("SELECT " + "(" * d + "1" + ")" * d + ";\nSELECT 2;\n")
open(os.path.join(w, "deep-subqueries.sql"), "w").write("SELECT " + "(SELECT " * d + "1" + ")" * d + ";\n")
open(os.path.join(w, "deep-arrays.sql"), "w").write("SELECT " + "ARRAY[" * d + "1" + "]" * d + ";\n")
open(os.path.join(w, "long-chain.sql"), "w").write("SELECT 1" + " + 1" * 100000 + ";\n")
open(os.path.join(w, "unclosed-parens.sql"), "w").write("SELECT " + "(" * 100000 + ";\n")
with open(os.path.join(w, "invalid-utf8.sql"), "wb") as f:
    f.write(b"SELECT '\xff\xfe\xc3' FROM t;\nSELECT \x80abc;\n")
with open(os.path.join(w, "nul.sql"), "wb") as f:
    f.write(b"SELECT 1;\x00\x00SELECT\x002;\n")
src = stmt.encode() * 3
for i in range(0, len(src), 37):
    open(os.path.join(w, "trunc-%04d.sql" % i), "wb").write(src[:i])
alphabet = b"()[];,.:'\"$-/*+<>=!~@#%^&|`?\\ \n\tSELECTfromWHEREcase0123456789eEuU&xX\x00\xff"
for i in range(200):
    open(os.path.join(w, "random-%03d.sql" % i), "wb").write(bytes(rnd.choice(alphabet) for _ in range(rnd.randint(0, 2000))))
PY

failures=0
check() {
    local dialect="$1"; shift
    local out="$WORK/out.json" rc=0
    "$BIN" parse --dialect "$dialect" --format json "$@" >"$out" 2>"$WORK/err.txt" || rc=$?
    if [ "$rc" -gt 2 ]; then
        echo "FAIL ($dialect, exit $rc): $*" >&2
        failures=$((failures + 1))
    elif [ "$rc" -le 1 ] && ! python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$out"; then
        echo "FAIL ($dialect): invalid JSON for $*" >&2
        failures=$((failures + 1))
    fi
}
for dialect in postgres sqlite; do
    for f in "$WORK"/*.sql; do
        case "$f" in */big.sql) continue ;; esac
        check "$dialect" "$f"
    done
done
start=$(date +%s.%N)
"$BIN" parse --format summary "$WORK/big.sql" || { rc=$?; [ "$rc" -le 1 ] || { echo "FAIL: big.sql exit $rc" >&2; failures=$((failures + 1)); }; }
end=$(date +%s.%N)
echo "stress: 100 MB file parsed in $(python3 -c "print(round($end - $start, 2))") s"
count=$(ls "$WORK"/*.sql | wc -l)
echo "stress: $((count * 2 - 1)) runs, $failures failures"
[ "$failures" -eq 0 ]
