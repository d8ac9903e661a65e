import SQLSyntax

// Reads a view's query the way PostgreSQL's parse analysis does, as far as a
// view needs it: which relations and columns it reads (for `pg_depend`), the
// names and, where cheaply known, the types of its output columns, and the
// errors PostgreSQL raises for unknown relations, unknown or ambiguous columns.
//
// Scoping follows `transformFromClauseItem`: a join's inputs stay visible for
// qualified references only, the join exposes the merged columns of USING /
// NATURAL; an alias on a join hides its inputs; FROM subqueries see the outer
// query levels but not their siblings unless LATERAL.

/// A column seen through a FROM item or produced by a query.
///
/// Columns are copied whole from item to item (a join's item holds the columns
/// of both sides, a chain of joins each of them again): the fields live in one
/// copy-on-write box, so a copy is one reference count.
struct ScopeColumn {
    private struct Fields: Sendable {
        var name: String
        var type: ColumnType?
        var origins: ReadColumns
    }

    private var box: CopyOnWrite<Fields>

    init(name: String, type: ColumnType?, origins: ReadColumns) {
        box = CopyOnWrite(Fields(name: name, type: type, origins: origins))
    }

    var name: String {
        get { box.fields.name }
        _modify { yield &box.fields.name }
    }
    var type: ColumnType? {
        get { box.fields.type }
        _modify { yield &box.fields.type }
    }
    /// The table and view columns it reads, for view dependencies.
    var origins: ReadColumns {
        get { box.fields.origins }
        _modify { yield &box.fields.origins }
    }
}

/// A relation column a view's query reads: the relation's place in
/// `ViewQueryAnalyzer.relations` and the column's position in it.
struct ColumnSlot: Equatable, Sendable {
    var relation: Int32
    var column: Int32
}

/// The relation columns a value reads, as positions (`ColumnSlot`). What a view
/// reads is marked by position as its query is read, and named once at the end
/// (`dependencies`): hashing each column name at each reference was a fifth of
/// the analysis.
typealias ReadColumns = SmallList<ColumnSlot>

/// A table, view or sequence a view's query reads: its columns as the query
/// sees them (made once however often it is named), and which of them it reads.
struct ReadRelation {
    let key: ObjectKey
    let columns: [ScopeColumn]
    var read: [Bool]
}

/// One entry of a query level's namespace (PostgreSQL's `ParseNamespaceItem`).
struct RangeItem {
    /// The alias, or the relation's own name when it has none.
    var name: String?
    /// The schema of an unaliased relation, so `schema.table.column` finds it.
    var schema: String?
    var columns: [ScopeColumn]
    /// False when the item's columns are not known (a function, an unknown relation):
    /// a name that might be one of them is then not an error.
    var complete: Bool
    /// Reachable by `name.column`.
    var qualifiable: Bool
    /// Its columns are found by unqualified names.
    var unqualified: Bool
    /// The tables and views behind it, for whole-row references.
    var relations: [ObjectKey]
}

/// One query level: its FROM namespace and output names.
struct QueryScope {
    var items: [RangeItem] = []
    /// Items `*` expands to: the top-level FROM items, in order.
    var starItems: [Int] = []
    /// Output column names, visible to ORDER BY and GROUP BY.
    var outputNames: [String] = []
    var outputNamesVisible = false
}

/// The output of a query: its columns, and whether every one of them is known.
struct QueryOutput {
    var columns: [ScopeColumn]
    var complete: Bool
}

struct ViewQueryAnalyzer {
    let catalog: Catalog
    let source: ReplaySource
    /// PostgreSQL checks a view's query when it is created; SQLite does not.
    let strict: Bool
    var functionDependencies: Set<ObjectKey> = []
    /// A recursive view's own name and column names (`CREATE RECURSIVE VIEW`).
    var recursiveSelf: (name: String, columns: [String])?

    var scopes: [QueryScope] = []
    /// Subqueries in expressions, read once each: naming and typing an output
    /// column look at them again, which must not multiply with nesting.
    var subqueryOutputs: [SourceSpan: QueryOutput] = [:]
    var ctes: [[String: QueryOutput]] = []
    /// The relations read so far, each once, in the order first read (a view's
    /// subqueries read the same tables over and over), by place (`ColumnSlot`).
    var relations: [ReadRelation] = []
    var relationPlaces: [ObjectKey: Int] = [:]
    var depth = 0
    /// Nesting beyond this is read without checks, so no input exhausts the stack.
    static let maximumDepth = 200

