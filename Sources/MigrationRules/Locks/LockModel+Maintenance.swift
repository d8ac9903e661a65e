import SQLSyntax
import SchemaCatalog

// VACUUM, ANALYZE, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW; and SQLite.
extension LockAnalysis {
    mutating func maintenance(_ s: MaintenanceStatement) {
        let targets = s.targets.map(\.name)
        switch s.command {
        case .vacuum:
            // "VACUUM cannot be executed inside a transaction block" (VACUUM, Notes).
            effects.mayRunInTransactionBlock = false
            if s.hasOption("full") {
                // "VACUUM FULL ... requires an ACCESS EXCLUSIVE lock on the table ... writes a new copy".
                for name in targets {
                    let key = tableKey(name)
                    effects.lock(key, .table, .accessExclusive)
                    rewrite(key, "VACUUM FULL writes a new copy of the table and its indexes under ACCESS EXCLUSIVE", .vacuumFull)
                }
            } else {
                // SHARE UPDATE EXCLUSIVE: "Acquired by VACUUM (without FULL), ANALYZE".
                for name in targets { lockNamed(name, .shareUpdateExclusive) }
                if s.hasOption("analyze") { for name in targets { if let key = catalog.table(name) { lockIndexes(of: key, .accessShare) } } }
            }
        case .analyze:
            for name in targets {
                lockNamed(name, .shareUpdateExclusive)
                if let key = catalog.table(name) { lockIndexes(of: key, .accessShare) }
            }
        case .cluster:
            // "CLUSTER ... an ACCESS EXCLUSIVE lock is acquired on it ... a new copy of the table".
            if targets.isEmpty {
                effects.mayRunInTransactionBlock = false
                note("CLUSTER without a table reclusters every clustered table and cannot run in a transaction block", .cluster)
            }
            for name in targets {
                let key = tableKey(name)
                effects.table = key
                effects.lock(key, .table, .accessExclusive)
                rewrite(key, "CLUSTER rewrites the table in index order under ACCESS EXCLUSIVE", .cluster)
            }
        case .reindex:
            reindex(s)
        case .refresh:
            refresh(s)
        }
    }

    mutating func reindex(_ s: MaintenanceStatement) {
        let object = s.reindexObject ?? "index"
        if s.concurrently && model.postgresVersion < 12 {
            effects.unsupported = "REINDEX CONCURRENTLY needs PostgreSQL 12"
        }
        if ["schema", "database", "system"].contains(object) {
            // "REINDEX SCHEMA, DATABASE or SYSTEM cannot be executed inside a transaction block".
            effects.mayRunInTransactionBlock = false
            note("REINDEX \(object.uppercased()) cannot run in a transaction block", .reindex)
            return
        }
        var pairs: [(table: ObjectKey, indexes: [ObjectKey])] = []
        for name in s.targets.map(\.name) {
            if object == "index" {
                guard let (index, _) = relation(name), let table = catalog.indexes[index]?.table else { continue }
                pairs.append((table, [index]))
            } else {
                let table = tableKey(name)
                pairs.append((table, indexKeys(of: table)))
            }
        }
        for (table, indexes) in pairs {
            effects.table = table
            effects.scans.insert(table)
            for index in indexes { effects.buildsIndexes.insert(index) }
            if s.concurrently {
                // "REINDEX ... CONCURRENTLY ... SHARE UPDATE EXCLUSIVE" on the table and indexes;
                // "cannot be executed inside a transaction block" (REINDEX, Rebuilding Indexes Concurrently).
                effects.lock(table, .table, .shareUpdateExclusive)
                for index in indexes { effects.lock(index, .index, .shareUpdateExclusive) }
                effects.mayRunInTransactionBlock = false
                note("REINDEX CONCURRENTLY builds a new index beside the old one under SHARE UPDATE EXCLUSIVE; not in a transaction block", .reindexConcurrently)
                if model.postgresVersion == 14 { noteConcurrentIndexBug() }
            } else {
                // "REINDEX ... locks out writes but not reads of the index's parent table. It also
                // takes an ACCESS EXCLUSIVE lock on the specific index being processed".
                effects.lock(table, .table, .share)
                for index in indexes { effects.lock(index, .index, .accessExclusive) }
                note("REINDEX holds SHARE on the table (blocks writes) and ACCESS EXCLUSIVE on each index (blocks reads that use it)", .reindex)
            }
        }
    }

    mutating func refresh(_ s: MaintenanceStatement) {
        for name in s.targets.map(\.name) {
            guard let (view, kind) = relation(name) else {
                lockNamed(name, s.concurrently ? .exclusive : .accessExclusive, default: .materializedView)
                continue
            }
            effects.table = view
            // The query runs: ACCESS SHARE on what it reads, and the planner opens their indexes.
            for dependency in catalog.views[view]?.dependencies.keys.sorted() ?? [] {
                guard let dependencyKind = catalog.relationKind(dependency) else { continue }
                effects.lock(dependency, dependencyKind, .accessShare)
                if dependencyKind == .table || dependencyKind == .materializedView { lockIndexes(of: dependency, .accessShare) }
                effects.scans.insert(dependency)
            }
            if s.concurrently {
                // "CONCURRENTLY ... Refresh the materialized view without locking out concurrent
                // selects": EXCLUSIVE ("Acquired by REFRESH MATERIALIZED VIEW CONCURRENTLY").
                effects.lock(view, kind, .exclusive)
                lockIndexes(of: view, .rowExclusive)
                effects.scans.insert(view)
                note("REFRESH MATERIALIZED VIEW CONCURRENTLY takes EXCLUSIVE: reads go on, writes to the view wait; it needs a unique index", .refreshMaterializedView)
            } else {
                // ACCESS EXCLUSIVE: "Acquired by ... REFRESH MATERIALIZED VIEW (without CONCURRENTLY)".
                effects.lock(view, kind, .accessExclusive)
                rewrite(view, "REFRESH MATERIALIZED VIEW replaces the view's contents under ACCESS EXCLUSIVE, blocking reads", .tableLevelLocks)
            }
        }
    }

    // MARK: SQLite

    /// SQLite has no table locks: a writing statement takes the database's RESERVED lock and
    /// an EXCLUSIVE lock to commit, so one writer at a time; WAL readers go on
    /// ("File Locking And Concurrency"). Statements that rebuild a table (DROP COLUMN, VACUUM)
    /// are reported as rewrites of it (DROP COLUMN rewrites every row: "ALTER TABLE DROP COLUMN").
    mutating func sqlite(_ node: StatementNode) {
        switch node {
        case .select:
            effects.isDataStatement = true
            return
        case .insert, .update, .delete, .merge, .copy:
            effects.isDataStatement = true
        case .alterTable(let s):
            let table = tableKey(s.name)
            effects.table = table
            for action in s.actions {
                if case .dropColumn = action {
                    effects.rewrites.insert(table)
                    effects.scans.insert(table)
                    note("SQLite DROP COLUMN rewrites every row of the table", .sqliteDropColumn)
                }
            }
        case .createIndex(let s):
            let table = tableKey(s.table)
            effects.table = table
            effects.scans.insert(table)
        case .maintenance(let s) where s.command == .vacuum:
            effects.mayRunInTransactionBlock = false
            for table in catalog.tables.keys { effects.rewrites.insert(table) }
            note("SQLite VACUUM rebuilds the whole database file and cannot run in a transaction", .sqliteLocking)
        case .transaction, .setVariable:
            return
        case .pragma:
            return
        default:
            break
        }
        effects.databaseWriteLock = true
        note("SQLite takes the database write lock: other writers wait, WAL readers go on", .sqliteLocking)
    }
}
