import SQLSyntax
import SchemaCatalog

// ATTACH / DETACH PARTITION, and ALTER INDEX / VIEW / SEQUENCE.
extension LockAnalysis {
    mutating func attachPartition(_ parent: ObjectKey, _ partition: QualifiedName, _ bound: PartitionBound?) {
        // "ATTACH PARTITION ... acquires a SHARE UPDATE EXCLUSIVE lock on the parent table, in
        // addition to the ACCESS EXCLUSIVE lock on the table being attached" (PostgreSQL 12+;
        // before 12 the parent too takes ACCESS EXCLUSIVE, "Release 12").
        let child = tableKey(partition)
        effects.lock(parent, .table, model.postgresVersion >= 12 ? .shareUpdateExclusive : .accessExclusive)
        effects.lock(child, .table, .accessExclusive)
        for grandchild in descendants(of: child) { effects.lock(grandchild, .table, .accessExclusive) }
        if let proof = boundProof(child, parent: parent, bound) {
            note("ATTACH PARTITION skips the scan: the validated CHECK \(proof) implies the partition bound", .alterTableAttach)
        } else {
            effects.scans.insert(child)
            note("ATTACH PARTITION scans \(child.name) under ACCESS EXCLUSIVE to check the bound; a validated CHECK that implies the bound spares the scan", .alterTableAttach)
        }
        // A default partition is scanned too, to check that none of its rows belong to the
        // new partition; the catalog does not record which partition is the default.
    }

    /// A validated CHECK on `child` whose AND terms include each bound comparison.
    func boundProof(_ child: ObjectKey, parent: ObjectKey, _ bound: PartitionBound?) -> String? {
        guard case .range(let from, let to)? = bound, from.count == 1, to.count == 1 else { return nil }
        // The partition key is not in the catalog: a term that compares any column with
        // both bound values, as `>=` low and `<` high, is taken as the proof.
        func literal(_ d: PartitionRangeDatum) -> String? {
            guard case .value(let e) = d else { return nil }
            return squeezed(source.text(e)).replacingCasts()
        }
        guard let low = literal(from[0]), let high = literal(to[0]) else { return nil }
        for c in catalog.tables[child]?.constraints ?? [] where c.kind == .check && c.validated {
            let terms = squeezed(c.expression ?? "").replacingCasts().splitAtAnd()
            let hasLow = terms.contains { $0.hasSuffix(">=" + low) }
            let hasHigh = terms.contains { $0.hasSuffix("<" + high) }
            if hasLow && hasHigh { return c.name }
        }
        return nil
    }

    mutating func detachPartition(_ parent: ObjectKey, _ partition: QualifiedName, _ mode: DetachMode) {
        let child = tableKey(partition)
        switch mode {
        case .normal:
            // "DETACH PARTITION ... ACCESS EXCLUSIVE on the parent table" unless CONCURRENTLY.
            effects.lock(parent, .table, .accessExclusive)
            effects.lock(child, .table, .accessExclusive)
        case .concurrently, .finalize:
            // "If CONCURRENTLY is specified ... a SHARE UPDATE EXCLUSIVE lock is taken on both
            // parent table and partition ... the second transaction acquires SHARE UPDATE
            // EXCLUSIVE on the partitioned table and ACCESS EXCLUSIVE lock on the partition";
            // "CONCURRENTLY cannot be run in a transaction block" (PostgreSQL 14+).
            effects.lock(parent, .table, .shareUpdateExclusive)
            effects.lock(child, .table, .accessExclusive)
            if mode == .concurrently { effects.mayRunInTransactionBlock = false }
            if model.postgresVersion < 14 { effects.unsupported = "DETACH PARTITION CONCURRENTLY needs PostgreSQL 14" }
            note("DETACH PARTITION CONCURRENTLY holds only SHARE UPDATE EXCLUSIVE on the parent and runs outside a transaction block", .alterTableDetach)
        }
    }

    /// ALTER INDEX: RENAME is a RenameStatement; these are the other actions.
    mutating func alterIndex(_ s: AlterTableStatement) {
        guard let (index, _) = relation(s.name) else {
            effects.lock(catalog.keyForNew(s.name), .index, .accessExclusive)
            return
        }
        let table = catalog.indexes[index]?.table
        effects.table = table
        for action in s.actions {
            switch action {
            case .setOptions, .resetOptions:
                // Index storage parameters: SHARE UPDATE EXCLUSIVE for fillfactor and the like.
                effects.lock(index, .index, .shareUpdateExclusive)
                cite(.observedOnServer)
            case .setTablespace:
                effects.lock(index, .index, .accessExclusive)
                effects.buildsIndexes.insert(index)
                note("ALTER INDEX SET TABLESPACE copies the index under ACCESS EXCLUSIVE", .alterTable)
            case .attachPartition(let partitionIndex, _):
                // ALTER INDEX ... ATTACH PARTITION: SHARE UPDATE EXCLUSIVE on both indexes' tables.
                effects.lock(index, .index, .shareUpdateExclusive)
                if let r = relation(partitionIndex) { effects.lock(r.key, .index, .shareUpdateExclusive) }
            case .alterColumn(_, .setStatistics):
                effects.lock(index, .index, .shareUpdateExclusive)
            default:
                effects.lock(index, .index, .accessExclusive)
            }
        }
    }

    /// ALTER VIEW / MATERIALIZED VIEW / SEQUENCE actions other than rename: ACCESS EXCLUSIVE
    /// on the relation ("ALTER VIEW" and "ALTER SEQUENCE" document no weaker level).
    mutating func alterOtherRelation(_ s: AlterTableStatement) {
        let kind: RelationKind = s.objectType == .sequence ? .sequence : (s.objectType == .view ? .view : .materializedView)
        lockNamed(s.name, .accessExclusive, default: kind)
        cite(.observedOnServer)
        if let r = relation(s.name) { effects.table = r.key }
        for action in s.actions {
            if case .setTablespace = action, kind == .materializedView, let r = relation(s.name) {
                effects.rewrites.insert(r.key)
            }
        }
    }
}

extension String {
    /// `'2026-01-01'::date` → `'2026-01-01'`, for comparing bounds with CHECK text.
    fileprivate func replacingCasts() -> String {
        var out = ""
        var i = startIndex
        while i < endIndex {
            if self[i] == ":" && index(after: i) < endIndex && self[index(after: i)] == ":" {
                i = index(i, offsetBy: 2)
                while i < endIndex && (self[i].isLetter || self[i].isNumber || self[i] == "_" || self[i] == " ") {
                    i = index(after: i)
                }
                continue
            }
            out.append(self[i])
            i = index(after: i)
        }
        return out
    }
}
