#!/usr/bin/env python3
"""gen-oracle.py - statement-boundary oracle for the PostgreSQL corpus.

Parses every PostgreSQL .sql file under CORPUS_ROOT (every .sql file whose
path has no "/sqlite/" component) with pglast (libpg_query, the real
PostgreSQL parser) and writes one JSON line per file, sorted by path:

  {"file": "lemmy/migrations/.../up.sql", "ok": true, "error_offset": null,
   "statements": [{"kind": "CreateStmt", "start": 0, "end": 123}, ...]}

 * file: path relative to CORPUS_ROOT, '/'-separated.
 * start: UTF-8 byte offset of the statement's first token (libpg_query 18's
   stmt_location already skips leading whitespace and comments).
 * end: UTF-8 byte offset just past the statement's LAST token.  libpg_query's
   stmt_len runs up to the ';' and so includes trailing whitespace and
   comments; we trim them using the libpg_query scanner (pglast.parser.scan):
   end = end of the last non-comment token that starts inside
   [stmt_location, stmt_location + stmt_len).  scan() reports CHARACTER
   indexes with an INCLUSIVE end, so they are converted back to bytes here.
   The terminating ';' is never included.
 * ok=false (statements=[]) for files containing a NUL byte, invalid UTF-8, or
   a parse error; error_offset is then the byte offset of the NUL / the first
   invalid byte / the parser's error cursor (null when the parser gives none,
   e.g. "syntax error at end of input").

Usage: scripts/gen-oracle.py [CORPUS_ROOT] [-o OUT]
  CORPUS_ROOT defaults to ../shared/corpus relative to the repository root.
  OUT defaults to stdout.  Diagnostics (summary, failures) go to stderr.
Same pglast version + same corpus -> byte-identical output.
"""
import argparse
import json
import os
import sys

from pglast import parser as pgparser

COMMENT_TOKENS = {"SQL_COMMENT", "C_COMMENT"}


class OracleError(Exception):
    pass


def pg_files(root):
    found = []
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for f in files:
            if not f.lower().endswith(".sql"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/")
            if "/sqlite/" in "/" + rel:
                continue
            found.append(rel)
    return sorted(found)


def char_to_byte_table(text):
    """table[i] = UTF-8 byte offset of character i (table[len(text)] = total)."""
    table = [0] * (len(text) + 1)
    off = 0
    for i, ch in enumerate(text):
        table[i] = off
        o = ord(ch)
        off += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
    table[len(text)] = off
    return table


def analyze(data):
    """Return (ok, error_offset, statements, error_message) for the file bytes."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return False, nul, [], "file contains a NUL byte"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return False, e.start, [], "invalid UTF-8: %s" % e.reason
    c2b = char_to_byte_table(text)
    try:
        tree = json.loads(pgparser.parse_sql_json(text))
    except pgparser.ParseError as e:
        pos = e.args[1] if len(e.args) > 1 else None   # 0-based character index
        off = c2b[pos] if isinstance(pos, int) and 0 <= pos <= len(text) else None
        return False, off, [], str(e.args[0]) if e.args else str(e)

    # Token byte ranges [start, end) from the scanner, comments dropped.
    toks = []
    for t in pgparser.scan(text):
        if t.name in COMMENT_TOKENS:
            continue
        toks.append((c2b[t.start], c2b[t.end + 1]))  # scan() end is inclusive

    stmts = []
    ti = 0
    for raw in tree.get("stmts", []):
        (kind, _body), = raw["stmt"].items()
        loc = raw.get("stmt_location", 0)
        length = raw.get("stmt_len", 0)
        limit = loc + length if length else len(data)  # 0 == rest of input
        while ti < len(toks) and toks[ti][0] < loc:
            ti += 1
        first = ti
        while ti < len(toks) and toks[ti][0] < limit:
            ti += 1
        if first == ti:
            raise OracleError("statement %s at byte %d has no tokens" % (kind, loc))
        if toks[first][0] != loc:
            raise OracleError("statement %s: stmt_location %d is not its first token (%d)"
                              % (kind, loc, toks[first][0]))
        end = toks[ti - 1][1]
        if end > limit:
            raise OracleError("statement %s: last token ends at %d past %d" % (kind, end, limit))
        stmts.append({"kind": kind, "start": loc, "end": end})
    return True, None, stmts, None


def main(argv=None):
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("root", nargs="?",
                    default=os.path.join(repo_root, "..", "shared", "corpus"),
                    help="corpus root (default: ../shared/corpus from the repo root)")
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    args = ap.parse_args(argv)

    root = os.path.normpath(args.root)
    if not os.path.isdir(root):
        print("gen-oracle: corpus root not found: %s" % root, file=sys.stderr)
        return 2
    lines = []
    n_ok = n_stmts = 0
    for rel in pg_files(root):
        with open(os.path.join(root, rel), "rb") as fh:
            data = fh.read()
        try:
            ok, err_off, stmts, msg = analyze(data)
        except OracleError as e:
            print("gen-oracle: %s: %s" % (rel, e), file=sys.stderr)
            return 1
        if ok:
            n_ok += 1
            n_stmts += len(stmts)
        else:
            print("gen-oracle: rejected %s (byte %s): %s" % (rel, err_off, msg), file=sys.stderr)
        lines.append(json.dumps({"file": rel, "ok": ok, "error_offset": err_off,
                                 "statements": stmts},
                                ensure_ascii=False, separators=(", ", ": ")))
    out = "\n".join(lines) + "\n"
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(out)
        os.replace(tmp, args.output)
    else:
        sys.stdout.write(out)
    print("gen-oracle: pglast %s / PostgreSQL %d.%d: %d files, %d ok, %d rejected, %d statements"
          % (getattr(__import__("pglast"), "__version__", "?"), *pgparser.get_postgresql_version(),
             len(lines), n_ok, len(lines) - n_ok, n_stmts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
