#!/usr/bin/env bash
# Full-check throughput (SPEC §7): `switchgate check` (parse, catalog replay, lock model,
# rules, phases) against `squawk` (lint) on the same migration histories, side by side.
#   inputs: each service of the synthetic corpus (/tmp/switchgate-synth, made by
#   ../shared/tools/gen-synthetic-corpus.py as in bench-parse.sh) and the PostgreSQL
#   histories of ../shared/corpus (lemmy, harness, vaultwarden).
#   For each input: median wall time of BENCH_RUNS runs of each tool (the two tools
#   take turns), and the ratio.
# Environment:
#   BENCH_RUNS=5            timed runs per tool and input
#   BENCH_SWITCHGATE=PATH   the binary (default .build/release/switchgate; build it first:
#                           scripts/build-release.sh)
#   BENCH_FORMAT=json       switchgate's report format (json: the whole report, the
#                           strictest pairing; github: one line per finding, like gcc)
#   BENCH_SQUAWK_REPORTER=gcc  squawk's reporter (gcc: one line per finding; tty: its default)
#   BENCH_ONLY=NAME         only the inputs whose name contains NAME (e.g. lemmy)
#   Each input's line also gives how many of the runs' pairs switchgate won.
# Needs: python3, squawk (python3 -m pip install squawk-cli).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SHARED="$(cd ../shared && pwd)"
SYNTH=/tmp/switchgate-synth
RUNS="${BENCH_RUNS:-5}"
SG="${BENCH_SWITCHGATE:-.build/release/switchgate}"
FORMAT="${BENCH_FORMAT:-json}"
REPORTER="${BENCH_SQUAWK_REPORTER:-gcc}"
ONLY="${BENCH_ONLY:-}"

command -v squawk >/dev/null || { echo "bench-check: squawk not found (python3 -m pip install squawk-cli)" >&2; exit 2; }
[ -x "$SG" ] || { echo "bench-check: $SG not found (scripts/build-release.sh)" >&2; exit 2; }
if [ "$(find "$SYNTH" -name '*.sql' 2>/dev/null | wc -l)" -ne 2000 ]; then
    python3 "$SHARED/tools/gen-synthetic-corpus.py" --out "$SYNTH" --files 2000 --target-mb 20 --seed 42 >&2
fi

python3 - "$SG" "$RUNS" "$SYNTH" "$SHARED/corpus" "$FORMAT" "$REPORTER" "$ONLY" <<'EOF'
import glob, os, shutil, statistics, subprocess, sys, time

sg, runs, synth, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
fmt, reporter, only = sys.argv[5], sys.argv[6], sys.argv[7]
inputs = [(f"synthetic/{s}", os.path.join(synth, s, "migrations")) for s in sorted(os.listdir(synth))
          if os.path.isdir(os.path.join(synth, s, "migrations"))]
inputs += [("lemmy", os.path.join(corpus, "lemmy")), ("harness", os.path.join(corpus, "harness", "postgres")),
           ("vaultwarden", os.path.join(corpus, "vaultwarden", "postgresql"))]

def files(folder):
    found = [p for p in glob.glob(os.path.join(folder, "**", "*.sql"), recursive=True) if not p.endswith(".down.sql")
             and not p.endswith("/down.sql")]
    return sorted(found)

def once(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if p.returncode not in (0, 1):
        sys.exit(f"bench-check: {cmd[0]} exited {p.returncode}: {p.stderr.decode()[:300]}")
    return elapsed

def timed_pair(a, b):
    # The two tools take turns, so a machine that speeds up or slows down during
    # the measurement (a shared VM does) weighs on both alike.
    ta, tb = [], []
    for _ in range(runs):
        ta.append(once(a))
        tb.append(once(b))
    won = sum(x < y for x, y in zip(ta, tb))
    return statistics.median(ta), statistics.median(tb), won

# squawk itself, not a launcher in front of it: pyenv's shim (a shell script that
# starts pyenv) would add tens of milliseconds to every squawk run.
squawk = shutil.which("squawk")
with open(squawk, "rb") as f:
    if f.read(2) == b"#!" and shutil.which("pyenv"):
        found = subprocess.run(["pyenv", "which", "squawk"], capture_output=True, text=True)
        if found.returncode == 0 and found.stdout.strip():
            squawk = found.stdout.strip()
inputs = [(name, folder) for name, folder in inputs if only in name]
if not inputs:
    sys.exit(f"bench-check: no input's name contains {only!r}")
print(f"runs per tool: {runs}, taking turns (median wall time); switchgate: {sg} check --format {fmt}; squawk: {squawk} --reporter {reporter}")
print(f"{'input':24} {'files':>6} {'MiB':>7} {'switchgate s':>13} {'squawk s':>9} {'squawk/switchgate':>18} {'pairs won':>10}")
total_sg = total_sq = 0.0
for name, folder in inputs:
    fs = files(folder)
    size = sum(os.path.getsize(f) for f in fs) / 2**20
    t_sg, t_sq, won = timed_pair([sg, "check", "--format", fmt, folder], [squawk, "--reporter", reporter, *fs])
    total_sg += t_sg
    total_sq += t_sq
    print(f"{name:24} {len(fs):>6} {size:>7.2f} {t_sg:>13.3f} {t_sq:>9.3f} {t_sq / t_sg:>18.2f} {f'{won}/{runs}':>10}")
print(f"{'total':24} {'':>6} {'':>7} {total_sg:>13.3f} {total_sq:>9.3f} {total_sq / total_sg:>18.2f}")
EOF
