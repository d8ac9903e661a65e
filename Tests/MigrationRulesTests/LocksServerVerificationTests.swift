import Foundation
import SchemaCatalog
import Testing

@testable import MigrationRules

/// Runs every form of `LockForms.all` on a real PostgreSQL 15 and compares what the server
/// does with what `LockModel(postgresVersion: 15)` says.
///
/// Forms that run in a transaction block run inside `BEGIN ... ROLLBACK` on the fixture
/// (tables with rows); the test reads the backend's own `pg_locks`, the `relfilenode` of
/// every relation, and `pg_stat_xact_user_tables.seq_scan`. Asserted, exactly:
/// - locks: for every relation of the fixture that existed before the statement, the
///   strongest mode held equals the model's (a relation locked by one side only is a mismatch);
///   relations the statement creates are invisible to others and excluded on both sides;
/// - rewrite: the tables and materialized views whose relfilenode changed equal the model's
///   `rewrites ∪ truncates`; the indexes whose relfilenode changed equal the indexes of those
///   plus the existing indexes in `buildsIndexes`;
/// - scan: for DDL, the tables with a sequential scan equal the model's `scans` (plus truncated
///   tables with indexes, whose rebuild over the empty file counts as a scan); for SELECT and
///   DML the plan decides, so their scans are not asserted;
/// - the form ran in a transaction block, and the model says it may.
///
/// Forms that cannot run in a transaction block (`LockForm.Probe.blockedBehind`) are first
/// run in one to check that the server refuses (and the model says so); then a second
/// session holds a lock on the table, the statement runs in a third and waits (for the lock,
/// or for that transaction to end, as CONCURRENTLY does), and a fourth reads the waiting
/// backend's `pg_locks`. Asserted: every relation it has locked or is waiting for is one the
/// model names, at a mode no stronger than the model's, and the table it waits on has exactly
/// the model's mode; after it finishes, the rewrite and scan assertions above (scans from
/// `pg_stat_user_tables` once the backend has exited and reported them). What only a later
/// phase shows is listed in the form's `unobservable`.
@Suite(.serialized)
struct LocksServerVerificationTests {
    struct Observation {
        var locks: [String: LockMode] = [:]
        var rewrittenTables: Set<String> = []
        var rebuiltIndexes: Set<String> = []
        var scanned: Set<String> = []
        /// For the blocked probes: what the waiting session held or waited for, for the table.
        var waiting: String = ""
    }

    struct Relation {
        var oid: String
        var name: String
        var kind: String
        var filenode: String
    }