    init(catalog: Catalog, source: ReplaySource) {
        self.catalog = catalog
        self.source = source
        self.strict = catalog.dialect.validatesViewQueries
    }

    // MARK: Queries

    mutating func query(_ q: SelectStatement) throws(CatalogError) -> QueryOutput {
        depth += 1
        defer { depth -= 1 }
        guard depth < ViewQueryAnalyzer.maximumDepth else { return QueryOutput(columns: [], complete: false) }
        var frame: [String: QueryOutput] = [:]
        ctes.append(frame)
        defer { ctes.removeLast() }
        if let selfReference = recursiveSelf {
            recursiveSelf = nil
            var left = try recursiveAnchor(q.body)
            for (i, name) in selfReference.columns.enumerated() where i < left.columns.count {
                left.columns[i].name = name
            }
            frame[selfReference.name] = left
            ctes[ctes.count - 1] = frame
        }
        if let with = q.with {
            for cte in with.ctes {
                let name = cte.name.value
                guard case .select(let select) = cte.query else {
                    if strict {
                        throw CatalogError(
                            CatalogError.featureNotSupported,
                            "views must not contain data-modifying statements in WITH", span: cte.span)
                    }
                    frame[name] = QueryOutput(columns: [], complete: false)
                    ctes[ctes.count - 1] = frame
                    continue
                }
                if with.recursive, case .setOperation = select.body {
                    var anchor = try recursiveAnchor(select.body)
                    try rename(&anchor, cte.columns, what: "WITH query \"\(name)\"", span: cte.span)
                    frame[name] = anchor
                    ctes[ctes.count - 1] = frame
                }
                var output = try query(select)
                try rename(&output, cte.columns, what: "WITH query \"\(name)\"", span: cte.span)
                frame[name] = output
                ctes[ctes.count - 1] = frame
            }
        }
        return try body(q.body, orderBy: q.orderBy)
    }

    /// The non-recursive term of `a UNION [ALL] b`, which names a recursive query's columns.
    private mutating func recursiveAnchor(_ body: SetExpression) throws(CatalogError) -> QueryOutput {
        if case .setOperation(_, _, let left, _) = body { return try self.body(left, orderBy: []) }
        return QueryOutput(columns: [], complete: false)
    }

    private mutating func rename(
        _ output: inout QueryOutput, _ names: [Identifier], what: String, span: SourceSpan
    ) throws(CatalogError) {
        if names.count > output.columns.count && output.complete && strict {
            throw CatalogError(
                CatalogError.invalidColumnReference,
                "\(what) has \(output.columns.count) columns available but \(names.count) columns specified",
                span: span)
        }
        for (i, name) in names.enumerated() {
            if i < output.columns.count {
                output.columns[i].name = name.value
            } else {
                output.columns.append(ScopeColumn(name: name.value, type: nil, origins: []))
            }
        }
    }

    private mutating func body(_ body: SetExpression, orderBy: [OrderItem]) throws(CatalogError) -> QueryOutput {
        switch body {
        case .select(let core):
            return try select(core, orderBy: orderBy)
        case .values(let list):
            var output = QueryOutput(columns: [], complete: true)
            for (r, row) in list.rows.enumerated() {
                if r > 0, row.count != list.rows[0].count, strict {
                    throw CatalogError(
                        CatalogError.syntaxError, "VALUES lists must all be the same length", span: list.span)
                }
                for (i, e) in row.enumerated() {
                    try walk(e)
                    if r == 0 {
                        output.columns.append(ScopeColumn(name: "column\(i + 1)", type: try outputType(e), origins: []))
                    }
                }
            }
            return output
        case .setOperation(let op, _, let left, let right):
            var l = try self.body(left, orderBy: [])
            let r = try self.body(right, orderBy: [])
            if strict, l.complete, r.complete, l.columns.count != r.columns.count {
                throw CatalogError(
                    CatalogError.syntaxError,
                    "each \(op.rawValue.uppercased()) query must have the same number of columns", span: nil)
            }
            for i in l.columns.indices where i >= r.columns.count || l.columns[i].type != r.columns[i].type {
                l.columns[i].type = nil
            }
            l.complete = l.complete && r.complete
            return l
        case .query(let inner):
            return try query(inner)
        case .table(let name):
            scopes.append(QueryScope())
            defer { scopes.removeLast() }
            let index = try addRelation(TableReference(name: name, span: name.span))
            let item = scopes[scopes.count - 1].items[index]
            record(item.columns)
            return QueryOutput(columns: item.columns, complete: item.complete)
        }
    }

