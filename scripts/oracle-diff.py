#!/usr/bin/env python3
"""Compares `switchgate parse --format json` with the committed libpg_query oracle.

    python3 scripts/oracle-diff.py .build/release/switchgate [--show N] [--oracle FILE --root DIR]

Prints the agreement rate on statement boundaries and node names and the first
disagreements. The same comparison runs as a Swift test (OracleCorpusTests).
"""
import json, subprocess, sys, os
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(os.path.dirname(root), "shared", "corpus")
binary = sys.argv[1]
show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 30
oracle_path = sys.argv[sys.argv.index("--oracle") + 1] if "--oracle" in sys.argv else os.path.join(root, "Tests/Fixtures/oracle/postgres.jsonl")
if "--root" in sys.argv:
    corpus = sys.argv[sys.argv.index("--root") + 1]
oracle = [json.loads(l) for l in open(oracle_path)]
files = [os.path.join(corpus, o["file"]) for o in oracle]
out = subprocess.run([binary, "parse", "--format", "json", *files], capture_output=True, text=True)
ours = {}
for line in out.stdout.splitlines():
    d = json.loads(line)
    ours[os.path.relpath(d["file"], corpus)] = d["statements"]
total = agree = 0
problems = []
for o in oracle:
    mine = ours.get(o["file"], [])
    if not o["ok"]:
        if not any(s["error"] for s in mine):
            problems.append((o["file"], "oracle rejects the file, we report no error"))
        continue
    mine_by_start = {s["start"]: s for s in mine}
    for st in o["statements"]:
        total += 1
        m = mine_by_start.get(st["start"])
        if m and m["end"] == st["end"] and m["pg_node"] == st["kind"] and not m["error"]:
            agree += 1
        else:
            problems.append((o["file"], f'{st["kind"]} [{st["start"]},{st["end"]}) vs ' + (f'{m["pg_node"]} [{m["start"]},{m["end"]}) err={m["error"]}' if m else "missing")))
    extra = len(mine) - len(o["statements"])
    if extra > 0:
        problems.append((o["file"], f"{extra} extra statements"))
print(f"statements: {total}, agree: {agree} ({100.0*agree/max(total,1):.2f}%), problems: {len(problems)}")
for f, p in problems[:show]:
    print(f"  {f}: {p}")