    @Test(.needsLockServer, .timeLimit(.minutes(10)))
    func everyModelledFormMatchesTheServer() throws {
        let base = "switchgate_locks_\(ProcessInfo.processInfo.processIdentifier)"
        let admin = try LockServer.url(database: "postgres")
        let fixtureDB = base + "_fixture"
        _ = try? LockServer.run(admin, "DROP DATABASE IF EXISTS \(fixtureDB);")
        try LockServer.run(admin, "CREATE DATABASE \(fixtureDB);")
        defer { _ = try? LockServer.run(admin, "DROP DATABASE IF EXISTS \(fixtureDB);") }
        let fixtureURL = try LockServer.url(database: fixtureDB)
        try LockServer.run(fixtureURL, LockForms.fixture + "\n" + LockForms.fixtureRows)

        let catalog = LockForms.catalog(postgresVersion: 15)
        var rows: [[String]] = []
        var mismatches: [String] = []
        for (n, form) in LockForms.all.enumerated() {
            let model = LockModel(postgresVersion: 15, sessionTimeZoneIsUTC: form.utcSession)
            let effects = LockForms.effects(of: form, model: model, catalog: catalog)
            var problems: [String] = []
            var observed = Observation()
            var before: [Relation] = []
            do {
            switch form.probe {
            case .inTransaction:
                before = try relations(fixtureURL)
                observed = try runInTransaction(form, url: fixtureURL, before: before)
                if !effects.mayRunInTransactionBlock { problems.append("ran in a transaction block, model says it may not") }
            case .blockedBehind(let table, let mode):
                // The server refuses it in a transaction block, as the model says.
                do {
                    try LockServer.run(fixtureURL, "BEGIN;\n\(form.sql);\nROLLBACK;\n")
                    problems.append("the server accepted it in a transaction block")
                } catch let error as LockServer.Failure where error.description.contains("transaction block") {
                } catch {
                    problems.append("unexpected error in a transaction block: \(error)")
                }
                if effects.mayRunInTransactionBlock { problems.append("model says it may run in a transaction block") }
                let db = "\(base)_\(n)"
                try LockServer.run(admin, "CREATE DATABASE \(db) TEMPLATE \(fixtureDB);")
                defer { _ = try? LockServer.run(admin, "DROP DATABASE IF EXISTS \(db);") }
                let url = try LockServer.url(database: db)
                before = try relations(url)
                var o = try runBlocked(form, url: url, table: table, mode: mode, before: before)
                // Only what is taken up to the wait is visible: compare at most the model's mode.
                for (relation, held) in o.locks {
                    guard let expected = effects.locks.first(where: { $0.relation.name == relation })?.mode else {
                        problems.append("locks \(relation) (\(held)), model does not")
                        continue
                    }
                    if held > expected { problems.append("\(relation): server \(held), model \(expected)") }
                }
                let waited = effects.locks.first { $0.relation.name == table }?.mode
                if o.locks[table] != waited {
                    problems.append("\(table): server \(o.locks[table].map { "\($0)" } ?? "none"), model \(waited.map { "\($0)" } ?? "none")")
                }
                o.waiting = o.locks.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                    .map { "\($0.key) \(short($0.value))" }.joined(separator: ", ") + " (while waiting)"
                o.locks = [:]
                observed = o
            }
            } catch {
                problems.append("the server run failed: \(error)")
            }
            if let unsupported = effects.unsupported { problems.append("model says unsupported at 15: \(unsupported)") }
            problems += compare(form, effects, observed, before: before)
            let expectedLocks = effects.locks.filter { $0.relation.schema == "public" }
                .map { "\($0.relation.name) \(short($0.mode))" }.joined(separator: ", ")
            let observedLocks: String
            if case .inTransaction = form.probe {
                observedLocks = observed.locks.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                    .map { "\($0.key) \(short($0.value))" }.joined(separator: ", ")
            } else {
                observedLocks = observed.waiting
            }
            let rewrite = "\(yesNo(!effects.rewrites.isEmpty || !effects.truncates.isEmpty))/\(yesNo(!observed.rewrittenTables.isEmpty))"
            let scan = effects.isDataStatement ? "\(yesNo(!effects.scans.isEmpty))/n.a." : "\(yesNo(!effects.scans.isEmpty))/\(yesNo(!observed.scanned.isEmpty))"
            rows.append([form.name, expectedLocks, observedLocks, rewrite, scan, problems.isEmpty ? "ok" : "MISMATCH"])
            for p in problems { mismatches.append("\(form.name): \(p)") }
        }
        print(table(rows))
        print("forms verified: \(rows.filter { $0.last == "ok" }.count) of \(rows.count)")
        for m in mismatches { Issue.record(Comment(rawValue: m)) }
    }

    // MARK: Running

    func relations(_ url: String) throws -> [Relation] {
        try LockServer.run(
            url,
            "SELECT c.oid || '|' || c.relname || '|' || c.relkind::text || '|' || c.relfilenode FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace;"
        ).compactMap { line in
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            return f.count == 4 ? Relation(oid: f[0], name: f[1], kind: f[2], filenode: f[3]) : nil
        }
    }

    func timeZone(_ form: LockForm) -> String { form.utcSession ? "UTC" : "America/New_York" }

    func runInTransaction(_ form: LockForm, url: String, before: [Relation]) throws -> Observation {
        let script = """
            SET TIME ZONE '\(timeZone(form))';
            BEGIN;
            CREATE TEMP TABLE sg_scan0 ON COMMIT DROP AS SELECT relid, seq_scan FROM pg_stat_xact_user_tables;
            \(form.sql);
            SELECT 'L|' || l.relation::oid::text || '|' || l.mode FROM pg_locks l
                WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation'
                AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
            SELECT 'F|' || c.relname || '|' || c.relfilenode FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace;
            SELECT 'S|' || t.relname || '|' || (t.seq_scan - coalesce(a.seq_scan, 0)) FROM pg_stat_xact_user_tables t
                LEFT JOIN sg_scan0 a USING (relid) WHERE t.schemaname = 'public';
            ROLLBACK;
            """
        let lines = try LockServer.run(url, script)
        return observe(lines, before: before)
    }