    private mutating func select(_ core: SelectCore, orderBy: [OrderItem]) throws(CatalogError) -> QueryOutput {
        scopes.append(QueryScope())
        defer { scopes.removeLast() }
        for item in core.from {
            let index = try addFromItem(item)
            scopes[scopes.count - 1].starItems.append(index)
        }
        var output = QueryOutput(columns: [], complete: true)
        for target in core.targets {
            if case .star(let qualifier) = target.expr.kind {
                let expanded = try expandStar(qualifier, span: target.expr.span)
                output.columns += expanded.columns
                output.complete = output.complete && expanded.complete
                continue
            }
            var column = ScopeColumn(name: "?column?", type: nil, origins: [])
            if case .column(let name) = target.expr.kind {
                if let found = try lookup(name, span: target.expr.span) { column = found }
            } else {
                try walk(target.expr)
                column.type = try outputType(target.expr)
            }
            if let alias = target.alias {
                column.name = alias.value
            } else {
                column.name = try outputName(target.expr)
            }
            output.columns.append(column)
        }
        scopes[scopes.count - 1].outputNames = output.columns.map(\.name)
        if let condition = core.where { try walk(condition) }
        if case .distinctOn(let exprs) = core.distinct { for e in exprs { try walk(e) } }
        scopes[scopes.count - 1].outputNamesVisible = true
        for element in core.groupBy { try walk(element) }
        for item in orderBy { try walk(item.expr) }
        scopes[scopes.count - 1].outputNamesVisible = false
        if let having = core.having { try walk(having) }
        for window in core.windows { try walk(window.spec) }
        return output
    }

    mutating func expandStar(_ qualifier: QualifiedName?, span: SourceSpan) throws(CatalogError) -> QueryOutput {
        let scope = scopes[scopes.count - 1]
        var items: [RangeItem] = []
        if let qualifier {
            guard let item = findItem(qualifier) else {
                if strict, scope.items.allSatisfy(\.complete) {
                    throw CatalogError(
                        CatalogError.undefinedTable, "missing FROM-clause entry for table \"\(qualifier.name)\"",
                        span: span)
                }
                return QueryOutput(columns: [], complete: false)
            }
            items = [item]
        } else {
            if scope.starItems.isEmpty && strict {
                throw CatalogError(CatalogError.syntaxError, "SELECT * with no tables specified is not valid", span: span)
            }
            items = scope.starItems.map { scope.items[$0] }
        }
        var output = QueryOutput(columns: [], complete: true)
        for item in items {
            // (The item's relations are dependencies already: they were read in FROM.)
            record(item.columns)
            output.columns += item.columns
            output.complete = output.complete && item.complete
        }
        return output
    }

    // MARK: FROM

