import SQLSyntax
import SchemaCatalog

// SELECT, set operations, VALUES and WITH, in the order of PostgreSQL's
// `transformSelectStmt`: WITH, FROM, target list, WHERE, HAVING, ORDER BY,
// GROUP BY, DISTINCT ON, LIMIT/OFFSET, WINDOW, FOR UPDATE.

extension BindingContext {
    mutating func query(_ q: SelectStatement) throws(BindError) -> QueryOutput {
        depth += 1
        defer { depth -= 1 }
        guard mayDescend() else { return .unknown }
        ctes.append([:])
        defer { ctes.removeLast() }
        if let with = q.with { try bindWith(with) }
        return try body(q.body, statement: q)
    }

    /// Binds WITH queries, each visible to the ones after it (and to itself when recursive).
    mutating func bindWith(_ with: WithClause) throws(BindError) {
        if with.recursive {
            // A recursive WITH may name any of its queries, in any order.
            for cte in with.ctes where ctes[ctes.count - 1][cte.name.value] == nil {
                ctes[ctes.count - 1][cte.name.value] = .unknown
            }
        }
        var seen: Set<String> = []
        for cte in with.ctes {
            let name = cte.name.value
            if !seen.insert(name).inserted {
                throw BindError(
                    SQLState.duplicateAlias, "WITH query name \"\(name)\" specified more than once", span: cte.name.span)
            }
            var output: QueryOutput
            switch cte.query {
            case .select(let select):
                if with.recursive, case .setOperation(_, _, let left, _) = select.body {
                    // The non-recursive term names and types the recursive query's columns.
                    var anchor = try anchorOutput(left, with: select.with)
                    try rename(&anchor, cte.columns, what: "WITH query \"\(name)\"", span: cte.span)
                    ctes[ctes.count - 1][name] = anchor
                }
                output = try query(select)
            case .insert(let s): output = try insert(s)
            case .update(let s): output = try update(s)
            case .delete(let s): output = try delete(s)
            case .merge(let s): output = try merge(s)
            }
            try rename(&output, cte.columns, what: "WITH query \"\(name)\"", span: cte.span)
            ctes[ctes.count - 1][name] = output
        }
    }

    private mutating func anchorOutput(_ left: SetExpression, with: WithClause?) throws(BindError) -> QueryOutput {
        ctes.append([:])
        defer { ctes.removeLast() }
        if let with { try bindWith(with) }
        return try body(left, statement: nil)
    }

    /// Names the columns of a WITH query or aliased FROM item.
    mutating func rename(
        _ output: inout QueryOutput, _ names: [Identifier], what: String, span: SourceSpan
    ) throws(BindError) {
        if names.count > output.columns.count && output.complete {
            throw BindError(
                SQLState.invalidColumnReference,
                "\(what) has \(output.columns.count) columns available but \(names.count) columns specified",
                span: span)
        }
        for (i, name) in names.enumerated() {
            if i < output.columns.count {
                output.columns[i].name = name.value
            } else {
                output.columns.append(ScopeColumn(name: name.value, type: .unknown, origins: []))
            }
        }
    }

    /// A query body; `statement` carries the ORDER BY, LIMIT and locking of the
    /// level it belongs to (nil for inner terms of a set operation).
    mutating func body(_ body: SetExpression, statement: SelectStatement?) throws(BindError) -> QueryOutput {
        switch body {
        case .select(let core):
            return try select(core, statement: statement)
        case .values(let list):
            levels.append(QueryLevel())
            defer { levels.removeLast() }
            var output = QueryOutput(columns: [], complete: true)
            for (r, row) in list.rows.enumerated() {
                if r > 0, row.count != list.rows[0].count {
                    throw BindError(SQLState.syntaxError, "VALUES lists must all be the same length", span: list.span)
                }
                for (i, e) in row.enumerated() {
                    let type = try expression(e)
                    if r == 0 {
                        output.columns.append(ScopeColumn(name: "column\(i + 1)", type: type, origins: []))
                    } else if i < output.columns.count {
                        output.columns[i].type = try unify(output.columns[i].type, type, context: "VALUES", span: e.span)
                    }
                }
            }
            try finish(statement, output: output)
            return output
        case .setOperation(let op, _, let left, let right):
            var l = try self.body(left, statement: nil)
            let r = try self.body(right, statement: nil)
            if l.complete, r.complete, l.columns.count != r.columns.count {
                throw BindError(
                    SQLState.syntaxError, "each \(op.rawValue.uppercased()) query must have the same number of columns",
                    span: nil)
            }
            for i in l.columns.indices {
                guard i < r.columns.count else {
                    l.columns[i].type = .unknown
                    continue
                }
                l.columns[i].type = try unify(
                    l.columns[i].type, r.columns[i].type, context: op.rawValue.uppercased(), span: nil)
                l.columns[i].origins += r.columns[i].origins
            }
            l.complete = l.complete && r.complete
            try finish(statement, output: l)
            return l
        case .query(let inner):
            let output = try query(inner)
            try finish(statement, output: output)
            return output
        case .table(let name):
            levels.append(QueryLevel())
            defer { levels.removeLast() }
            let index = try addRelation(TableReference(name: name, span: name.span))
            let item = levels[levels.count - 1].items[index]
            recordWhole(item)
            let output = QueryOutput(columns: item.columns, complete: item.complete)
            try finish(statement, output: output)
            return output
        }
    }

