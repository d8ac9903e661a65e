import SQLSyntax
import SchemaCatalog

// Grouping, as PostgreSQL's `parseCheckAggregates` checks it: in a grouped query
// (GROUP BY, HAVING, or an aggregate), every column of this query level that
// the target list, HAVING or ORDER BY reads outside an aggregate must be grouped
// — as written, as a grouped expression, or through the primary key of its
// table (functional dependency) — else 42803. Outer references and subqueries
// are not checked, so the check errs towards "works".

extension BindingContext {
    static let aggregates: Set<String> = [
        "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "bool_and", "bool_or", "every", "json_agg",
        "jsonb_agg", "json_object_agg", "jsonb_object_agg", "json_agg_strict", "jsonb_agg_strict", "bit_and",
        "bit_or", "bit_xor", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "corr",
        "covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2",
        "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "percentile_cont", "percentile_disc", "mode", "xmlagg",
        "range_agg", "range_intersect_agg", "any_value", "grouping", "group_concat", "total",
    ]

    /// A call is an aggregate (not a window function) when it is a known
    /// aggregate, has WITHIN GROUP or FILTER, or is a user function (which may be
    /// an aggregate the catalog does not mark).
    func isAggregate(_ call: FunctionCall) -> Bool {
        guard call.over == nil else { return false }
        if !call.withinGroup.isEmpty || call.filter != nil { return true }
        let name = rules.caseInsensitiveNames ? call.name.name.lowercased() : call.name.name
        if call.name.parts.count == 1 || call.name.qualifier == "pg_catalog",
            BindingContext.aggregates.contains(name)
        {
            return true
        }
        return !routines(call.name).isEmpty
    }

    /// Whether `e` holds an aggregate of this level (subqueries not entered).
    func containsAggregate(_ e: Expr) -> Bool {
        var found = false
        visit(e) { (x: Expr) -> Bool in
            if case .function(let call) = x.kind, isAggregate(call) { found = true }
            return !found
        }
        return found
    }