    /// Adds a FROM item to the current level; returns the index of the item
    /// that stands for it (a join's own item for a join).
    private mutating func addFromItem(_ item: FromItem) throws(CatalogError) -> Int {
        switch item {
        case .table(let ref):
            return try addRelation(ref)
        case .subquery(let select, let alias, let lateral, let span):
            if alias == nil, strict, catalog.dialect.postgresVersion < 16 {
                throw CatalogError(CatalogError.syntaxError, "subquery in FROM must have an alias", span: span)
            }
            var output: QueryOutput
            if lateral {
                output = try query(select)
            } else {
                // Siblings are not visible to a non-LATERAL subquery.
                let saved = scopes[scopes.count - 1]
                scopes[scopes.count - 1] = QueryScope()
                defer { scopes[scopes.count - 1] = saved }
                output = try query(select)
            }
            let name = alias?.name?.value ?? ""
            try rename(&output, alias?.columns ?? [], what: "table \"\(name)\"", span: span)
            return append(
                RangeItem(
                    name: alias?.name?.value, schema: nil, columns: output.columns, complete: output.complete,
                    qualifiable: alias?.name != nil, unqualified: true, relations: []))
        case .function(let function):
            return try addFunction(function)
        case .join(let join):
            return try addJoin(join)
        case .parenthesized(let inner, let alias, let span):
            let start = scopes[scopes.count - 1].items.count
            let index = try addFromItem(inner)
            guard let alias, let name = alias.name else { return index }
            var output = QueryOutput(
                columns: scopes[scopes.count - 1].items[index].columns,
                complete: scopes[scopes.count - 1].items[index].complete)
            try rename(&output, alias.columns, what: "table \"\(name.value)\"", span: span)
            let relations = scopes[scopes.count - 1].items[index].relations
            for i in start..<scopes[scopes.count - 1].items.count {
                scopes[scopes.count - 1].items[i].qualifiable = false
                scopes[scopes.count - 1].items[i].unqualified = false
            }
            return append(
                RangeItem(
                    name: name.value, schema: nil, columns: output.columns, complete: output.complete,
                    qualifiable: true, unqualified: true, relations: relations))
        }
    }

    private mutating func append(_ item: RangeItem) -> Int {
        scopes[scopes.count - 1].items.append(item)
        return scopes[scopes.count - 1].items.count - 1
    }

    /// A table, view, sequence or CTE named in FROM.
    private mutating func addRelation(_ ref: TableReference) throws(CatalogError) -> Int {
        var columns: [ScopeColumn]
        var complete = true
        var relationKeys: [ObjectKey] = []
        var schema: String?
        if ref.name.parts.count == 1, let cte = ctes.reversed().lazy.compactMap({ $0[ref.name.name] }).first {
            columns = cte.columns
            complete = cte.complete
        } else if let key = catalog.resolve(ref.name, exists: { catalog.hasRelationColumns($0) }) {
            columns = relations[place(of: key)].columns
            relationKeys = [key]
            schema = key.schema
        } else {
            if strict { throw catalog.missingRelation(ref.name) }
            columns = []
            complete = false
        }
        var output = QueryOutput(columns: columns, complete: complete)
        let name = ref.alias?.name?.value ?? SQLName.truncated(ref.name.name)
        try rename(&output, ref.alias?.columns ?? [], what: "table \"\(name)\"", span: ref.span)
        return append(
            RangeItem(
                name: name, schema: ref.alias?.name == nil ? schema : nil, columns: output.columns,
                complete: output.complete, qualifiable: true, unqualified: true, relations: relationKeys))
    }

    /// The place of `key` (a table, view or sequence) in `relations`, which a
    /// first read adds it to: a relation named in FROM is a dependency of the
    /// view, whatever of it the view reads.
    private mutating func place(of key: ObjectKey) -> Int {
        if let known = relationPlaces[key] { return known }
        let place = relations.count
        var columns: [ScopeColumn] = []
        func add(_ name: String, _ type: ColumnType?) {
            let slot = ColumnSlot(relation: Int32(place), column: Int32(columns.count))
            columns.append(ScopeColumn(name: name, type: type, origins: ReadColumns(slot)))
        }
        if let table = catalog.tables[key] {
            columns.reserveCapacity(table.columns.count)
            for column in table.columns { add(column.name, column.type) }
        } else if let view = catalog.views[key] {
            columns.reserveCapacity(view.columns.count)
            for column in view.columns { add(column.name, column.type) }
        } else {
            for column in catalog.relationColumns(key) ?? [] { add(column.name, column.type) }
        }
        relations.append(ReadRelation(key: key, columns: columns, read: [Bool](repeating: false, count: columns.count)))
        relationPlaces[key] = place
        return place
    }

    /// What the view depends on (`pg_depend`): every relation it names, with the
    /// columns it reads of each.
    var dependencies: [ObjectKey: Set<String>] {
        var out: [ObjectKey: Set<String>] = [:]
        out.reserveCapacity(relations.count)
        for relation in relations {
            // Sized at once: growing a set hashes its names again.
            var count = 0
            for read in relation.read where read { count += 1 }
            var names = Set<String>(minimumCapacity: count)
            for (i, read) in relation.read.enumerated() where read { names.insert(relation.columns[i].name) }
            out[relation.key] = names
        }
        return out
    }

