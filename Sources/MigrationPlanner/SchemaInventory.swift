import SchemaCatalog

/// The objects of a catalog that an application can use, or whose loss is
/// destructive: relations and their columns, sequences, types and enum labels,
/// functions, indexes and triggers.
///
/// Used when a side brings no queries (SPEC §2 then assumes blue uses every object
/// of S0 and green every object the migration creates) and to tell whether a
/// destructive statement removes something of S0. Presence is tested against a
/// catalog directly, so a migration with a small S0 costs little per statement.
struct SchemaInventory {
    enum Item: Hashable, Comparable, CustomStringConvertible {
        case relation(ObjectKey)
        case column(ObjectKey, String)
        case sequence(ObjectKey)
        case type(ObjectKey)
        case enumLabel(ObjectKey, String)
        case function(ObjectKey)
        case index(ObjectKey)
        case trigger(ObjectKey, String)

        var description: String {
            switch self {
            case .relation(let key): return "relation \(key)"
            case .column(let key, let name): return "column \(key).\(SQLName.quoted(name))"
            case .sequence(let key): return "sequence \(key)"
            case .type(let key): return "type \(key)"
            case .enumLabel(let key, let label): return "enum label \(key).'\(label)'"
            case .function(let key): return "function \(key)"
            case .index(let key): return "index \(key)"
            case .trigger(let key, let name): return "trigger \(SQLName.quoted(name)) on \(key)"
            }
        }

        /// Indexes and triggers: no query names them, but dropping one is destructive.
        var isStructure: Bool {
            switch self {
            case .index, .trigger: return true
            default: return false
            }
        }

        static func < (lhs: Item, rhs: Item) -> Bool { lhs.description < rhs.description }

        func isPresent(in catalog: Catalog) -> Bool {
            switch self {
            case .relation(let key):
                return catalog.tables[key] != nil || catalog.views[key] != nil
            case .column(let key, let name):
                if let table = catalog.tables[key] { return table.columns.contains { $0.name == name } }
                if let view = catalog.views[key] { return view.columns.contains { $0.name == name } }
                return false
            case .sequence(let key):
                return catalog.sequences[key] != nil
            case .type(let key):
                return catalog.types[key] != nil
            case .enumLabel(let key, let label):
                guard case .enumeration(let labels)? = catalog.types[key]?.definition else { return false }
                return labels.contains(label)
            case .function(let key):
                return !(catalog.functions[key] ?? []).isEmpty
            case .index(let key):
                return catalog.indexes[key] != nil
            case .trigger(let key, let name):
                return catalog.tables[key]?.triggers.contains { $0.name == name } ?? false
            }
        }
    }

    var items: [Item] = []

    init(_ catalog: Catalog) {
        for (key, table) in catalog.tables {
            items.append(.relation(key))
            for column in table.columns { items.append(.column(key, column.name)) }
            for trigger in table.triggers { items.append(.trigger(key, trigger.name)) }
        }
        for (key, view) in catalog.views {
            items.append(.relation(key))
            for column in view.columns { items.append(.column(key, column.name)) }
        }
        for key in catalog.sequences.keys { items.append(.sequence(key)) }
        for (key, type) in catalog.types {
            items.append(.type(key))
            if case .enumeration(let labels) = type.definition {
                for label in labels { items.append(.enumLabel(key, label)) }
            }
        }
        for (key, overloads) in catalog.functions where !overloads.isEmpty { items.append(.function(key)) }
        for key in catalog.indexes.keys { items.append(.index(key)) }
    }

    /// What `before` has and `after` lacks, without building an inventory of either:
    /// a walk over `before`'s objects with a lookup each (no strings until a
    /// difference is found). Sorted for stable messages.
    static func removed(before: Catalog, after: Catalog, structures: Bool) -> [Item] {
        var out: [Item] = []
        walkRemoved(before: before, after: after, structures: structures) { item in
            out.append(item)
            return true
        }
        return inOrder(out)
    }

    /// Whether `after` lacks anything `before` has; stops at the first such item.
    static func removesAnything(before: Catalog, after: Catalog, structures: Bool) -> Bool {
        // Fewer objects of a kind: one of them is gone.
        if after.tables.count < before.tables.count || after.views.count < before.views.count
            || after.sequences.count < before.sequences.count || after.types.count < before.types.count
            || (structures && after.indexes.count < before.indexes.count)
        {
            return true
        }
        var found = false
        walkRemoved(before: before, after: after, structures: structures) { _ in
            found = true
            return false
        }
        return found
    }

