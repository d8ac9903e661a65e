#!/usr/bin/env python3
"""Checks switchgate's query verdicts in end-to-end case folders against a real engine.

usage: verify-cases.py SWITCHGATE CASE_FOLDER...

For each folder: runs `switchgate check <args> --format json` there, rebuilds
S1 (schema + the statements placed in expand, backfill or breaking) and S2
(schema + every statement) on a scratch database, and asks the engine about
every query: PostgreSQL 15 with PREPARE (and, for INSERTs, EXECUTE with
non-null values inside BEGIN ... ROLLBACK, so NOT NULL coverage counts), or
SQLite with sqlite3_prepare (EXPLAIN) and the same rolled-back INSERT. A data
error other than 23502 (FK, unique, check) is not a binding failure.

Environment: PGURL (default postgresql://postgres@127.0.0.1:55432/postgres).
Exit status 1 when an engine verdict disagrees with switchgate's.
"""
import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

PGURL = os.environ.get("PGURL", "postgresql://postgres@127.0.0.1:55432/postgres")


def split_statements(text):
    """Splits a query file on `;` outside quotes and comments; yields (line, name, sql)."""
    out, buf, i, line, start, name, pending = [], "", 0, 1, None, None, None
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith("--", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            m = re.match(r"--\s*name:\s*(\S+)", text[i:j])
            if m:
                pending = m.group(1)
            if start is not None:
                buf += text[i:j]
            i = j
            continue
        if c in "'\"":
            j = i + 1
            while j < n and text[j] != c:
                j += 1
            seg = text[i:j + 1]
            if start is None:
                start, name = line, pending
            buf += seg
            line += seg.count("\n")
            i = j + 1
            continue
        if c == ";":
            if start is not None:
                out.append((start, name, buf.strip()))
            buf, start, pending = "", None, None
            i += 1
            continue
        if c == "\n":
            line += 1
        if start is None and not c.isspace():
            start, name = line, pending
        if start is not None:
            buf += c
        i += 1
    if start is not None and buf.strip():
        out.append((start, name, buf.strip()))
    return out


def load_queries(folder, paths):
    queries = {}
    files = []
    for p in paths:
        full = os.path.join(folder, p)
        if os.path.isdir(full):
            for root, _, names in os.walk(full):
                files += [os.path.join(root, x) for x in sorted(names) if x.endswith((".sql", ".csv"))]
        else:
            files.append(full)
    for f in files:
        rel = os.path.relpath(f, folder)
        text = open(f, encoding="utf-8").read()
        if f.endswith(".csv"):
            reader = csv.reader(io.StringIO(text))
            header = next(reader)
            col = [h.strip().lower() for h in header].index("query")
            line = 2
            for row in reader:
                if row:
                    queries[(rel, line)] = row[col]
                line += 1 + row[col].count("\n") if row else 1
        else:
            for line, _, sql in split_statements(text):
                queries[(rel, line)] = sql
    return queries


def numbered(sql, dialect):
    """Rewrites sqlc and named placeholders into $n (PostgreSQL) or ? (SQLite), outside string literals."""
    parts = re.split(r"('(?:[^']|'')*')", sql)
    code = parts[0::2]
    taken = len(set(re.findall(r"\$(\d+)", "".join(code))))
    names = {}

    def slot(key):
        if dialect == "sqlite":
            return "?"
        if key not in names:
            names[key] = taken + len(names) + 1
        return f"${names[key]}"

    def question(_):
        names[object()] = None
        return f"${taken + len(names)}"

    for i, piece in enumerate(code):
        piece = re.sub(r"sqlc\.(?:arg|narg|slice)\(\s*'?(\w+)'?\s*\)", lambda m: slot(m.group(1)), piece)
        piece = re.sub(r"(?<![\w:@])@(\w+)", lambda m: slot(m.group(1)), piece)
        piece = re.sub(r"(?<![\w:]):(\w+)", lambda m: slot(m.group(1)), piece)
        if dialect == "sqlite":
            piece = re.sub(r"\$\w+|\?\d+", "?", piece)
        else:
            piece = re.sub(r"\?", question, piece)
        code[i] = piece
    parts[0::2] = code
    return "".join(parts)


def psql(db, script):
    r = subprocess.run(["psql", "-X", "-q", "-At", "-v", "VERBOSITY=verbose", "-v", "ON_ERROR_STOP=1", db],
                       input=script, capture_output=True, text=True)
    return r.returncode == 0, r.stdout, r.stderr


def sample_value(t):
    t = t.strip()
    if t.endswith("[]"):
        return "'{}'"
    table = {"integer": "1", "bigint": "1", "smallint": "1", "numeric": "1", "boolean": "true", "text": "'x'",
             "character varying": "'x'", "uuid": "gen_random_uuid()", "jsonb": "'{}'", "json": "'{}'",
             "timestamp with time zone": "now()", "timestamp without time zone": "now()", "date": "current_date",
             "double precision": "1", "real": "1", "bytea": "'x'"}
    if t in table:
        return table[t]
    return None


ENUM_OR_ONE = ("SELECT CASE WHEN t.typtype = 'e' THEN (SELECT quote_literal(enumlabel) FROM pg_enum "
               "WHERE enumtypid = t.oid ORDER BY enumsortorder LIMIT 1) ELSE '1' END "
               "FROM pg_type t WHERE t.oid = '{t}'::regtype;\n")


class PG:
    def __init__(self, name):
        self.name = name
        base = PGURL.rsplit("/", 1)[0]
        self.url = f"{base}/{name}"
        psql(PGURL, f"DROP DATABASE IF EXISTS {name};\nCREATE DATABASE {name};\n")

    def drop(self):
        psql(PGURL, f"DROP DATABASE IF EXISTS {self.name};\n")

    def run(self, sql):
        return psql(self.url, sql + ";\n")

    def run_all(self, statements):
        """One session, so that session settings (SET search_path) carry from statement to statement."""
        script = "".join(s + ";\n" for s in statements)
        r = subprocess.run(["psql", "-X", "-q", "-At", "-v", "VERBOSITY=verbose", "-v", "ON_ERROR_STOP=0", self.url],
                           input=script, capture_output=True, text=True)
        return [line for line in r.stderr.splitlines() if "ERROR:" in line]

    def check(self, sql, is_insert):
        ok, out, err = psql(self.url, f"PREPARE q AS {sql};\nSELECT array_to_string(parameter_types::text[], '|') "
                                      f"FROM pg_prepared_statements WHERE name = 'q';\n")
        if not ok:
            return False, first_error(err)
        if not is_insert:
            return True, ""
        types = [x for x in out.strip().split("|") if x] if out.strip() else []
        values = []
        for t in types:
            v = sample_value(t)
            if v is None:  # an enum (its first label) or a domain (assumed numeric)
                ok2, o2, _ = psql(self.url, ENUM_OR_ONE.format(t=t))
                v = o2.strip() if ok2 and o2.strip() else "'1'"
            values.append(v)
        args = f"({', '.join(values)})" if values else ""
        ok, _, err = psql(self.url, f"BEGIN;\nPREPARE q AS {sql};\nEXECUTE q{args};\nROLLBACK;\n")
        if ok:
            return True, ""
        e = first_error(err)
        if e.startswith("23") and not e.startswith("23502"):
            return True, f"(data error ignored: {e})"
        return False, e


class Lite:
    def __init__(self):
        self.conn = sqlite3.connect(":memory:", isolation_level=None)

    def run_all(self, statements):
        errors = []
        for sql in statements:
            ok, _, err = self.run(sql)
            if not ok:
                errors.append(f"{sql[:60]!r}: {err.strip()[:120]}")
        return errors

    def drop(self):
        self.conn.close()

    def run(self, sql):
        try:
            self.conn.executescript(sql + ";")
            return True, "", ""
        except sqlite3.Error as e:
            return False, "", str(e)

    def check(self, sql, is_insert):
        count = sql.count("?")
        try:
            self.conn.execute("EXPLAIN " + sql, [1] * count)
        except sqlite3.Error as e:
            return False, str(e)
        if not is_insert:
            return True, ""
        try:
            self.conn.execute("BEGIN")
            self.conn.execute(sql, [1] * count).fetchall()
            return True, ""
        except sqlite3.IntegrityError as e:
            return ("NOT NULL" not in str(e)), str(e)
        except sqlite3.Error as e:
            return False, str(e)
        finally:
            self.conn.execute("ROLLBACK")


def first_error(err):
    for line in err.splitlines():
        m = re.search(r"ERROR:\s+(\w{5}): (.*)", line)
        if m:
            return f"{m.group(1)} {m.group(2)}"
    return err.strip().splitlines()[0] if err.strip() else "error"


def args_of(folder):
    text = open(os.path.join(folder, "args"), encoding="utf-8").read()
    return [x.strip() for x in text.splitlines() if x.strip() and not x.strip().startswith("#")]


def verify(binary, folder):
    args = args_of(folder)
    r = subprocess.run([binary, "check"] + args + ["--format", "json"], cwd=folder, capture_output=True, text=True)
    if r.returncode == 2:
        print(f"{folder}: exit 2 ({r.stderr.strip().splitlines()[0] if r.stderr.strip() else ''}); nothing to bind")
        return 0, 0
    report = json.loads(r.stdout)
    dialect = args[args.index("--dialect") + 1] if "--dialect" in args else "postgres"
    schemas = [args[i + 1] for i, a in enumerate(args) if a == "--schema"]
    sides = {"blue": [args[i + 1] for i, a in enumerate(args) if a == "--blue"],
             "green": [args[i + 1] for i, a in enumerate(args) if a == "--green"]}
    texts = {side: load_queries(folder, paths) for side, paths in sides.items()}
    stmts = [s for s in report["statements"] if s["kind"] not in ("begin", "commit", "rollback")]
    plans = {"intermediate": [s["sql"] for s in stmts if s["phase"] in ("expand", "backfill", "breaking")],
             "final": [s["sql"] for s in stmts]}
    checked = disagreements = 0
    for schema_name, statements in plans.items():
        db = Lite() if dialect == "sqlite" else PG(f"sgv_{os.getpid()}_{schema_name}")
        try:
            schema_sql = []
            for s in schemas:
                schema_sql += [sql for _, _, sql in split_statements(open(os.path.join(folder, s), encoding="utf-8").read())]
            for err in db.run_all(schema_sql + statements):
                print(f"  [{schema_name}] refused (skipped, as the planner does): {err}")
            for q in report["queries"]:
                if q["schema"] != schema_name:
                    continue
                sql = texts[q["side"]].get((q["file"], q["line"]))
                if sql is None:
                    print(f"  ? no text for {q['side']} {q['file']}:{q['line']}")
                    disagreements += 1
                    continue
                sql = numbered(sql, dialect)
                is_insert = re.match(r"\s*(with\b.*?\)\s*)?insert\b", sql, re.I | re.S) is not None
                ok, why = db.check(sql, is_insert)
                checked += 1
                agree = ok == q["ok"]
                mark = "ok " if agree else "DISAGREE"
                codes = ",".join(p["code"] for p in q["problems"])
                print(f"  {mark} {q['side']:5} {schema_name:12} {q['file']}:{q['line']} "
                      f"engine={'ok' if ok else 'fails'} switchgate={'ok' if q['ok'] else 'fails'} {codes} {why}")
                if not agree:
                    disagreements += 1
        finally:
            db.drop()
    print(f"{folder}: {checked} verdicts checked, {disagreements} disagreements")
    return checked, disagreements


def main():
    binary = os.path.abspath(sys.argv[1])
    total = bad = 0
    for folder in sys.argv[2:]:
        c, d = verify(binary, folder)
        total += c
        bad += d
    print(f"total: {total} verdicts checked, {bad} disagreements")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