    /// Functions whose result is one unnamed column, named after the alias or the function.
    private static let scalarSetFunctions: Set<String> = [
        "generate_series", "generate_subscripts", "regexp_split_to_table", "unnest",
    ]

    /// Functions whose result columns are named by their OUT parameters.
    private static let recordSetFunctions: [String: [String]] = [
        "json_each": ["key", "value"], "jsonb_each": ["key", "value"], "json_each_text": ["key", "value"],
        "jsonb_each_text": ["key", "value"], "json_array_elements": ["value"], "jsonb_array_elements": ["value"],
        "json_array_elements_text": ["value"], "jsonb_array_elements_text": ["value"],
    ]

    private mutating func addFunction(_ function: TableFunction) throws(CatalogError) -> Int {
        for call in function.calls { try walk(call) }
        let alias = function.alias
        let name = alias?.name?.value ?? function.calls.first?.name.name ?? ""
        var columns: [ScopeColumn] = []
        var complete = false
        if let alias, !alias.columnTypes.isEmpty {
            // A column definition list names and types every column.
            columns = alias.columns.map { ScopeColumn(name: $0.value, type: nil, origins: []) }
            for (i, written) in alias.columnTypes.enumerated() where i < columns.count {
                if let written { columns[i].type = try castType(written) }
            }
            complete = true
        } else if !function.rowsFrom, function.calls.count == 1, let call = function.calls.first,
            let known = resultColumns(call, named: name)
        {
            columns = known
            for (i, column) in (alias?.columns ?? []).enumerated() where i < columns.count {
                columns[i].name = column.value
            }
            complete = true
        } else if let alias {
            columns = alias.columns.map { ScopeColumn(name: $0.value, type: nil, origins: []) }
        }
        if function.withOrdinality, complete {
            let ordinality = alias.map { $0.columns.count > columns.count ? $0.columns[columns.count].value : nil }
            columns.append(ScopeColumn(name: (ordinality ?? nil) ?? "ordinality", type: .bigint, origins: []))
        }
        return append(
            RangeItem(
                name: name, schema: nil, columns: columns, complete: complete, qualifiable: true, unqualified: true,
                relations: []))
    }

    /// The columns a function in FROM yields, when known: a few built-in
    /// set-returning functions, and functions of this catalog by their result.
    private func resultColumns(_ call: FunctionCall, named name: String) -> [ScopeColumn]? {
        let function = call.name.name
        if call.name.parts.count == 1 || call.name.qualifier == "pg_catalog" {
            if ViewQueryAnalyzer.scalarSetFunctions.contains(function), function != "unnest" || call.arguments.count == 1 {
                return [ScopeColumn(name: name, type: nil, origins: [])]
            }
            if let names = ViewQueryAnalyzer.recordSetFunctions[function] {
                return names.map { ScopeColumn(name: $0, type: nil, origins: []) }
            }
        }
        let candidates = catalog.routineCandidates(call.name).filter { !$0.isProcedure }
        guard
            let routine = candidates.count == 1
                ? candidates.first : candidates.first(where: { $0.argumentTypes.count == call.arguments.count }),
            var result = routine.returns
        else { return nil }
        if result.hasPrefix("TABLE(") {
            let tokens = SQLTextScanner.tokens(result)
            return tokens.indices.compactMap { i in
                guard i > 0, tokens[i].kind == .identifier,
                    tokens[i - 1].kind == .leftParen || tokens[i - 1].kind == .comma
                else { return nil }
                return ScopeColumn(name: tokens[i].value, type: nil, origins: [])
            }
        }
        if result.hasPrefix("SETOF ") { result.removeFirst(6) }
        if result == "record" { return nil }
        let rowTypes = Array(catalog.tables.keys) + Array(catalog.views.keys) + Array(catalog.types.keys)
        if let key = rowTypes.first(where: { Catalog.typeDisplayName($0) == result }) {
            if let columns = catalog.relationColumns(key) {
                return columns.map { ScopeColumn(name: $0.name, type: $0.type, origins: []) }
            }
            if case .composite(let attributes) = catalog.types[key]?.definition {
                return attributes.map { ScopeColumn(name: $0.name, type: $0.type, origins: []) }
            }
        }
        return [ScopeColumn(name: name, type: nil, origins: [])]
    }

