import SQLSyntax
import SchemaCatalog

// ON CONFLICT: the inference elements and the DO UPDATE clause are checked by
// parse analysis; the arbiter index is chosen by the planner
// (`infer_arbiter_indexes`): a valid unique index whose key columns and
// expressions are exactly the inference elements, and whose predicate, for a
// partial index, the inference WHERE implies.

extension BindingContext {
    /// Binds ON CONFLICT; returns the planner's failure to find an arbiter, which
    /// is raised after the rewriter's checks.
    mutating func onConflict(_ conflict: OnConflict, target: Target) throws(BindError) -> BindError? {
        var failure: BindError?
        switch conflict.target {
        case .none:
            if case .update = conflict.action, !rules.isSQLite {
                throw BindError(
                    SQLState.syntaxError, "ON CONFLICT DO UPDATE requires inference specification or constraint name",
                    span: conflict.span)
            }
        case .columns(let elements, let predicate):
            var columns: Set<String> = []
            var expressions: Set<String> = []
            for element in elements {
                switch element.key {
                case .column(let name):
                    let column = try targetColumn(name, in: target)
                    result.columns.insert(ColumnReference(table: target.key, column: column.name))
                    columns.insert(column.name)
                case .expression(let e):
                    _ = try expression(e)
                    expressions.insert(normalized(text(e.span)))
                }
            }
            if let predicate { _ = try expression(predicate) }
            failure = arbiter(
                target, columns: columns, expressions: expressions,
                predicate: predicate.map { normalized(text($0.span)) }, span: conflict.span)
        case .constraint(let name):
            let table = catalog.tables[target.key]
            let found = table?.constraints.first { constraint in
                same(constraint.name, name.value)
                    && [.primaryKey, .unique, .exclusion].contains(constraint.kind)
            }
            guard let found else {
                throw BindError(
                    SQLState.undefinedObject,
                    "constraint \"\(name.value)\" for table \"\(target.key.name)\" does not exist", span: name.span)
            }
            if let index = found.index { result.arbiters.insert(ObjectKey(target.key.schema, index)) }
            for column in found.columns { result.columns.insert(ColumnReference(table: target.key, column: column)) }
            if found.deferrable {
                failure = BindError(
                    SQLState.objectNotInPrerequisiteState,
                    "ON CONFLICT does not support deferrable unique constraints/exclusion constraints as arbiters",
                    span: name.span)
            }
        }
        // SQLite looks for the arbiter before it reads DO UPDATE.
        if rules.isSQLite, let failure { throw failure }
        if case .update(let set, let condition) = conflict.action {
            // EXCLUDED holds the row proposed for insertion.
            let excluded = RangeItem(
                name: "excluded", schema: nil,
                columns: target.columns.map {
                    ScopeColumn(name: $0.name, type: .known($0.type), origins: Origins(ColumnReference(table: target.key, column: $0.name)))
                }, complete: true, qualifiable: true, unqualified: false, relations: [])
            let index = append(excluded)
            try assignments(set, target: target)
            if let condition { try self.condition(condition, clause: "WHERE") }
            levels[levels.count - 1].items[index].qualifiable = false
        }
        return failure
    }

    private func arbiter(
        _ target: Target, columns: Set<String>, expressions: Set<String>, predicate: String?, span: SourceSpan
    ) -> BindError? {
        let none = BindError(
            SQLState.invalidColumnReference,
            rules.isSQLite
                ? "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint"
                : "there is no unique or exclusion constraint matching the ON CONFLICT specification",
            span: span)
        guard let table = catalog.tables[target.key] else { return target.isView ? nil : none }
        var matched = false
        var deferrableOnly = false
        for index in catalog.indexes.values where index.table == target.key && index.unique && index.valid {
            var indexColumns: Set<String> = []
            var indexExpressions: Set<String> = []
            for part in index.keys {
                switch part {
                case .column(let name): indexColumns.insert(name)
                case .expression(let sql, _): indexExpressions.insert(normalized(sql))
                }
            }
            guard indexColumns == columns, indexExpressions == expressions else { continue }
            if let indexPredicate = index.predicate {
                guard let predicate, implies(predicate, normalized(indexPredicate)) else { continue }
            }
            if let name = index.constraint, table.constraint(name)?.deferrable == true {
                deferrableOnly = true
                continue
            }
            matched = true
        }
        // Constraints whose index the catalog does not list (SQLite's primary keys, introspected schemas).
        for constraint in table.constraints where [.primaryKey, .unique].contains(constraint.kind) {
            guard expressions.isEmpty, Set(constraint.columns) == columns else { continue }
            if constraint.deferrable {
                deferrableOnly = true
                continue
            }
            matched = true
        }
        if !matched, rules.isSQLite, columns.count == 1, let only = columns.first,
            let column = table.column(only), isRowidAlias(column, in: target.key)
        {
            matched = true
        }
        if matched { return nil }
        if deferrableOnly {
            return BindError(
                SQLState.objectNotInPrerequisiteState,
                "ON CONFLICT does not support deferrable unique constraints/exclusion constraints as arbiters", span: span)
        }
        return none
    }

