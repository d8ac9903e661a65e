import SchemaCatalog

/// `docs/lock-model.md`, generated from `LockModel` over `LockForms`, so the page cannot
/// drift from the model (`LocksDocsTests` compares them; `UPDATE_GOLDEN=1` rewrites it).
public enum LockModelDocs {
    public static let versions = Array(10...18)

    public static func markdown() -> String {
        var out = """
            # Lock model: locks, rewrites and scans per statement and PostgreSQL version

            <!-- Generated from Sources/MigrationRules/Locks by LocksDocsTests; run
                 `UPDATE_GOLDEN=1 swift test --filter LocksDocsTests` after changing the model. -->

            What `LockModel` (module MigrationRules) says each statement form does, on the fixture
            schema below, for PostgreSQL 10 to 18. Every form is also run on a real PostgreSQL 15 by
            `LocksServerVerificationTests`, which compares `pg_locks`, `relfilenode` and
            `pg_stat_xact_user_tables.seq_scan` with the model and fails on any difference.

            - **locks**: every relation that existed before the statement, with the strongest mode
              taken on it and held to the end of the transaction (relations the statement creates are
              invisible to other sessions and left out). Indexes appear where the statement or the
              planner opens them.
            - **rewrite**: the table (and its indexes) is copied into new files; TRUNCATE gives new
              empty files and is marked `new empty files`.
            - **scan**: the table is read in full (constraint validation, index build, partition bound
              check, rewrite).
            - **in tx**: whether the form may run inside a transaction block.
            - A cell with version ranges (`10–11: … / 12–18: …`) changes with the version; `n/a` means
              the server refuses the form at that version.

            Modes: AS = ACCESS SHARE, RS = ROW SHARE, RE = ROW EXCLUSIVE, SUE = SHARE UPDATE
            EXCLUSIVE, S = SHARE, SRE = SHARE ROW EXCLUSIVE, E = EXCLUSIVE, AE = ACCESS EXCLUSIVE
            (PostgreSQL documentation, 13.3.1 Table-Level Locks). SUE blocks neither reads nor writes;
            S, SRE and E block writes; AE blocks reads too.

            Assumptions: the session time zone is not UTC (one form shows UTC); the catalog does not
            record which partition is the default one, so the extra scan of a default partition on
            ATTACH is not reported; a table's access method is taken to be heap.


            """
        out += "| form | statement | locks | rewrite | scan | in tx | sources |\n"
        out += "|---|---|---|---|---|---|---|\n"
        let catalogs = Dictionary(uniqueKeysWithValues: versions.map { ($0, LockForms.catalog(postgresVersion: $0)) })
        for form in LockForms.all {
            var perVersion: [Int: StatementEffects] = [:]
            for v in versions {
                let model = LockModel(postgresVersion: v, sessionTimeZoneIsUTC: form.utcSession)
                perVersion[v] = LockForms.effects(of: form, model: model, catalog: catalogs[v] ?? LockForms.catalog())
            }
            func cell(_ value: (StatementEffects) -> String) -> String {
                ranges { v in
                    guard let e = perVersion[v] else { return "" }
                    return e.unsupported != nil ? "n/a" : value(e)
                }
            }
            let locks = cell { e in
                e.locks.map { "\($0.relation.name) \(short($0.mode))" }.joined(separator: ", ").ifEmpty("none")
            }
            let rewrite = cell { e in
                if !e.rewrites.isEmpty { return "yes: " + e.rewrites.map(\.name).sorted().joined(separator: ", ") }
                if !e.truncates.isEmpty { return "new empty files" }
                return "no"
            }
            let scan = cell { e in
                e.isDataStatement ? "plan" : (e.scans.isEmpty ? "no" : e.scans.map(\.name).sorted().joined(separator: ", "))
            }
            let tx = cell { $0.mayRunInTransactionBlock ? "yes" : "no" }
            var citations: [String] = []
            for v in versions {
                for c in perVersion[v]?.citations ?? [] where !citations.contains(c.rawValue) { citations.append(c.rawValue) }
            }
            let sql = form.sql.replacingPipes()
            out += "| \(form.name) | `\(sql)` | \(locks) | \(rewrite) | \(scan) | \(tx) | \(citations.joined(separator: "; ")) |\n"
        }
        out += """

            ## How the forms are verified on PostgreSQL 15

            `LocksServerVerificationTests` builds the fixture (with rows) in a scratch database and
            runs each form inside `BEGIN ... ROLLBACK`, reading its own backend's `pg_locks`, every
            relation's `relfilenode` and `pg_stat_xact_user_tables.seq_scan`; locks, rewrites, index
            rebuilds and (for DDL) scans must equal the model's exactly. The forms below cannot run in
            a transaction block: the test first checks that the server refuses them there, then runs
            each in a copy of the fixture while another session holds a lock, and reads the waiting
            backend's `pg_locks` from a third session (modes no stronger than the model's, and exactly
            the model's on the relation it waits for), then the rewrite and, from
            `pg_stat_user_tables` once the backend has exited, the scans.


            """
        out += "| form | the other session holds | not observable |\n|---|---|---|\n"
        for form in LockForms.all {
            guard case .blockedBehind(let table, let mode) = form.probe else { continue }
            out += "| \(form.name) | \(mode) on \(table) | \(form.unobservable.joined(separator: "; ").ifEmpty("-")) |\n"
        }
        let others = LockForms.all.filter { f in
            if case .inTransaction = f.probe { return !f.unobservable.isEmpty } else { return false }
        }
        for form in others { out += "\n\(form.name), in a transaction block: not observable: \(form.unobservable.joined(separator: "; ")).\n" }
        out += "\n## Fixture\n\n```sql\n" + LockForms.fixture + "\n```\n"
        out += """

            ## SQLite

            SQLite has no table locks. A statement that writes takes the database's RESERVED lock and,
            to commit, EXCLUSIVE: one writer at a time, while readers in WAL mode go on (SQLite, File
            Locking And Concurrency). The model reports that as `databaseWriteLock` and reports the
            statements that rebuild a table's storage as rewrites. The table-rebuild procedure of
            "Making Other Kinds Of Table Schema Changes" spans several statements; each of them is shown
            here on its own.


            """
        out += "| form | statement | database write lock | rewrite | scan | in tx |\n|---|---|---|---|---|---|\n"
        let sqliteCatalog = LockForms.sqliteCatalog()
        let sqliteModel = LockModel(dialect: .sqlite)
        for form in LockForms.sqlite {
            let e = LockForms.effects(of: form, model: sqliteModel, catalog: sqliteCatalog)
            let rewrite = e.rewrites.isEmpty ? "no" : "yes: " + e.rewrites.map(\.name).sorted().joined(separator: ", ")
            let scan = e.scans.isEmpty ? "no" : e.scans.map(\.name).sorted().joined(separator: ", ")
            out += "| \(form.name) | `\(form.sql)` | \(e.databaseWriteLock ? "yes" : "no") | \(rewrite) | \(scan) | \(e.mayRunInTransactionBlock ? "yes" : "no") |\n"
        }
        return out
    }

    /// Groups versions with equal values: `v` alone, or `10–11: a / 12–18: b`.
    static func ranges(_ value: (Int) -> String) -> String {
        var groups: [(from: Int, to: Int, value: String)] = []
        for v in versions {
            let x = value(v)
            if let last = groups.last, last.value == x {
                groups[groups.count - 1].to = v
            } else {
                groups.append((v, v, x))
            }
        }
        if groups.count == 1 { return groups[0].value }
        return groups.map { g in
            (g.from == g.to ? "\(g.from)" : "\(g.from)–\(g.to)") + ": " + g.value
        }.joined(separator: " / ")
    }

    static func short(_ mode: LockMode) -> String {
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
}

extension String {
    fileprivate func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
    fileprivate func replacingPipes() -> String {
        var out = ""
        for c in self { out += c == "|" ? "\\|" : String(c) }
        return out
    }
}