    private mutating func addJoin(_ join: Join) throws(CatalogError) -> Int {
        let start = scopes[scopes.count - 1].items.count
        let leftIndex = try addFromItem(join.left)
        let rightIndex = try addFromItem(join.right)
        let left = scopes[scopes.count - 1].items[leftIndex]
        let right = scopes[scopes.count - 1].items[rightIndex]
        var merged: [String] = []
        var usingAlias: Identifier?
        switch join.condition {
        case .on(let condition):
            try walk(condition)
        case .using(let names, let alias):
            merged = names.map(\.value)
            usingAlias = alias
        case .none:
            if join.natural {
                merged = left.columns.map(\.name).filter { name in right.columns.contains { $0.name == name } }
            }
        }
        var columns: [ScopeColumn] = []
        for name in merged {
            let l = left.columns.first { $0.name == name }
            let r = right.columns.first { $0.name == name }
            if strict, l == nil, left.complete {
                throw CatalogError(
                    CatalogError.undefinedColumn,
                    "column \"\(name)\" specified in USING clause does not exist in left table", span: join.span)
            }
            if strict, r == nil, right.complete {
                throw CatalogError(
                    CatalogError.undefinedColumn,
                    "column \"\(name)\" specified in USING clause does not exist in right table", span: join.span)
            }
            let type = l?.type == r?.type ? l?.type : nil
            columns.append(ScopeColumn(name: name, type: type, origins: (l?.origins ?? []) + (r?.origins ?? [])))
        }
        if merged.isEmpty {
            // An ON join (most are): both sides' columns, as they are.
            columns.reserveCapacity(left.columns.count + right.columns.count)
            columns += left.columns
            columns += right.columns
        } else {
            columns += left.columns.filter { !merged.contains($0.name) }
            columns += right.columns.filter { !merged.contains($0.name) }
        }
        for i in start..<scopes[scopes.count - 1].items.count {
            scopes[scopes.count - 1].items[i].unqualified = false
        }
        // The join's own inputs only: items[start...] also holds the nested joins'
        // items, whose relations those joins already carry (taking them all would
        // double the list with every join).
        let relations = uniqueKeys(left.relations + right.relations)
        if let usingAlias {
            _ = append(
                RangeItem(
                    name: usingAlias.value, schema: nil, columns: columns.filter { merged.contains($0.name) },
                    complete: true, qualifiable: true, unqualified: false, relations: relations))
        }
        return append(
            RangeItem(
                name: nil, schema: nil, columns: columns, complete: left.complete && right.complete,
                qualifiable: false, unqualified: true, relations: relations))
    }

}

extension Catalog {
    /// Whether `key` is a table, view or sequence (`relationColumns` is not nil).
    func hasRelationColumns(_ key: ObjectKey) -> Bool {
        tables[key] != nil || views[key] != nil || sequences[key] != nil
    }

    /// The columns of a table, view or sequence, as a query sees them.
    func relationColumns(_ key: ObjectKey) -> [ViewColumn]? {
        if let table = tables[key] { return table.columns.map { ViewColumn(name: $0.name, type: $0.type) } }
        if let view = views[key] { return view.columns }
        if sequences[key] != nil {
            return [
                ViewColumn(name: "last_value", type: .bigint), ViewColumn(name: "log_cnt", type: .bigint),
                ViewColumn(name: "is_called", type: .boolean),
            ]
        }
        return nil
    }
}

extension Dialect {
    /// PostgreSQL analyses a view's query when the view is created (unknown
    /// relations and columns fail); SQLite only when the view is used.
    var validatesViewQueries: Bool { kind == .postgres }
    /// PostgreSQL names an output expression by a word (`lower`, `case`,
    /// `?column?`); SQLite by the expression's text.
    var namesExpressionColumnsByWord: Bool { kind == .postgres }

}

/// The keys in first-seen order, each once.
private func uniqueKeys(_ keys: [ObjectKey]) -> [ObjectKey] {
    var seen: Set<ObjectKey> = []
    return keys.filter { seen.insert($0).inserted }
}