    /// Whether the inference WHERE implies a partial index's predicate: it is the
    /// same condition, or the condition is one of its AND-ed terms.
    private func implies(_ predicate: String, _ indexPredicate: String) -> Bool {
        if predicate == indexPredicate { return true }
        return predicate.splitting(on: "and").contains(indexPredicate)
    }

    /// Expression text compared loosely: case, spaces, parentheses, quotes and
    /// casts to built-in types ignored, so that an index expression as written
    /// (`lower(email)`) and as the server prints it (`lower((email)::text)`) match.
    func normalized(_ sql: String) -> String {
        let bytes = Array(sql.utf8)
        // ASCII (nearly every expression) is folded byte by byte; the rest takes
        // the Unicode-aware path.
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            var text = sql.lowercased()
            for type in BindingContext.printedCasts where text.contains(type) {
                text = text.replacingAll(type, with: "")
            }
            return String(text.filter { !$0.isWhitespace && $0 != "(" && $0 != ")" && $0 != "\"" })
        }
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var out: [UInt8] = []
        out.reserveCapacity(lower.count)
        var i = 0
        scan: while i < lower.count {
            let b = lower[i]
            if b == 0x3A, i + 1 < lower.count, lower[i + 1] == 0x3A {
                for cast in BindingContext.printedCastBytes where lower[i...].starts(with: cast) {
                    i += cast.count
                    continue scan
                }
            }
            i += 1
            // White space, parentheses and double quotes do not count.
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) || b == 0x28 || b == 0x29 || b == 0x22 { continue }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let printedCastBytes: [[UInt8]] = printedCasts.map { Array($0.utf8) }

    /// Casts `pg_get_expr` adds to index expressions and predicates.
    static let printedCasts: [String] = [
        "::character varying[]", "::character varying", "::timestamp without time zone",
        "::timestamp with time zone", "::text[]", "::text", "::integer", "::bigint", "::smallint", "::numeric",
        "::boolean", "::date", "::bpchar", "::name", "::regclass", "::jsonb", "::json", "::uuid",
    ]

    func text(_ span: SourceSpan) -> String {
        let start = max(0, min(span.start - base, source.count))
        let end = max(start, min(span.end - base, source.count))
        return String(decoding: source[start..<end], as: UTF8.self)
    }

    /// `SET col = expr, (a, b) = (...)` of UPDATE, ON CONFLICT DO UPDATE and MERGE:
    /// expressions first, then the columns, as `transformUpdateTargetList` does.
    mutating func assignments(_ set: [SetClause], target: Target) throws(BindError) {
        var pairs: [(InsertColumn, ValueType, Expr?)] = []
        for clause in set {
            switch clause {
            case .single(let column, let e):
                pairs.append((column, try expression(e), e))
            case .multiple(let columns, let e):
                var types: [ValueType] = []
                var exprs: [Expr?] = []
                switch e.kind {
                case .row(let items, _):
                    for item in items {
                        types.append(try expression(item))
                        exprs.append(item)
                    }
                case .subquery(let q):
                    let output = try subquery(q)
                    types = output.columns.map(\.type)
                    exprs = output.columns.map { _ in nil }
                    if output.complete, output.columns.count != columns.count {
                        throw BindError(
                            SQLState.syntaxError,
                            output.columns.count > columns.count
                                ? "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression"
                                : "number of columns does not match number of values", span: e.span)
                    }
                default:
                    _ = try expression(e)
                }
                if case .row(let items, _) = e.kind, items.count != columns.count {
                    throw BindError(SQLState.syntaxError, "number of columns does not match number of values", span: e.span)
                }
                for (i, column) in columns.enumerated() {
                    pairs.append((column, i < types.count ? types[i] : .unknown, i < exprs.count ? exprs[i] : nil))
                }
            }
        }
        var seen: Set<String> = []
        for (written, type, e) in pairs {
            let column = try targetColumn(written.name, in: target)
            result.columns.insert(ColumnReference(table: target.key, column: column.name))
            if !seen.insert(column.name).inserted, written.indirection.isEmpty, !written.hasSubscript {
                throw BindError(
                    SQLState.syntaxError, "multiple assignments to same column \"\(column.name)\"", span: written.name.span)
            }
            if written.indirection.isEmpty && !written.hasSubscript {
                try assign(type, to: column, table: target.key, span: e?.span ?? written.name.span)
            }
            if let e, !target.isView {
                try checkGeneratedValue(e, column: column, overriding: nil, update: true)
                if case .literal(.null) = e.kind, column.notNull || domainNotNull(column.type) {
                    throw notNullViolation(column, target.key, span: e.span)
                }
                if case .literal(.null) = e.kind, let check = notNullCheck(column, in: target.key) {
                    throw checkViolation(check, target.key, span: e.span)
                }
            }
        }
    }
}