    /// Calls `visit` with each item `before` has and `after` lacks, until it
    /// returns false. A family of objects the change did not touch compares equal
    /// in a few steps (the maps share their storage) and is skipped.
    private static func walkRemoved(before: Catalog, after: Catalog, structures: Bool, _ visit: (Item) -> Bool) {
        if before.tables != after.tables {
            for (key, table) in before.tables {
                guard let now = after.tables[key] else {
                    guard visit(.relation(key)) else { return }
                    continue
                }
                // Most tables are untouched: the very same column array, or the same
                // names in the same order; no set built.
                if !now.columns.sharesStorage(with: table.columns), !Self.sameNames(now.columns, table.columns) {
                    let names = Set(now.columns.map(\.name))
                    for column in table.columns where !names.contains(column.name) {
                        guard visit(.column(key, column.name)) else { return }
                    }
                }
                if structures, !table.triggers.isEmpty, !now.triggers.sharesStorage(with: table.triggers),
                    !now.triggers.elementsEqual(table.triggers, by: { $0.name == $1.name })
                {
                    let triggers = Set(now.triggers.map(\.name))
                    for trigger in table.triggers where !triggers.contains(trigger.name) {
                        guard visit(.trigger(key, trigger.name)) else { return }
                    }
                }
            }
        }
        if before.views != after.views {
            for (key, view) in before.views {
                guard let now = after.views[key] else {
                    guard visit(.relation(key)) else { return }
                    continue
                }
                guard !now.columns.sharesStorage(with: view.columns),
                    !now.columns.elementsEqual(view.columns, by: { $0.name == $1.name })
                else { continue }
                let names = Set(now.columns.map(\.name))
                for column in view.columns where !names.contains(column.name) {
                    guard visit(.column(key, column.name)) else { return }
                }
            }
        }
        for key in before.sequences.keys.subtracting(after.sequences.keys) {
            guard visit(.sequence(key)) else { return }
        }
        if before.types != after.types {
            for (key, type) in before.types {
                guard let now = after.types[key] else {
                    guard visit(.type(key)) else { return }
                    continue
                }
                if case .enumeration(let labels) = type.definition, now.definition != type.definition {
                    let kept: Set<String>
                    if case .enumeration(let newLabels) = now.definition { kept = Set(newLabels) } else { kept = [] }
                    for label in labels where !kept.contains(label) {
                        guard visit(.enumLabel(key, label)) else { return }
                    }
                }
            }
        }
        if before.functions != after.functions {
            for (key, overloads) in before.functions where !overloads.isEmpty && (after.functions[key] ?? []).isEmpty {
                guard visit(.function(key)) else { return }
            }
        }
        if structures {
            for key in before.indexes.keys.subtracting(after.indexes.keys) {
                guard visit(.index(key)) else { return }
            }
        }
    }

    /// The same column names in the same order, compared in place.
    static func sameNames(_ a: [Column], _ b: [Column]) -> Bool {
        guard a.count == b.count else { return false }
        for i in a.indices where a[i].name != b[i].name { return false }
        return true
    }

    /// The items present in `before` and gone from `after`.
    func removed(before: Catalog, after: Catalog, structures: Bool) -> [Item] {
        Self.inOrder(items.filter { (structures || !$0.isStructure) && $0.isPresent(in: before) && !$0.isPresent(in: after) })
    }

    /// Columns of this inventory that `after` makes NOT NULL without a default,
    /// identity or generation while `before` did not: a blue INSERT written before
    /// the migration does not provide them.
    func newlyRequired(before: Catalog, after: Catalog) -> [Item] {
        Self.inOrder(items.filter { item in
            guard case .column(let key, let name) = item,
                let new = after.tables[key]?.columns.first(where: { $0.name == name }),
                Self.isRequired(new)
            else { return false }
            guard let old = before.tables[key]?.columns.first(where: { $0.name == name }) else { return false }
            return !Self.isRequired(old)
        })
    }

    /// Items in `Item`'s order (by description), each description made once
    /// rather than twice per comparison.
    static func inOrder(_ items: [Item]) -> [Item] {
        guard items.count > 1 else { return items }
        return items.map { ($0.description, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func isRequired(_ column: Column) -> Bool {
        column.notNull && column.defaultValue == nil && column.identity == nil && column.generated == nil
    }

    /// What `after` has that `before` lacks: the objects a unit creates (or renames to).
    static func created(before: Catalog, after: Catalog) -> [Item] {
        removed(before: after, after: before, structures: false)
    }
}