    /// Calls `body` on `e` and its sub-expressions, outside subqueries, while it
    /// returns true for the node (false skips the node's children).
    func visit(_ e: Expr, _ body: (Expr) -> Bool) {
        guard body(e) else { return }
        func each(_ list: [Expr]) { for x in list { visit(x, body) } }
        switch e.kind {
        case .column, .star, .literal, .parameter, .defaultValue, .invalid, .exists, .subquery, .arraySubquery,
            .typedLiteral:
            return
        case .raise(_, let m): if let m { visit(m, body) }
        case .unary(_, let x), .isTest(let x, _, _), .field(let x, _), .collate(let x, _), .cast(let x, _):
            visit(x, body)
        case .binary(_, let l, let r), .isDistinctFrom(let l, let r, _): each([l, r])
        case .between(let x, let lo, let hi, _, _): each([x, lo, hi])
        case .like(let x, let p, let esc, _, _): each([x, p] + (esc.map { [$0] } ?? []))
        case .inList(let x, let list, _): each([x] + list)
        case .inSubquery(let x, _, _): visit(x, body)
        case .quantified(let x, _, _, _, let array): each([x] + (array.map { [$0] } ?? []))
        case .array(let items), .row(let items, _): each(items)
        case .function(let call):
            each(call.arguments.map(\.value) + call.orderBy.map(\.expr) + call.withinGroup.map(\.expr))
            if let filter = call.filter { visit(filter, body) }
            if let over = call.over { each(over.partitionBy + over.orderBy.map(\.expr)) }
        case .caseWhen(let operand, let branches, let otherwise):
            each((operand.map { [$0] } ?? []) + branches.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? []))
        case .subscripted(let x, let subs):
            each([x] + subs.flatMap { [$0.lower, $0.upper].compactMap { $0 } })
        case .atTimeZone(let x, let zone): each([x] + (zone.map { [$0] } ?? []))
        }
    }

    /// The item of the current level a column reference names, and the column;
    /// nil for outer references and names this check cannot place.
    func localColumn(_ name: QualifiedName) -> (item: Int, column: ScopeColumn)? {
        let level = levels[levels.count - 1]
        let parts = name.parts.map(\.value)
        if parts.count == 1 {
            var found: [(Int, ScopeColumn)] = []
            for (i, item) in level.items.enumerated() where item.unqualified {
                for column in item.columns where same(column.name, parts[0]) { found.append((i, column)) }
            }
            return found.count == 1 ? found[0] : nil
        }
        let relation = parts.dropLast()
        for (i, item) in level.items.enumerated()
        where item.qualifiable && same(item.name, relation.last)
            && (relation.count == 1 || same(item.schema, relation.first))
        {
            if let column = item.columns.first(where: { same($0.name, parts[parts.count - 1]) }) { return (i, column) }
            return nil
        }
        return nil
    }

    /// Checks the grouping of one SELECT core, after it was bound.
    mutating func checkGrouping(_ core: SelectCore, orderBy: [OrderItem], output: QueryOutput) throws(BindError) {
        guard !rules.isSQLite else { return }
        let targets = core.targets.map(\.expr)
        let grouped = !core.groupBy.isEmpty || core.having != nil
            || (targets + orderBy.map(\.expr)).contains(where: containsAggregate)
        guard grouped else { return }

        // What is grouped: expressions (as text), and columns (by origin or item).
        var groupExprs: [Expr] = []
        func flatten(_ element: GroupingElement) {
            switch element {
            case .expr(let e): groupExprs.append(e)
            case .empty: break
            case .rollup(let sets), .cube(let sets): groupExprs += sets.flatMap { $0 }
            case .groupingSets(let elements): elements.forEach(flatten)
            }
        }
        core.groupBy.forEach(flatten)
        var texts: Set<String> = []
        var origins: Set<ColumnReference> = []
        var itemColumns: Set<String> = []
        var local: [Expr] = []
        for e in groupExprs {
            // A position or an output name that is not an input column stands for its target.
            if case .literal(.integer(let t)) = e.kind, let n = Int(t), n >= 1, n <= targets.count {
                local.append(targets[n - 1])
            } else if case .column(let name) = e.kind, name.parts.count == 1, localColumn(name) == nil,
                let i = core.targets.firstIndex(where: { target in
                    same(target.alias?.value ?? outputName(target.expr), name.name)
                })
            {
                local.append(targets[i])
            } else {
                local.append(e)
            }
        }
        for e in local {
            texts.insert(normalized(text(e.span)))
            if case .column(let name) = e.kind, let (item, column) = localColumn(name) {
                origins.formUnion(column.origins)
                itemColumns.insert("\(item).\(column.name)")
            }
        }

        func dependent(_ origin: ColumnReference) -> Bool {
            guard let pk = catalog.tables[origin.table]?.primaryKey, !pk.columns.isEmpty else { return false }
            return pk.columns.allSatisfy { origins.contains(ColumnReference(table: origin.table, column: $0)) }
        }

        var failure: BindError?
        func check(_ e: Expr) {
            visit(e) { (x: Expr) -> Bool in
                guard failure == nil else { return false }
                if texts.contains(normalized(text(x.span))) { return false }
                switch x.kind {
                case .function(let call) where isAggregate(call):
                    return false
                case .column(let name):
                    guard let (item, column) = localColumn(name) else { return false }
                    if itemColumns.contains("\(item).\(column.name)") { return false }
                    if !column.origins.isEmpty, column.origins.contains(where: { origins.contains($0) || dependent($0) }) {
                        return false
                    }
                    let shown = levels[levels.count - 1].items[item].name.map { "\($0).\(column.name)" } ?? column.name
                    failure = BindError(
                        "42803", "column \"\(shown)\" must appear in the GROUP BY clause or be used in an aggregate function",
                        span: x.span)
                    return false
                default:
                    return true
                }
            }
        }
        for target in targets {
            if case .star = target.kind { continue }
            check(target)
        }
        if let having = core.having { check(having) }
        for item in orderBy {
            // ORDER BY an output name refers to its target, checked above.
            if case .column(let name) = item.expr.kind, name.parts.count == 1,
                output.columns.contains(where: { same($0.name, name.name) })
            {
                continue
            }
            if case .literal(.integer) = item.expr.kind { continue }
            check(item.expr)
        }
        if let failure { throw failure }
    }
}
