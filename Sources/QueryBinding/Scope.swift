import SQLParser
import SQLSyntax
import SchemaCatalog

// Name resolution follows PostgreSQL's `parse_relation.c`: every query level has
// a namespace of FROM items; an unqualified column is looked up level by level,
// innermost first, and is ambiguous when two visible items of one level have it;
// a qualified one finds its item by alias (or by `schema.table` for an unaliased
// table). A join's inputs stay reachable by qualified names only, and the join
// exposes USING / NATURAL columns once.

/// What binding knows about a value's type.
enum ValueType: Hashable {
    /// Not known: a parameter, or an expression this binder does not type.
    case unknown
    /// `NULL`.
    case null
    /// A string literal, not yet coerced (PostgreSQL's `unknown`).
    case literal(String)
    case known(ColumnType)

    var columnType: ColumnType? {
        if case .known(let type) = self { return type }
        return nil
    }
}

/// A column seen through a FROM item or produced by a query.
struct ScopeColumn {
    var name: String
    var type: ValueType
    /// The table and view columns it reads.
    var origins: Origins
}

/// One entry of a query level's namespace (PostgreSQL's `ParseNamespaceItem`).
struct RangeItem {
    /// The alias, or the relation's own name when it has none.
    var name: String?
    /// The schema of an unaliased relation, so `schema.table.column` finds it.
    var schema: String?
    var columns: [ScopeColumn]
    /// False when the item's columns are not known (a built-in function, a
    /// system catalog): a name that might be one of them is then not an error.
    var complete: Bool
    /// Reachable by `name.column`.
    var qualifiable: Bool
    /// Its columns are found by unqualified names.
    var unqualified: Bool
    /// The tables and views behind it, for whole-row references and `*`.
    var relations: [ObjectKey]
    /// A table's hidden columns (`ctid`, `xmin`, ...; SQLite's `rowid`), which
    /// `*` leaves out but a name finds.
    var systemColumns: [String] = []
}

/// One query level: its FROM namespace and output names.
struct QueryLevel {
    var items: [RangeItem] = []
    /// Items `*` expands to: the top-level FROM items, in order.
    var starItems: [Int] = []
    /// Output column names, for ORDER BY, GROUP BY and DISTINCT ON.
    var outputNames: [String] = []
    /// Output names as a fallback for unqualified names anywhere (SQLite).
    var outputNamesVisible = false
}

/// The output of a query: its columns, and whether every one of them is known.
struct QueryOutput {
    var columns: [ScopeColumn]
    var complete: Bool

    static let unknown = QueryOutput(columns: [], complete: false)
}

/// The binding of one statement: the scope stack and what was found.
struct BindingContext {
    let catalog: Catalog
    let rules: BindingRules
    /// The text the statement's spans point into, from byte `base` of its file,
    /// for expressions compared as text.
    let source: [UInt8]
    let base: Int
    var result = BindingResult()
    var levels: [QueryLevel] = []
    /// WITH queries visible at each level, innermost last.
    var ctes: [[String: QueryOutput]] = []
    var depth = 0
    /// Nesting beyond this, or closer to the end of the thread's stack than
    /// `StackGuard` allows, is read without checks, so no input exhausts the stack.
    static let maximumDepth = 5_000
    /// Read only once nesting gets deep: finding the stack's bounds reads
    /// `/proc/self/maps` on the main thread.
    var stack: StackGuard?

    /// Joins nested deeper than this are not read: a join holds the columns of
    /// all its inputs, so a chain of n joins costs n² columns.
    static let maximumJoinDepth = 300
    var joinDepth = 0

    /// Whether binding may descend one level further.
    mutating func mayDescend() -> Bool {
        guard depth >= 32 else { return true }
        guard depth < BindingContext.maximumDepth else { return false }
        if stack == nil { stack = StackGuard.forCurrentThread() }
        return !(stack?.exhausted() ?? false)
    }

    init(catalog: Catalog, source: [UInt8], base: Int) {
        self.catalog = catalog
        self.source = source
        self.base = base
        self.rules = BindingRules(catalog.dialect)
    }

    // MARK: Names

