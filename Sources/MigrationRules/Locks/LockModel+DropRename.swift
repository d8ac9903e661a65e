import SQLSyntax
import SchemaCatalog

// DROP, TRUNCATE and RENAME.
extension LockAnalysis {
    mutating func drop(_ s: DropStatement) {
        for object in s.objects {
            switch s.objectType {
            case .table, .foreignTable:
                guard let key = catalog.table(object.name) else { continue }
                dropTable(key, cascade: s.behavior == .cascade)
            case .index:
                guard let (index, _) = relation(object.name) else { continue }
                let table = catalog.indexes[index]?.table
                effects.table = table
                if s.concurrently {
                    // "With this option, the command instead waits until conflicting transactions have
                    // completed"; "cannot be executed inside a transaction block". The table keeps
                    // SHARE UPDATE EXCLUSIVE; the index gets ACCESS EXCLUSIVE only at the end, once no
                    // transaction can be using it (index_drop in PostgreSQL's index.c).
                    if let table { effects.lock(table, .table, .shareUpdateExclusive) }
                    effects.lock(index, .index, .accessExclusive)
                    effects.mayRunInTransactionBlock = false
                    note("DROP INDEX CONCURRENTLY waits for queries using the index without blocking them; not in a transaction block", .dropIndex)
                } else {
                    // "A normal DROP INDEX acquires an ACCESS EXCLUSIVE lock on the table".
                    if let table { effects.lock(table, .table, .accessExclusive) }
                    effects.lock(index, .index, .accessExclusive)
                    note("DROP INDEX takes ACCESS EXCLUSIVE on the table, blocking reads while it waits; use CONCURRENTLY", .dropIndex)
                }
            case .view, .materializedView:
                guard let (view, kind) = relation(object.name) else { continue }
                effects.lock(view, kind, .accessExclusive)
                if kind == .materializedView { lockIndexes(of: view, .accessExclusive) }
                if s.behavior == .cascade { dropDependentViews(of: view) }
                cite(.observedOnServer)
            case .sequence:
                lockNamed(object.name, .accessExclusive, default: .sequence)
            case .trigger, .policy, .rule:
                // Dropping a trigger, policy or rule changes the table's definition: ACCESS EXCLUSIVE.
                if let table = object.table { lockNamed(table, .accessExclusive) }
                cite(.observedOnServer)
            default:
                break
            }
        }
    }

    /// DROP TABLE: "DROP TABLE ... ACCESS EXCLUSIVE", on the table, its indexes, its
    /// partitions, the tables its foreign keys reference (their triggers go) and, with
    /// CASCADE, the tables whose foreign keys reference it and the views that read it.
    mutating func dropTable(_ key: ObjectKey, cascade: Bool) {
        effects.table = effects.table ?? key
        for t in [key] + descendants(of: key) {
            effects.lock(t, .table, .accessExclusive)
            lockIndexes(of: t, .accessExclusive)
            for c in catalog.tables[t]?.constraints ?? [] {
                if let fk = c.foreignKey, fk.table != t { effects.lock(fk.table, .table, .accessExclusive) }
            }
            for other in catalog.tables.referencing(t) where other != t {
                effects.lock(other, .table, .accessExclusive)
            }
            if cascade { dropDependentViews(of: t) }
        }
    }

    mutating func dropDependentViews(of key: ObjectKey) {
        var queue = [key]
        var seen: Set<ObjectKey> = [key]
        while let next = queue.first {
            queue.removeFirst()
            for view in catalog.views.values.filter({ $0.dependencies[next] != nil }).sorted(by: { $0.key < $1.key }) {
                guard !seen.contains(view.key) else { continue }
                seen.insert(view.key)
                effects.lock(view.key, view.materialized ? .materializedView : .view, .accessExclusive)
                if view.materialized { lockIndexes(of: view.key, .accessExclusive) }
                queue.append(view.key)
            }
        }
    }

    mutating func truncate(_ s: TruncateStatement) {
        // "TRUNCATE acquires an ACCESS EXCLUSIVE lock on each table it operates on"; every
        // table and index gets a new, empty file (TRUNCATE, Notes).
        var tables: [ObjectKey] = []
        for target in s.tables {
            guard let key = catalog.table(target.name) else {
                lockNamed(target.name, .accessExclusive)
                continue
            }
            tables.append(key)
            if !target.only { tables.append(contentsOf: descendants(of: key)) }
        }
        if s.behavior == .cascade {
            var i = 0
            while i < tables.count {
                let t = tables[i]
                // `referencing` is in key order.
                for other in catalog.tables.referencing(t) where !tables.contains(other) {
                    tables.append(other)
                }
                i += 1
            }
        }
        effects.table = tables.first
        for t in tables {
            effects.lock(t, .table, .accessExclusive)
            lockIndexes(of: t, .accessExclusive)
            if catalog.tables[t]?.kind != .partitioned { effects.truncates.insert(t) }
        }
        note("TRUNCATE takes ACCESS EXCLUSIVE and gives each table and index a new empty file", .truncate)
    }

    mutating func rename(_ s: RenameStatement) {
        switch s.objectType {
        case .index:
            // "RENAME ... for an index, SHARE UPDATE EXCLUSIVE" (ALTER INDEX, PostgreSQL 12+).
            lockNamed(s.object.name, model.postgresVersion >= 12 ? .shareUpdateExclusive : .accessExclusive, default: .index)
        case .table, .view, .materializedView, .sequence, .foreignTable:
            lockNamed(s.object.name, .accessExclusive)
            effects.table = relation(s.object.name)?.key
        case .column, .constraint:
            if let table = s.object.table {
                lockNamed(table, .accessExclusive)
                effects.table = relation(table)?.key
            }
        case .trigger, .policy, .rule:
            if let table = s.object.table { lockNamed(table, .accessExclusive) }
        default:
            break
        }
    }
}