    /// ORDER BY and LIMIT of a set operation, VALUES or parenthesized query: they
    /// see only the output columns, by name or position.
    private mutating func finish(_ statement: SelectStatement?, output: QueryOutput) throws(BindError) {
        guard let statement else { return }
        levels.append(QueryLevel(items: [
            RangeItem(
                name: nil, schema: nil, columns: output.columns, complete: output.complete, qualifiable: false,
                unqualified: true, relations: [])
        ]))
        defer { levels.removeLast() }
        for item in statement.orderBy {
            if case .literal(.integer(let text)) = item.expr.kind, let position = Int(text) {
                if output.complete, position < 1 || position > output.columns.count {
                    throw BindError(
                        SQLState.invalidColumnReference, "ORDER BY position \(position) is not in select list",
                        span: item.expr.span)
                }
                continue
            }
            _ = try expression(item.expr)
        }
        try limits(statement)
    }

    private mutating func limits(_ statement: SelectStatement) throws(BindError) {
        if let limit = statement.limit { _ = try expression(limit) }
        if let offset = statement.offset { _ = try expression(offset) }
    }

    private mutating func select(_ core: SelectCore, statement: SelectStatement?) throws(BindError) -> QueryOutput {
        levels.append(QueryLevel())
        defer { levels.removeLast() }
        // FROM: each item sees the ones before it only when LATERAL.
        var refnames: [String: Int] = [:]
        for item in core.from {
            let start = levels[levels.count - 1].items.count
            let index = try addFromItem(item)
            levels[levels.count - 1].starItems.append(index)
            try checkDuplicateNames(from: start, seen: &refnames, span: item.span)
        }
        if rules.outputNamesEverywhere { levels[levels.count - 1].outputNamesVisible = true }
        // Target list, `*` expanded in place.
        var output = QueryOutput(columns: [], complete: true)
        for target in core.targets {
            if case .star(let qualifier) = target.expr.kind {
                let expanded = try expandStar(qualifier, span: target.expr.span)
                output.columns += expanded.columns
                output.complete = output.complete && expanded.complete
                continue
            }
            var column = ScopeColumn(name: "?column?", type: .unknown, origins: [])
            if case .column(let name) = target.expr.kind, let found = try lookup(name, span: target.expr.span) {
                column = found
            } else {
                column.type = try expression(target.expr)
            }
            column.name = target.alias?.value ?? outputName(target.expr)
            output.columns.append(column)
            if rules.outputNamesEverywhere { levels[levels.count - 1].outputNames.append(column.name) }
        }
        levels[levels.count - 1].outputNames = output.columns.map(\.name)
        if let filter = core.where { try self.condition(filter, clause: "WHERE") }
        if let having = core.having { try self.condition(having, clause: "HAVING") }
        if let statement {
            for item in statement.orderBy { try sortItem(item.expr, output: output, outputFirst: true, clause: "ORDER BY") }
        }
        for element in core.groupBy { try grouping(element, output: output) }
        if case .distinctOn(let exprs) = core.distinct {
            for e in exprs { try sortItem(e, output: output, outputFirst: true, clause: "DISTINCT ON") }
        }
        if let statement { try limits(statement) }
        for window in core.windows { try self.window(window.spec) }
        try checkGrouping(core, orderBy: statement?.orderBy ?? [], output: output)
        if let statement { try locking(statement.locking) }
        if let into = core.into {
            // SELECT INTO creates a table: refused when the name is taken.
            let key = catalog.keyForNew(into)
            if catalog.relationKind(key) != nil {
                throw BindError("42P07", "relation \"\(key.name)\" already exists", span: into.span)
            }
        }
        return output
    }

    /// PostgreSQL refuses two FROM items with the same name at one level.
    private func checkDuplicateNames(from start: Int, seen: inout [String: Int], span: SourceSpan) throws(BindError) {
        let items = levels[levels.count - 1].items
        for i in start..<items.count where items[i].qualifiable {
            guard let name = items[i].name else { continue }
            let key = rules.caseInsensitiveNames ? name.lowercased() : name
            // An unaliased table and an alias may share a name only if the schemas differ.
            if let other = seen[key], items[other].schema == nil || items[i].schema == nil
                || items[other].schema == items[i].schema
            {
                throw BindError(SQLState.duplicateAlias, "table name \"\(name)\" specified more than once", span: span)
            }
            seen[key] = i
        }
    }