    /// Compares names as the engine does: exactly (PostgreSQL, after folding) or
    /// ASCII case-insensitively (SQLite).
    func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if rules.caseInsensitiveNames { return a.lowercased() == b.lowercased() }
        return a == b
    }

    /// The item `name` (`t` or `schema.t`) refers to, innermost level first.
    func findItem(_ name: QualifiedName) -> RangeItem? {
        let parts = name.parts.map(\.value)
        for level in levels.reversed() {
            for item in level.items where item.qualifiable && same(item.name, parts.last) {
                if parts.count == 1 || same(item.schema, parts[parts.count - 2]) { return item }
            }
        }
        return nil
    }

    mutating func record(_ origins: Origins) {
        origins.forEach { result.columns.insert($0) }
    }

    /// Records every column of an item, as `*` or a whole-row reference reads them.
    mutating func recordWhole(_ item: RangeItem) {
        for column in item.columns { record(column.origins) }
        for relation in item.relations { result.starRelations.insert(relation) }
    }

    /// Resolves a column reference and records what it reads. Returns nil when the
    /// name is not a plain column (a whole-row reference, a field of a composite
    /// column, or a name an incomplete item may hold).
    mutating func lookup(_ name: QualifiedName, span: SourceSpan) throws(BindError) -> ScopeColumn? {
        let parts = name.parts.map(\.value)
        switch parts.count {
        case 1:
            return try lookupUnqualified(name.parts[0], span: span)
        case 2, 3, 4:
            // `t.c`, `s.t.c`, `db.s.t.c`; or `composite_column.field...`.
            let relation = parts.count == 4 ? Array(parts[1..<3]) : Array(parts.dropLast())
            let column = parts[parts.count - 1]
            for level in levels.reversed() {
                guard
                    let item = level.items.first(where: { item in
                        item.qualifiable && same(item.name, relation.last)
                            && (relation.count == 1 || same(item.schema, relation.first))
                    })
                else { continue }
                let found = item.columns.filter { same($0.name, column) }
                if found.count > 1 {
                    throw BindError(
                        SQLState.ambiguousColumn, "column reference \"\(relation.last ?? "").\(column)\" is ambiguous",
                        span: span)
                }
                if let found = found.first {
                    record(found.origins)
                    return found
                }
                if item.systemColumns.contains(where: { same($0, column) }) { return nil }
                if item.complete {
                    throw BindError(
                        SQLState.undefinedColumn, "column \(relation.last ?? "").\(column) does not exist", span: span)
                }
                return nil
            }
            // `composite_column.field`: the first part is a column.
            if parts.count <= 3 {
                let saved = result
                if (try? lookupUnqualified(name.parts[0], span: span)) != nil { return nil }
                result = saved
                if parts.count == 3, let item = findItem(QualifiedName([name.parts[0], name.parts[1]])),
                    item.columns.contains(where: { same($0.name, parts[1]) })
                {
                    return nil
                }
            }
            if levels.allSatisfy({ $0.items.allSatisfy(\.complete) }) {
                throw BindError(
                    SQLState.undefinedTable, "missing FROM-clause entry for table \"\(relation.last ?? "")\"",
                    span: span)
            }
            return nil
        default:
            return nil
        }
    }

    mutating func lookupUnqualified(_ identifier: Identifier, span: SourceSpan) throws(BindError) -> ScopeColumn? {
        let name = identifier.value
        for index in levels.indices.reversed() {
            // By index, so that no item or column is copied until one matches.
            var found: ScopeColumn?
            for i in levels[index].items.indices where levels[index].items[i].unqualified {
                for c in levels[index].items[i].columns.indices where same(levels[index].items[i].columns[c].name, name) {
                    if found != nil {
                        throw BindError(SQLState.ambiguousColumn, "column reference \"\(name)\" is ambiguous", span: span)
                    }
                    found = levels[index].items[i].columns[c]
                }
            }
            if let found {
                record(found.origins)
                return found
            }
            let level = levels[index]
            let hidden = level.items.filter { item in
                item.unqualified && item.systemColumns.contains { same($0, name) }
            }
            if hidden.count > 1, !rules.isSQLite {
                throw BindError(SQLState.ambiguousColumn, "column reference \"\(name)\" is ambiguous", span: span)
            }
            if !hidden.isEmpty { return nil }
            // A whole-row reference: `SELECT t FROM t`.
            if let item = level.items.last(where: { $0.qualifiable && same($0.name, name) }) {
                recordWhole(item)
                return nil
            }
            if index == levels.count - 1, level.outputNamesVisible, level.outputNames.contains(where: { same($0, name) }) {
                return nil
            }
            if level.items.contains(where: { $0.unqualified && !$0.complete }) { return nil }
        }
        // SQLite reads an unknown double-quoted name as a string.
        if identifier.quoted && rules.quotedUnknownNameIsString { return nil }
        throw BindError(SQLState.undefinedColumn, "column \"\(name)\" does not exist", span: span)
    }
}

/// The rules that differ between engines, as capabilities.
struct BindingRules {
    /// SQLite compares names ASCII case-insensitively.
    var caseInsensitiveNames: Bool
    /// PostgreSQL refuses incompatible types when it analyses a query; SQLite never does.
    var checksTypes: Bool
    /// SQLite resolves output aliases in WHERE, GROUP BY and ORDER BY expressions.
    var outputNamesEverywhere: Bool
    /// SQLite reads an unknown `"name"` as a string literal.
    var quotedUnknownNameIsString: Bool
    /// A positional INSERT must give every column (SQLite).
    var insertRequiresFullArity: Bool
    /// NOT NULL violations only happen when a row is written; PostgreSQL and
    /// SQLite both refuse them then.
    var isSQLite: Bool

    init(_ dialect: Dialect) {
        let sqlite = dialect.kind == .sqlite
        caseInsensitiveNames = sqlite
        checksTypes = !sqlite
        outputNamesEverywhere = sqlite
        quotedUnknownNameIsString = sqlite
        insertRequiresFullArity = dialect.insertRequiresFullArity
        isSQLite = sqlite
    }
}