    func observe(_ lines: [String], before: [Relation]) -> Observation {
        let byOID = Dictionary(before.map { ($0.oid, $0) }, uniquingKeysWith: { a, _ in a })
        var o = Observation()
        var after: [String: String] = [:]
        for line in lines {
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 3 else { continue }
            switch f[0] {
            case "L":
                guard let r = byOID[f[1]], let mode = LockMode(name: f[2]) else { continue }
                o.locks[r.name] = max(o.locks[r.name] ?? mode, mode)
            case "F":
                after[f[1]] = f[2]
            case "S":
                if (Int(f[2]) ?? 0) > 0 { o.scanned.insert(f[1]) }
            default:
                break
            }
        }
        for r in before {
            guard let now = after[r.name], now != r.filenode else { continue }
            if r.kind == "i" { o.rebuiltIndexes.insert(r.name) } else if r.kind == "r" || r.kind == "m" { o.rewrittenTables.insert(r.name) }
        }
        return o
    }

    func runBlocked(_ form: LockForm, url: String, table: String, mode: LockMode, before: [Relation]) throws -> Observation {
        let tag = "sg_lock_\(ProcessInfo.processInfo.processIdentifier)"
        let scansBefore = try sequentialScans(url)
        // Session A holds the lock in an open transaction.
        let (holder, holderIn, _, _) = LockServer.process(url: url, environment: ["PGAPPNAME": tag + "_a"])
        try holder.run()
        // On any failure, end both sessions so that the scratch database can be dropped.
        var runner: Process?
        defer {
            if holder.isRunning { holder.terminate() }
            if let runner, runner.isRunning { runner.terminate() }
        }
        holderIn.fileHandleForWriting.write(Data("BEGIN;\nLOCK TABLE \(table) IN \(mode) MODE;\n".utf8))
        try waitFor(url, "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name = '\(tag)_a' AND l.locktype = 'relation' AND l.granted AND l.mode = '\(mode.pgLocksName)'")
        // Session B runs the statement and waits.
        let (statementSession, runnerIn, _, runnerErr) = LockServer.process(
            url: url, environment: ["PGAPPNAME": tag + "_b", "PGOPTIONS": "-c TimeZone=\(timeZone(form))"])
        runner = statementSession
        try statementSession.run()
        runnerIn.fileHandleForWriting.write(Data("\(form.sql);\n".utf8))
        try runnerIn.fileHandleForWriting.close()
        try waitFor(url, "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name = '\(tag)_b' AND NOT l.granted")
        let lines = try LockServer.run(url, """
            SELECT 'L|' || l.relation::oid::text || '|' || l.mode FROM pg_locks l JOIN pg_stat_activity a USING (pid)
                WHERE a.application_name = '\(tag)_b' AND l.locktype = 'relation'
                AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
            """)
        // Let it finish.
        holderIn.fileHandleForWriting.write(Data("ROLLBACK;\n".utf8))
        try holderIn.fileHandleForWriting.close()
        holder.waitUntilExit()
        let runnerErrors = runnerErr.fileHandleForReading.readDataToEndOfFile()
        statementSession.waitUntilExit()
        if statementSession.terminationStatus != 0 {
            throw LockServer.Failure(description: "\(form.sql) failed: \(String(decoding: runnerErrors, as: UTF8.self))")
        }
        let afterLines = try LockServer.run(url, "SELECT 'F|' || c.relname || '|' || c.relfilenode FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace;")
        var o = observe(lines + afterLines, before: before)
        // A backend reports its pending statistics when it exits: once it is gone,
        // pg_stat_user_tables holds its sequential scans.
        try waitFor(url, "SELECT CASE WHEN count(*) = 0 THEN 1 ELSE 0 END FROM pg_stat_activity WHERE application_name = '\(tag)_b'")
        var scansAfter: [String: Int] = [:]
        for _ in 0..<20 {
            scansAfter = try sequentialScans(url)
            if scansAfter != scansBefore { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        o.scanned = Set(scansAfter.filter { $0.value > (scansBefore[$0.key] ?? 0) }.map(\.key))
        return o
    }

    /// `pg_stat_user_tables.seq_scan` per table of the fixture, as other sessions see it.
    func sequentialScans(_ url: String) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for line in try LockServer.run(url, "SELECT relname || '|' || seq_scan FROM pg_stat_user_tables WHERE schemaname = 'public';") {
            let f = line.split(separator: "|").map(String.init)
            if f.count == 2 { out[f[0]] = Int(f[1]) ?? 0 }
        }
        return out
    }

    /// Polls until `query` returns a positive count (10 seconds at most).
    func waitFor(_ url: String, _ query: String) throws {
        for _ in 0..<200 {
            if let first = try LockServer.run(url, query + ";").first, (Int(first) ?? 0) > 0 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw LockServer.Failure(description: "timed out waiting for: \(query)")
    }

    // MARK: Comparing

    func compare(_ form: LockForm, _ effects: StatementEffects, _ o: Observation, before: [Relation]) -> [String] {
        var problems: [String] = []
        let existing = Set(before.map(\.name))
        let kinds = Dictionary(before.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        if case .inTransaction = form.probe {
            var expected: [String: LockMode] = [:]
            for l in effects.locks where l.relation.schema == "public" && existing.contains(l.relation.name) {
                expected[l.relation.name] = l.mode
            }
            for l in effects.locks where !(l.relation.schema == "public" && existing.contains(l.relation.name)) {
                problems.append("model locks \(l.relation), which is not in the fixture")
            }
            for name in Set(expected.keys).union(o.locks.keys).sorted() where expected[name] != o.locks[name] {
                problems.append("\(name): server \(o.locks[name].map { "\($0)" } ?? "none"), model \(expected[name].map { "\($0)" } ?? "none")")
            }
        }
        if !form.unobservable.contains(where: { $0.hasPrefix("rewrite") }) {
            let rewritten = Set((effects.rewrites.union(effects.truncates)).map(\.name))
            if rewritten != o.rewrittenTables {
                problems.append("rewrite: server \(o.rewrittenTables.sorted()), model \(rewritten.sorted())")
            }
            let catalog = LockForms.catalog(postgresVersion: 15)
            var rebuilt = Set(effects.buildsIndexes.map(\.name).filter { kinds[$0] == "i" })
            for t in effects.rewrites.union(effects.truncates) {
                for index in catalog.indexes(on: t) { rebuilt.insert(index.name) }
            }
            rebuilt = rebuilt.filter { existing.contains($0) }
            if rebuilt != o.rebuiltIndexes {
                problems.append("index rebuild: server \(o.rebuiltIndexes.sorted()), model \(rebuilt.sorted())")
            }
        }
        if !effects.isDataStatement,
            !form.unobservable.contains(where: { $0.hasPrefix("rewrite, scan") || $0.hasPrefix("scan") })
        {
            // TRUNCATE rebuilds each index over the new empty file, which counts as a scan of a
            // table that has indexes; it reads no rows.
            let catalog = LockForms.catalog(postgresVersion: 15)
            let truncatedWithIndexes = effects.truncates.filter { !catalog.indexes(on: $0).isEmpty }
            let scanned = Set(effects.scans.union(truncatedWithIndexes).map(\.name))
            if scanned != o.scanned {
                problems.append("scan: server \(o.scanned.sorted()), model \(scanned.sorted())")
            }
        }
        return problems
    }

    // MARK: Printing

    func short(_ mode: LockMode) -> String {
        switch mode {
        case .accessShare: return "AS"
        case .rowShare: return "RS"
        case .rowExclusive: return "RE"
        case .shareUpdateExclusive: return "SUE"
        case .share: return "S"
        case .shareRowExclusive: return "SRE"
        case .exclusive: return "E"
        case .accessExclusive: return "AE"
        }
    }

    func yesNo(_ b: Bool) -> String { b ? "yes" : "no" }

    func table(_ rows: [[String]]) -> String {
        var out = "| form | expected locks (model, PG 15) | observed (pg_locks) | rewrite model/server | scan model/server | result |\n"
        out += "|---|---|---|---|---|---|\n"
        for r in rows { out += "| " + r.joined(separator: " | ") + " |\n" }
        out += "\nAS = ACCESS SHARE, RS = ROW SHARE, RE = ROW EXCLUSIVE, SUE = SHARE UPDATE EXCLUSIVE, S = SHARE, SRE = SHARE ROW EXCLUSIVE, E = EXCLUSIVE, AE = ACCESS EXCLUSIVE\n"
        return out
    }
}
