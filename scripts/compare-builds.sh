#!/usr/bin/env bash
# Two builds of switchgate side by side, for a change meant to make `check` faster
# without changing what it reports:
#   1. every report is compared byte for byte (and exit status): each synthetic service
#      and the lemmy, harness and vaultwarden histories (JSON; lemmy in all four
#      formats) and every sample with its own arguments (all four formats);
#   2. `check --format json` is timed on lemmy and on one synthetic service, the two
#      builds taking turns: median wall time and median processor time (user + system).
# Usage: scripts/compare-builds.sh OLD_BINARY NEW_BINARY
# Environment: COMPARE_RUNS=30 timed runs per build on lemmy (a fifth of them on the
# synthetic service). Exit 1 when any report differs.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: scripts/compare-builds.sh OLD_BINARY NEW_BINARY" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OLD="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
NEW="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
SHARED="$(cd ../shared && pwd)"
SYNTH=/tmp/switchgate-synth
RUNS="${COMPARE_RUNS:-30}"
for bin in "$OLD" "$NEW"; do [ -x "$bin" ] || { echo "compare-builds: $bin is not an executable" >&2; exit 2; }; done
if [ "$(find "$SYNTH" -name '*.sql' 2>/dev/null | wc -l)" -ne 2000 ]; then
    python3 "$SHARED/tools/gen-synthetic-corpus.py" --out "$SYNTH" --files 2000 --target-mb 20 --seed 42 >&2
fi

python3 - "$OLD" "$NEW" "$RUNS" "$SYNTH" "$SHARED/corpus" <<'EOF'
import os, resource, statistics, subprocess, sys, time

old, new, runs, synth, corpus = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
formats = ["json", "text", "sarif", "github"]
cases = []  # (name, arguments, working folder, formats)
for service in sorted(os.listdir(synth)):
    folder = os.path.join(synth, service, "migrations")
    if os.path.isdir(folder):
        cases.append((f"synthetic/{service}", [folder], None, ["json"]))
cases.append(("lemmy", [os.path.join(corpus, "lemmy")], None, formats))
cases.append(("harness", [os.path.join(corpus, "harness", "postgres")], None, ["json"]))
cases.append(("vaultwarden", [os.path.join(corpus, "vaultwarden", "postgresql")], None, ["json"]))
for sample in sorted(os.listdir("samples")):
    args = os.path.join("samples", sample, "args")
    if os.path.isfile(args):
        with open(args) as f:
            cases.append((f"samples/{sample}", [line.rstrip("\n") for line in f if line.strip()],
                          os.path.join("samples", sample), formats))

differing = 0
for name, args, cwd, fmts in cases:
    for fmt in fmts:
        a = subprocess.run([old, "check", "--format", fmt, *args], cwd=cwd, capture_output=True)
        b = subprocess.run([new, "check", "--format", fmt, *args], cwd=cwd, capture_output=True)
        if (a.returncode, a.stdout, a.stderr) != (b.returncode, b.stdout, b.stderr):
            differing += 1
            print(f"DIFFERENT: {name} --format {fmt} (exit {a.returncode} vs {b.returncode})")
compared = sum(len(c[3]) for c in cases)
print(f"reports compared: {compared}, different: {differing}")

def timed(binary, args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "check", "--format", "json", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

print(f"{'input':22} {'runs':>5} {'old s':>8} {'new s':>8} {'old cpu s':>10} {'new cpu s':>10} {'old/new':>8}")
service = next((c for c in cases if c[0].startswith("synthetic/")), None)
for name, args, count in [("lemmy", [os.path.join(corpus, "lemmy")], runs)] + (
        [(service[0], service[1], max(3, runs // 5))] if service else []):
    times = {old: [], new: []}
    for _ in range(count):
        for binary in (old, new):
            times[binary].append(timed(binary, args))
    med = {b: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t)) for b, t in times.items()}
    print(f"{name:22} {count:>5} {med[old][0]:>8.3f} {med[new][0]:>8.3f} {med[old][1]:>10.3f} {med[new][1]:>10.3f} "
          f"{med[old][0] / med[new][0]:>8.2f}")
sys.exit(1 if differing else 0)
EOF
