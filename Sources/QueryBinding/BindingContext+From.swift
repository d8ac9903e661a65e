import SQLSyntax
import SchemaCatalog

// FROM items, as PostgreSQL's `transformFromClauseItem` reads them: a
// non-LATERAL subquery sees the enclosing query levels but not its siblings; a
// function in FROM sees the items before it; a JOIN's ON sees only the join's
// inputs; an alias on a join hides its inputs.

extension BindingContext {
    /// Adds a FROM item to the current level; returns the index of the item that
    /// stands for it (a join's own item for a join).
    mutating func addFromItem(_ item: FromItem) throws(BindError) -> Int {
        depth += 1
        defer { depth -= 1 }
        guard mayDescend() else {
            return append(
                RangeItem(
                    name: nil, schema: nil, columns: [], complete: false, qualifiable: false, unqualified: true,
                    relations: []))
        }
        switch item {
        case .table(let ref):
            return try addRelation(ref)
        case .subquery(let select, let alias, let lateral, let span):
            if alias == nil, !rules.isSQLite, catalog.dialect.postgresVersion < 16 {
                throw BindError(SQLState.syntaxError, "subquery in FROM must have an alias", span: span)
            }
            var output: QueryOutput
            if lateral {
                output = try query(select)
            } else {
                output = try hidingSiblings { (context: inout BindingContext) throws(BindError) in
                    try context.query(select)
                }
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
            joinDepth += 1
            defer { joinDepth -= 1 }
            guard joinDepth < BindingContext.maximumJoinDepth else {
                return append(
                    RangeItem(
                        name: nil, schema: nil, columns: [], complete: false, qualifiable: false, unqualified: true,
                        relations: []))
            }
            return try addJoin(join)
        case .parenthesized(let inner, let alias, let span):
            let start = levels[levels.count - 1].items.count
            let index = try addFromItem(inner)
            guard let alias, let name = alias.name else { return index }
            let inner = levels[levels.count - 1].items[index]
            var output = QueryOutput(columns: inner.columns, complete: inner.complete)
            try rename(&output, alias.columns, what: "table \"\(name.value)\"", span: span)
            // The item standing for the inner FROM item already lists every relation under it.
            let relations = inner.relations
            for i in start..<levels[levels.count - 1].items.count {
                levels[levels.count - 1].items[i].qualifiable = false
                levels[levels.count - 1].items[i].unqualified = false
            }
            return append(
                RangeItem(
                    name: name.value, schema: nil, columns: output.columns, complete: output.complete,
                    qualifiable: true, unqualified: true, relations: relations))
        }
    }

    /// Runs `body` with the current level's items out of sight (a non-LATERAL subquery).
    mutating func hidingSiblings<T>(
        _ body: (inout BindingContext) throws(BindError) -> T
    ) throws(BindError) -> T {
        let saved = levels[levels.count - 1]
        levels[levels.count - 1] = QueryLevel()
        defer { levels[levels.count - 1] = saved }
        return try body(&self)
    }

    mutating func append(_ item: RangeItem) -> Int {
        levels[levels.count - 1].items.append(item)
        return levels[levels.count - 1].items.count - 1
    }

    /// The WITH query an unqualified name means, innermost first.
    func cte(_ name: QualifiedName) -> QueryOutput? {
        guard name.parts.count == 1 else { return nil }
        for frame in ctes.reversed() {
            if let found = frame.first(where: { same($0.key, name.name) }) { return found.value }
        }
        return nil
    }

    /// A table, view, sequence or WITH query named in FROM (or as a DML target
    /// when `cte` is false).
    mutating func addRelation(_ ref: TableReference, allowCTE: Bool = true) throws(BindError) -> Int {
        var columns: [ScopeColumn]
        var complete = true
        var relations: [ObjectKey] = []
        var schema: String?
        if allowCTE, let cte = cte(ref.name) {
            columns = cte.columns
            complete = cte.complete
        } else if let key = resolveRelation(ref.name) {
            columns = relationColumns(key)
            relations = [key]
            schema = key.schema
            result.relations.insert(key)
        } else if isSystemRelation(ref.name) {
            columns = []
            complete = false
            schema = ref.name.qualifier
        } else {
            throw missingRelation(ref.name)
        }
        var output = QueryOutput(columns: columns, complete: complete)
        let name = ref.alias?.name?.value ?? ref.name.name
        try rename(&output, ref.alias?.columns ?? [], what: "table \"\(name)\"", span: ref.span)
        var item = RangeItem(
            name: name, schema: ref.alias?.name == nil ? schema : nil, columns: output.columns,
            complete: output.complete, qualifiable: true, unqualified: true, relations: relations)
        if let key = relations.first, let table = catalog.tables[key] {
            if rules.isSQLite {
                item.systemColumns = table.withoutRowid ? [] : ["rowid", "oid", "_rowid_"]
            } else {
                item.systemColumns = ["ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"]
            }
        }
        return append(item)
    }

    func missingRelation(_ name: QualifiedName) -> BindError {
        if rules.isSQLite {
            return BindError(SQLState.undefinedTable, "no such table: \(name.dotted)", span: name.span)
        }
        return BindError(SQLState.undefinedTable, "relation \"\(name.dotted)\" does not exist", span: name.span)
    }

    /// A table, view or sequence of the catalog, by the search path (PostgreSQL)
    /// or by name in any attached schema (SQLite).
    func resolveRelation(_ name: QualifiedName) -> ObjectKey? {
        let exists: (ObjectKey) -> Bool = { key in
            catalog.tables[key] != nil || catalog.views[key] != nil || catalog.sequences[key] != nil
        }
        if rules.caseInsensitiveNames {
            let wanted = name.name.lowercased()
            let schema = name.qualifier?.lowercased()
            let keys = Array(catalog.tables.keys) + Array(catalog.views.keys)
            return keys.filter { key in
                key.name.lowercased() == wanted && (schema == nil || key.schema.lowercased() == schema)
            }.min()
        }
        return catalog.resolve(name, exists: exists)
    }

    /// System catalogs and views, which the catalog does not model: assumed to
    /// exist with unknown columns.
    func isSystemRelation(_ name: QualifiedName) -> Bool {
        if rules.isSQLite {
            return ["sqlite_master", "sqlite_schema", "sqlite_sequence", "sqlite_temp_master", "sqlite_stat1"]
                .contains(name.name.lowercased())
        }
        if let schema = name.qualifier { return schema == "pg_catalog" || schema == "information_schema" }
        return name.name.hasPrefix("pg_")
    }

    /// The columns of a table, view or sequence, as a query sees them.
    func relationColumns(_ key: ObjectKey) -> [ScopeColumn] {
        if let table = catalog.tables[key] {
            return table.columns.map { column in
                ScopeColumn(name: column.name, type: .known(column.type), origins: Origins(ColumnReference(table: key, column: column.name)))
            }
        }
        if let view = catalog.views[key] {
            return view.columns.map { column in
                ScopeColumn(
                    name: column.name, type: column.type.map(ValueType.known) ?? .unknown,
                    origins: Origins(ColumnReference(table: key, column: column.name)))
            }
        }
        if catalog.sequences[key] != nil {
            return [
                ScopeColumn(name: "last_value", type: .known(.bigint), origins: []),
                ScopeColumn(name: "log_cnt", type: .known(.bigint), origins: []),
                ScopeColumn(name: "is_called", type: .known(.boolean), origins: []),
            ]
        }
        return []
    }

    // MARK: Functions in FROM

    /// Built-in functions whose result is one column, named after the alias or the function.
    static let scalarSetFunctions: Set<String> = [
        "generate_series", "generate_subscripts", "regexp_split_to_table", "unnest", "json_object_keys",
        "jsonb_object_keys", "jsonb_path_query", "string_to_table", "regexp_matches",
    ]

    /// Built-in functions whose result columns are named by their OUT parameters.
    static let recordSetFunctions: [String: [String]] = [
        "json_each": ["key", "value"], "jsonb_each": ["key", "value"], "json_each_text": ["key", "value"],
        "jsonb_each_text": ["key", "value"], "json_array_elements": ["value"], "jsonb_array_elements": ["value"],
        "json_array_elements_text": ["value"], "jsonb_array_elements_text": ["value"],
        "json_each_row": ["key", "value"],
        // SQLite's table-valued JSON functions.
        "json_tree": ["key", "value", "type", "atom", "id", "parent", "fullkey", "path", "json", "root"],
    ]

    /// Built-in functions that return `record`: a column definition list names their columns.
    static let recordFunctions: Set<String> = [
        "json_to_record", "jsonb_to_record", "json_to_recordset", "jsonb_to_recordset", "json_populate_record",
        "jsonb_populate_record", "json_populate_recordset", "jsonb_populate_recordset", "crosstab",
    ]

    mutating func addFunction(_ function: TableFunction) throws(BindError) -> Int {
        // Arguments see the items before this one (functions are implicitly LATERAL).
        for call in function.calls { _ = try functionCall(call, span: call.name.span) }
        let alias = function.alias
        let name = alias?.name?.value ?? function.calls.first?.name.name ?? ""
        var columns: [ScopeColumn] = []
        var complete = false
        if let alias, !alias.columnTypes.isEmpty {
            // A column definition list names and types every column.
            columns = alias.columns.map { ScopeColumn(name: $0.value, type: .unknown, origins: []) }
            for (i, written) in alias.columnTypes.enumerated() where i < columns.count {
                if let written { columns[i].type = try typeName(written) }
            }
            complete = true
        } else if !function.rowsFrom, function.calls.count == 1, let call = function.calls.first,
            let known = try resultColumns(call, named: name)
        {
            columns = known
            for (i, column) in (alias?.columns ?? []).enumerated() {
                if i < columns.count {
                    columns[i].name = column.value
                } else if !function.withOrdinality || i > columns.count {
                    throw BindError(
                        SQLState.invalidColumnReference,
                        "table \"\(name)\" has \(columns.count) columns available but \(alias?.columns.count ?? 0) columns specified",
                        span: function.span)
                }
            }
            complete = true
        } else if let alias {
            columns = alias.columns.map { ScopeColumn(name: $0.value, type: .unknown, origins: []) }
        }
        if function.withOrdinality, complete {
            let ordinality = alias.map { $0.columns.count > columns.count ? $0.columns[columns.count].value : nil }
            columns.append(ScopeColumn(name: (ordinality ?? nil) ?? "ordinality", type: .known(.bigint), origins: []))
        }
        return append(
            RangeItem(
                name: name, schema: nil, columns: columns, complete: complete, qualifiable: true, unqualified: true,
                relations: []))
    }

    /// The columns a function in FROM yields, when known: a few built-in
    /// set-returning functions, and functions of this catalog by their result.
    private func resultColumns(_ call: FunctionCall, named name: String) throws(BindError) -> [ScopeColumn]? {
        let function = call.name.name
        if call.name.parts.count == 1 || call.name.qualifier == "pg_catalog" {
            if BindingContext.scalarSetFunctions.contains(function), function != "unnest" || call.arguments.count == 1 {
                return [ScopeColumn(name: name, type: .unknown, origins: [])]
            }
            if let names = BindingContext.recordSetFunctions[function] {
                return names.map { ScopeColumn(name: $0, type: .unknown, origins: []) }
            }
            if BindingContext.recordFunctions.contains(function), !function.contains("populate"), !rules.isSQLite {
                throw BindError(
                    SQLState.syntaxError, "a column definition list is required for functions returning \"record\"",
                    span: call.name.span)
            }
        }
        let candidates = routines(call.name).filter { !$0.isProcedure }
        guard
            let routine = candidates.count == 1
                ? candidates.first : candidates.first(where: { $0.argumentTypes.count == call.arguments.count }),
            var returned = routine.returns
        else { return nil }
        if returned.hasPrefix("TABLE(") {
            return tableColumnNames(returned).map { ScopeColumn(name: $0, type: .unknown, origins: []) }
        }
        if returned.hasPrefix("SETOF ") { returned.removeFirst(6) }
        if returned == "record" { return nil }
        for key in Array(catalog.tables.keys) + Array(catalog.views.keys) + Array(catalog.types.keys)
        where ColumnType(schema: key.schema, name: key.name).sql == returned || key.name == returned {
            if catalog.tables[key] != nil || catalog.views[key] != nil {
                return relationColumns(key).map { ScopeColumn(name: $0.name, type: $0.type, origins: []) }
            }
            if case .composite(let attributes) = catalog.types[key]?.definition {
                return attributes.map { ScopeColumn(name: $0.name, type: .known($0.type), origins: []) }
            }
        }
        return [ScopeColumn(name: name, type: .unknown, origins: [])]
    }

    /// The column names of `TABLE(a integer, b text)`.
    private func tableColumnNames(_ text: String) -> [String] {
        var inner = text.dropFirst("TABLE(".count)
        if inner.hasSuffix(")") { inner = inner.dropLast() }
        var names: [String] = []
        var depth = 0
        var current = ""
        for c in inner {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == ",", depth == 0 {
                names.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        names.append(current)
        return names.compactMap { part in
            let word = part.trimmed.split(separator: " ").first.map(String.init)
            guard let word else { return nil }
            if word.hasPrefix("\""), word.hasSuffix("\""), word.count >= 2 { return String(word.dropFirst().dropLast()) }
            return word.lowercased()
        }
    }

    // MARK: Joins

    mutating func addJoin(_ join: Join) throws(BindError) -> Int {
        let start = levels[levels.count - 1].items.count
        let leftIndex = try addFromItem(join.left)
        let rightIndex = try addFromItem(join.right)
        let end = levels[levels.count - 1].items.count
        let left = levels[levels.count - 1].items[leftIndex]
        let right = levels[levels.count - 1].items[rightIndex]
        var merged: [String] = []
        var usingAlias: Identifier?
        switch join.condition {
        case .on(let condition):
            // ON sees the join's own inputs only.
            let saved = levels[levels.count - 1]
            for i in 0..<start {
                levels[levels.count - 1].items[i].qualifiable = false
                levels[levels.count - 1].items[i].unqualified = false
            }
            do {
                try self.condition(condition, clause: "JOIN/ON")
            } catch {
                levels[levels.count - 1] = saved
                throw error
            }
            levels[levels.count - 1] = saved
        case .using(let names, let alias):
            merged = names.map(\.value)
            usingAlias = alias
        case .none:
            if join.natural {
                merged = left.columns.map(\.name).filter { name in right.columns.contains { same($0.name, name) } }
            }
        }
        var columns: [ScopeColumn] = []
        for name in merged {
            let l = left.columns.filter { same($0.name, name) }
            let r = right.columns.filter { same($0.name, name) }
            for (side, found, item) in [("left", l, left), ("right", r, right)] {
                if found.isEmpty, item.complete {
                    throw BindError(
                        SQLState.undefinedColumn,
                        rules.isSQLite
                            ? "cannot join using column \(name) - column not present in both tables"
                            : "column \"\(name)\" specified in USING clause does not exist in \(side) table",
                        span: join.span)
                }
                if found.count > 1 {
                    throw BindError(
                        SQLState.ambiguousColumn,
                        "common column name \"\(name)\" appears more than once in \(side) table", span: join.span)
                }
            }
            record(l.first?.origins ?? [])
            record(r.first?.origins ?? [])
            var type = l.first?.type ?? .unknown
            if let lt = l.first?.type, let rt = r.first?.type {
                type = try unify(lt, rt, context: "JOIN/USING", span: join.span)
                if rules.checksTypes, let a = lt.columnType, let b = rt.columnType {
                    try checkComparable(a, "=", b, span: join.span)
                }
            }
            columns.append(ScopeColumn(name: name, type: type, origins: (l.first?.origins ?? []) + (r.first?.origins ?? [])))
        }
        columns += left.columns.filter { column in !merged.contains { same($0, column.name) } }
        columns += right.columns.filter { column in !merged.contains { same($0, column.name) } }
        for i in start..<end {
            levels[levels.count - 1].items[i].unqualified = false
        }
        // Each side's item lists the relations under it (not the nested items again,
        // which would double them at every level of a join chain).
        let relations = left.relations + right.relations
        if let usingAlias {
            _ = append(
                RangeItem(
                    name: usingAlias.value, schema: nil, columns: Array(columns.prefix(merged.count)),
                    complete: true, qualifiable: true, unqualified: false, relations: []))
        }
        return append(
            RangeItem(
                name: nil, schema: nil, columns: columns, complete: left.complete && right.complete,
                qualifiable: false, unqualified: true, relations: relations))
    }
}
