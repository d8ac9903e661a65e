#!/usr/bin/env python3
"""bench_parse.py - parse throughput of switchgate vs squawk on the same files.

Called by scripts/bench-parse.sh (which generates the synthetic corpus and
builds the release binary); can be run on its own once both exist.

For each input (the synthetic corpus, and the PostgreSQL .sql files of the
shared real-world corpus, i.e. every .sql file not under a sqlite/ folder) it
runs, with the input root as working directory and the same sorted list of
relative paths as arguments:
    switchgate parse --format summary FILES...
    squawk FILES...
once untimed (warm-up + sanity checks: exit status, squawk really read every
file, switchgate's summary line), then RUNS timed runs each (stdout/stderr to
/dev/null), and prints the median wall time, throughput and the ratio
squawk/switchgate (> 1 means switchgate is faster).

Exit status of squawk: 0 (no findings) and 1 (findings) are both fine.
switchgate's exit status is reported, not judged (a corpus file the
PostgreSQL parser itself rejects may make it non-zero).

Environment / options:
  BENCH_RUNS (--runs)              timed runs per tool and input (default 5)
  BENCH_SWITCHGATE_CMD (--switchgate-cmd)
                                   command prefix (default: <repo>/.build/release/switchgate
                                   parse --format summary); e.g. "cat" as a stand-in
  BENCH_SQUAWK_CMD (--squawk-cmd)  command prefix (default: squawk); e.g.
                                   "squawk --reporter gcc" for its cheapest reporter
"""
import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIB = 1024 * 1024


def sql_files(root, skip_sqlite):
    out = []
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for f in files:
            if f.lower().endswith(".sql"):
                rel = os.path.relpath(os.path.join(dirpath, f), root)
                if skip_sqlite and "/sqlite/" in "/" + rel.replace(os.sep, "/"):
                    continue
                out.append(rel)
    return sorted(out)


def check_argv(cmd, files):
    # execve limit: argv + envp strings (with NULs and pointers) must fit ARG_MAX.
    need = sum(len(a.encode()) + 1 + 8 for a in cmd + files)
    need += sum(len(k) + len(v) + 2 + 8 for k, v in os.environ.items())
    limit = os.sysconf("SC_ARG_MAX")
    if need > limit * 0.9:
        sys.exit("bench: argument list for %s would be %d bytes, ARG_MAX is %d; "
                 "use fewer/shorter paths" % (cmd[0], need, limit))
    return need, limit


def run_once(cmd, files, cwd, capture=False):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd + files, cwd=cwd,
                       stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE if capture else subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu, p


def bench(cmd, files, cwd, runs):
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, _p = run_once(cmd, files, cwd)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus), min(walls), max(walls)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    ap.add_argument("--synth", default="/tmp/switchgate-synth")
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"))
    ap.add_argument("--switchgate-cmd", default=os.environ.get(
        "BENCH_SWITCHGATE_CMD",
        shlex.quote(os.path.join(REPO, ".build", "release", "switchgate")) + " parse --format summary"))
    ap.add_argument("--squawk-cmd", default=os.environ.get("BENCH_SQUAWK_CMD", "squawk --reporter gcc"))
    a = ap.parse_args()
    if a.runs < 1:
        sys.exit("bench: --runs must be >= 1")

    sg = shlex.split(a.switchgate_cmd)
    sq = shlex.split(a.squawk_cmd)
    inputs = [("synthetic", os.path.abspath(a.synth), False),
              ("corpus-pg", os.path.abspath(os.path.normpath(a.corpus)), True)]
    rows = []
    for name, root, skip_sqlite in inputs:
        files = sql_files(root, skip_sqlite)
        if not files:
            sys.exit("bench: no .sql files under %s" % root)
        nbytes = sum(os.path.getsize(os.path.join(root, f)) for f in files)
        for cmd in (sg, sq):
            need, limit = check_argv(cmd, files)
        print("bench: %s: %d files, %d bytes under %s (argv %d of ARG_MAX %d bytes)"
              % (name, len(files), nbytes, root, need, limit), file=sys.stderr)

        # switchgate reads folders itself; where the folder holds exactly these files,
        # give it the folder (swift-argument-parser is quadratic in the number of
        # positional arguments: ~0.15 s for 2,000 paths). squawk does not recurse.
        sg_files = ["."] if not skip_sqlite else files
        # warm-up + sanity checks (untimed)
        _w, _c, p = run_once(sg, sg_files, root, capture=True)
        summary = p.stdout.decode("utf-8", "replace").strip().splitlines()
        print("bench: %s: switchgate exit %d, stdout %d lines%s" % (
            name, p.returncode, len(summary),
            (", last: " + summary[-1][:200]) if summary else ""), file=sys.stderr)
        if summary and ("files=%d " % len(files)) not in summary[-1]:
            sys.exit("bench: switchgate did not read the same %d files: %s" % (len(files), summary[-1]))
        if p.returncode not in (0, 1):
            print("bench: warning: switchgate exited %d: %s" % (
                p.returncode, p.stderr.decode("utf-8", "replace")[-500:]), file=sys.stderr)
        _w, _c, p = run_once(sq + ["--verbose"], files, root, capture=True)
        if p.returncode not in (0, 1):
            sys.exit("bench: squawk exited %d: %s" % (p.returncode, p.stderr.decode()[-500:]))
        log = p.stderr.decode("utf-8", "replace")
        checked = log.count("checking file path")
        if checked != len(files):
            sys.exit("bench: squawk checked %d of %d files" % (checked, len(files)))
        if "no config file found" not in log:
            print("bench: warning: squawk found a config file", file=sys.stderr)
        out = p.stdout.decode("utf-8", "replace")
        print("bench: %s: squawk exit %d, checked %d files, %d 'syntax-error' mentions, %d bytes of stdout"
              % (name, p.returncode, checked, out.count("syntax-error"), len(out)), file=sys.stderr)

        sg_med, sg_cpu, sg_min, sg_max = bench(sg, sg_files, root, a.runs)
        sq_med, sq_cpu, sq_min, sq_max = bench(sq, files, root, a.runs)
        rows.append((name, len(files), nbytes / MIB, sg_med, sg_cpu, sq_med, sq_cpu))
        print("bench: %s: switchgate wall min/med/max %.3f/%.3f/%.3f s, squawk %.3f/%.3f/%.3f s"
              % (name, sg_min, sg_med, sg_max, sq_min, sq_med, sq_max), file=sys.stderr)

    print("runs per tool: %d (median wall time; cpu = user+sys of the child); "
          "switchgate: %s; squawk: %s" % (a.runs, " ".join(sg), " ".join(sq)))
    hdr = ("input", "files", "MiB", "switchgate s", "MiB/s", "sg cpu s",
           "squawk s", "sq cpu s", "squawk/switchgate")
    print("%-10s %6s %7s %13s %8s %9s %9s %9s %18s" % hdr)
    for name, n, mib, sgm, sgc, sqm, sqc in rows:
        print("%-10s %6d %7.2f %13.3f %8.1f %9.3f %9.3f %9.3f %18.2f" % (
            name, n, mib, sgm, mib / sgm if sgm else float("inf"), sgc,
            sqm, sqc, sqm / sgm if sgm else float("inf")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
