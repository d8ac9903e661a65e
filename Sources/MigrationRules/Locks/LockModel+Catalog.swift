import SQLSyntax
import SchemaCatalog

// What the lock model asks of the catalog: relations by name, a table's indexes,
// partitions and inheritance children, and the index behind a foreign key.
extension LockAnalysis {
    /// An existing relation by name, with its kind; nil when the catalog has no such relation.
    func relation(_ name: QualifiedName) -> (key: ObjectKey, kind: RelationKind)? {
        guard let key = catalog.resolve(name, exists: { catalog.relationKind($0) != nil }),
            let kind = catalog.relationKind(key)
        else { return nil }
        return (key, kind)
    }

    /// An existing table, or the key it would have (so effects still name it).
    func tableKey(_ name: QualifiedName) -> ObjectKey {
        catalog.table(name) ?? relation(name)?.key ?? catalog.keyForNew(name)
    }

    /// Takes `mode` on a relation named in the statement, whatever it is.
    mutating func lockNamed(_ name: QualifiedName, _ mode: LockMode, default kind: RelationKind = .table) {
        if let r = relation(name) {
            effects.lock(r.key, r.kind, mode)
        } else {
            effects.lock(catalog.keyForNew(name), kind, mode)
        }
    }

    /// The indexes on a table, by name (the map keeps their keys by table: no
    /// index is looked up for its name alone).
    func indexKeys(of table: ObjectKey) -> [ObjectKey] {
        catalog.indexes.keys(on: table).sorted { $0.name < $1.name }
    }

    /// Takes `mode` on every index of `table`.
    mutating func lockIndexes(of table: ObjectKey, _ mode: LockMode) {
        for index in indexKeys(of: table) { effects.lock(index, .index, mode) }
    }

    /// Partitions and inheritance children, all levels down.
    func descendants(of table: ObjectKey) -> [ObjectKey] {
        var out: [ObjectKey] = []
        var queue = [table]
        var seen: Set<ObjectKey> = [table]
        while let next = queue.first {
            queue.removeFirst()
            for child in catalog.tables.children(of: next) where !seen.contains(child) {
                seen.insert(child)
                out.append(child)
                queue.append(child)
            }
        }
        return out
    }

    /// The unique index a foreign key to `table (columns)` uses: the primary key's when
    /// no columns are named.
    func referencedIndex(_ table: ObjectKey, columns: [String]) -> ObjectKey? {
        guard let t = catalog.tables[table] else { return nil }
        let wanted = columns.isEmpty ? (t.primaryKey?.columns ?? []) : columns
        let candidates = catalog.indexes(on: table).filter { $0.unique && $0.predicate == nil }
        if let exact = candidates.first(where: { Set($0.columnNames ?? []) == Set(wanted) }) { return exact.key }
        return nil
    }

    /// Tables and views a query reads directly in FROM, JOIN and CTEs.
    func relationsRead(by query: SelectStatement) -> [QualifiedName] {
        var names: [QualifiedName] = []
        func from(_ item: FromItem) {
            switch item {
            case .table(let t): names.append(t.name)
            case .subquery(let s, _, _, _): select(s)
            case .join(let j):
                from(j.left)
                from(j.right)
            case .parenthesized(let inner, _, _): from(inner)
            case .function: break
            }
        }
        func body(_ b: SetExpression) {
            switch b {
            case .select(let core): core.from.forEach(from)
            case .values: break
            case .setOperation(_, _, let l, let r):
                body(l)
                body(r)
            case .query(let s): select(s)
            case .table(let name): names.append(name)
            }
        }
        func select(_ s: SelectStatement) {
            for cte in s.with?.ctes ?? [] {
                if case .select(let inner) = cte.query { select(inner) }
            }
            body(s.body)
        }
        select(query)
        let cteNames = Set(query.with?.ctes.map(\.name.value) ?? [])
        return names.filter { $0.parts.count > 1 || !cteNames.contains($0.name) }
    }

    /// ACCESS SHARE on every table and view a query reads, and on the tables' indexes,
    /// which the planner opens (`get_relation_info`) at the relation's own lock mode.
    mutating func lockForQuery(_ query: SelectStatement, _ mode: LockMode = .accessShare, indexes: Bool = true) {
        for name in relationsRead(by: query) {
            guard let r = relation(name) else { continue }
            effects.lock(r.key, r.kind, mode)
            guard indexes && (r.kind == .table || r.kind == .materializedView) else { continue }
            let keys = indexKeys(of: r.key)
            if !keys.isEmpty {
                for index in keys { effects.lock(index, .index, mode) }
                cite(.observedOnServer)
            }
        }
    }

    /// The text of an expression as written, squeezed for comparison.
    func squeezed(_ text: String) -> String {
        let lower = text.lowercased()
        // ASCII text without carriage returns (where every byte is a character of
        // its own) is squeezed as bytes.
        if lower.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return String(decoding: lower.utf8.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x28 && $0 != 0x29 }, as: UTF8.self)
        }
        var out = ""
        for c in lower where c != " " && c != "\n" && c != "\t" && c != "(" && c != ")" { out.append(c) }
        return out
    }
}

extension String {
    /// The text split at every `and` (of a squeezed, lower-case expression).
    func splitAtAnd() -> [String] {
        var parts: [String] = []
        var current = ""
        var rest = Substring(self)
        while !rest.isEmpty {
            if rest.hasPrefix("and") {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(3)
            } else {
                current.append(rest.removeFirst())
            }
        }
        parts.append(current)
        return parts
    }
}