    /// An ORDER BY or DISTINCT ON item (SQL92 rules: a bare name is an output
    /// column first; an integer is a position) or a GROUP BY item (SQL92 rules
    /// with input columns first).
    mutating func sortItem(
        _ e: Expr, output: QueryOutput, outputFirst: Bool, clause: String
    ) throws(BindError) {
        switch e.kind {
        case .literal(.integer(let text)):
            if let position = Int(text), output.complete, position < 1 || position > output.columns.count {
                throw BindError(
                    SQLState.invalidColumnReference, "\(clause) position \(text) is not in select list", span: e.span)
            }
            return
        case .column(let name) where name.parts.count == 1:
            let matches = output.columns.filter { same($0.name, name.name) }
            if outputFirst {
                if matches.count > 1, !rules.isSQLite,
                    Set(matches.map { $0.origins.map { "\($0.table).\($0.column)" } }).count > 1 || matches.contains(where: { $0.origins.isEmpty })
                {
                    // Several output columns of that name are ambiguous unless they are the same expression.
                    throw BindError(SQLState.ambiguousColumn, "\(clause) \"\(name.name)\" is ambiguous", span: e.span)
                }
                if !matches.isEmpty { return }
                _ = try expression(e)
            } else {
                // GROUP BY: an input column wins; an output name is the fallback.
                let saved = result
                do {
                    _ = try expression(e)
                } catch {
                    guard error.code == SQLState.undefinedColumn, !matches.isEmpty else { throw error }
                    result = saved
                }
            }
        default:
            _ = try expression(e)
        }
    }

    mutating func grouping(_ element: GroupingElement, output: QueryOutput) throws(BindError) {
        switch element {
        case .expr(let e): try sortItem(e, output: output, outputFirst: false, clause: "GROUP BY")
        case .empty: return
        case .rollup(let sets), .cube(let sets):
            for set in sets { for e in set { try sortItem(e, output: output, outputFirst: false, clause: "GROUP BY") } }
        case .groupingSets(let elements):
            for inner in elements { try grouping(inner, output: output) }
        }
    }

    mutating func window(_ spec: WindowSpec) throws(BindError) {
        for e in spec.partitionBy { _ = try expression(e) }
        for item in spec.orderBy { _ = try expression(item.expr) }
        for offset in spec.frame?.offsets ?? [] { _ = try expression(offset) }
    }

    /// `FOR UPDATE OF t`: `t` must be a FROM item of this level.
    private func locking(_ clauses: [LockingClause]) throws(BindError) {
        for clause in clauses {
            for name in clause.of {
                let level = levels[levels.count - 1]
                let found = level.items.contains { item in
                    same(item.name, name.name) && (item.qualifiable || item.name != nil)
                }
                if !found, level.items.allSatisfy(\.complete) {
                    throw BindError(
                        SQLState.undefinedTable,
                        "relation \"\(name.name)\" in FOR \(clause.strength.uppercased()) clause not found in FROM clause",
                        span: name.span)
                }
            }
        }
    }

    /// `*` or `t.*` in a target list or RETURNING.
    mutating func expandStar(_ qualifier: QualifiedName?, span: SourceSpan) throws(BindError) -> QueryOutput {
        let level = levels[levels.count - 1]
        var items: [RangeItem] = []
        if let qualifier {
            guard let item = findItem(qualifier) else {
                if levels.allSatisfy({ $0.items.allSatisfy(\.complete) }) {
                    throw BindError(
                        SQLState.undefinedTable, "missing FROM-clause entry for table \"\(qualifier.name)\"", span: span)
                }
                return .unknown
            }
            items = [item]
        } else {
            if level.starItems.isEmpty {
                throw BindError(
                    SQLState.syntaxError,
                    rules.isSQLite ? "no tables specified" : "SELECT * with no tables specified is not valid", span: span)
            }
            items = level.starItems.map { level.items[$0] }
        }
        var output = QueryOutput(columns: [], complete: true)
        for item in items {
            recordWhole(item)
            output.columns += item.columns
            output.complete = output.complete && item.complete
        }
        return output
    }

    /// The name an output column written without an alias gets: PostgreSQL's
    /// `FigureColname`; SQLite's is the expression's text, which no rule here needs.
    func outputName(_ e: Expr) -> String {
        let (name, strength) = figureName(e)
        return strength == 0 ? "?column?" : name
    }

    private func figureName(_ e: Expr) -> (String, Int) {
        switch e.kind {
        case .column(let name): return (name.name, 2)
        case .field(let inner, let field):
            if let field { return (field.value, 2) }
            return figureName(inner)
        case .subscripted(let inner, _), .collate(let inner, _):
            return figureName(inner)
        case .function(let call):
            return (call.name.name == "trim" ? "btrim" : call.name.name, 2)
        case .cast(let inner, let type):
            let (name, strength) = figureName(inner)
            return strength <= 1 ? (type.name.name, 1) : (name, strength)
        case .typedLiteral(let type, _): return (type.name.name, 1)
        case .caseWhen: return ("case", 2)
        case .array, .arraySubquery: return ("array", 2)
        case .row: return ("row", 2)
        case .exists: return ("exists", 2)
        case .atTimeZone: return ("timezone", 2)
        case .subquery(let q):
            if case .select(let core) = q.body, let first = core.targets.first {
                return first.alias.map { ($0.value, 2) } ?? figureName(first.expr)
            }
            return ("?column?", 0)
        default: return ("?column?", 0)
        }
    }
}
