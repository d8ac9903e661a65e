import SQLSyntax
import SchemaCatalog

// INSERT, in the order PostgreSQL checks it: the target and its columns, the
// source (VALUES or a query), the count of values, ON CONFLICT, RETURNING
// (parse analysis); generated and identity columns (rewriter); the ON CONFLICT
// arbiter index (planner); NOT NULL columns left without a value (executor).

/// A DML target: its key and columns, whether it is a table or a view.
struct Target {
    var key: ObjectKey
    var columns: [Column]
    var isView: Bool
    var item: Int
}

extension BindingContext {
    /// Resolves the table (or view) a statement writes and adds it to the current level.
    mutating func target(_ ref: TableReference) throws(BindError) -> Target {
        guard let key = resolveRelation(ref.name) else {
            if isSystemRelation(ref.name) {
                throw BindError(SQLState.featureNotSupported, "cannot write to system relation \(ref.name.dotted)", span: ref.span)
            }
            throw missingRelation(ref.name)
        }
        if catalog.sequences[key] != nil {
            throw BindError(SQLState.wrongObjectType, "cannot change sequence \"\(key.name)\"", span: ref.name.span)
        }
        result.writes.insert(key)
        let index = try addRelation(ref, allowCTE: false)
        if let table = catalog.tables[key] {
            return Target(key: key, columns: table.columns, isView: false, item: index)
        }
        let columns = (catalog.views[key]?.columns ?? []).map { Column(name: $0.name, type: $0.type ?? .text) }
        return Target(key: key, columns: columns, isView: true, item: index)
    }

    func targetColumn(_ name: Identifier, in target: Target) throws(BindError) -> Column {
        if let column = target.columns.first(where: { same($0.name, name.value) }) { return column }
        if rules.isSQLite {
            throw BindError(SQLState.undefinedColumn, "table \(target.key.name) has no column named \(name.value)", span: name.span)
        }
        throw BindError(
            SQLState.undefinedColumn, "column \"\(name.value)\" of relation \"\(target.key.name)\" does not exist",
            span: name.span)
    }

    mutating func insert(_ s: InsertStatement) throws(BindError) -> QueryOutput {
        levels.append(QueryLevel())
        defer { levels.removeLast() }
        ctes.append([:])
        defer { ctes.removeLast() }
        if let with = s.with { try bindWith(with) }
        let ref = TableReference(
            name: s.table, alias: s.alias.map { TableAlias(name: $0) }, span: s.table.span)
        let target = try self.target(ref)
        // The target is not visible to the source; only to ON CONFLICT and RETURNING.
        levels[levels.count - 1].items[target.item].qualifiable = false
        levels[levels.count - 1].items[target.item].unqualified = false

        // Target columns.
        var explicit: [Column] = []
        for written in s.columns {
            let column = try targetColumn(written.name, in: target)
            if explicit.contains(where: { $0.name == column.name }), written.indirection.isEmpty, !written.hasSubscript {
                throw BindError(
                    SQLState.duplicateColumn, "column \"\(column.name)\" specified more than once", span: written.name.span)
            }
            explicit.append(column)
            result.columns.insert(ColumnReference(table: target.key, column: column.name))
        }

        // Source.
        var rows: [[Expr]] = []
        var rowTypes: [[ValueType]] = []
        var width = 0
        var complete = true
        if let source = s.source {
            if case .values(let list) = source.body, source.with == nil, source.orderBy.isEmpty, source.limit == nil,
                source.offset == nil
            {
                rows = list.rows
                width = list.rows.first?.count ?? 0
                for row in list.rows {
                    if row.count != width {
                        throw BindError(SQLState.syntaxError, "VALUES lists must all be the same length", span: list.span)
                    }
                    var types: [ValueType] = []
                    for e in row { types.append(try expression(e)) }
                    rowTypes.append(types)
                }
            } else {
                let output = try hidingSiblings { (context: inout BindingContext) throws(BindError) in
                    try context.query(source)
                }
                width = output.columns.count
                complete = output.complete
                rowTypes = [output.columns.map(\.type)]
                // `INSERT ... SELECT NULL` with no FROM writes exactly that row.
                if case .select(let core) = source.body, core.from.isEmpty,
                    !core.targets.contains(where: { if case .star = $0.expr.kind { return true } else { return false } })
                {
                    rows = [core.targets.map(\.expr)]
                }
            }
        }

        // The columns the values go to.
        var targets: [Column]
        if s.columns.isEmpty {
            let storable = rules.isSQLite ? target.columns.filter { $0.generated == nil } : target.columns
            if complete, s.source != nil, rules.insertRequiresFullArity, width != storable.count {
                throw BindError(
                    SQLState.syntaxError,
                    "table \(target.key.name) has \(storable.count) columns but \(width) values were supplied",
                    span: s.span)
            }
            if complete, width > storable.count {
                throw BindError(SQLState.syntaxError, "INSERT has more expressions than target columns", span: s.span)
            }
            targets = Array(storable.prefix(width))
            if s.source != nil, complete {
                // A positional INSERT depends on the table's column order.
                result.starRelations.insert(target.key)
                for column in targets { result.columns.insert(ColumnReference(table: target.key, column: column.name)) }
            }
        } else {
            if complete, s.source != nil, width != explicit.count {
                if rules.isSQLite {
                    throw BindError(SQLState.syntaxError, "\(width) values for \(explicit.count) columns", span: s.span)
                }
                throw BindError(
                    SQLState.syntaxError,
                    width > explicit.count
                        ? "INSERT has more expressions than target columns" : "INSERT has more target columns than expressions",
                    span: s.span)
            }
            targets = explicit
        }
        for types in rowTypes {
            for (i, type) in types.enumerated() where i < targets.count {
                try assign(type, to: targets[i], table: target.key, span: rows.first?[i].span ?? s.span)
            }
        }

        // ON CONFLICT and RETURNING see the target (and EXCLUDED).
        levels[levels.count - 1].items[target.item].qualifiable = true
        levels[levels.count - 1].items[target.item].unqualified = true
        levels[levels.count - 1].starItems = [target.item]
        var arbiterFailure: BindError?
        if let conflict = s.onConflict {
            arbiterFailure = try onConflict(conflict, target: target)
        }
        let output = try returning(s.returning)

        // Rewriter: generated and identity columns.
        for row in rows {
            for (i, e) in row.enumerated() where i < targets.count {
                try checkGeneratedValue(e, column: targets[i], overriding: s.overriding, update: false)
            }
        }
        if rows.isEmpty, s.source != nil {
            for column in targets {
                try checkGeneratedValue(nil, column: column, overriding: s.overriding, update: false)
            }
        }
        // Planner: the arbiter index.
        if let arbiterFailure { throw arbiterFailure }
        // Executor: every NOT NULL column gets a value.
        try checkNotNull(target: target, targets: targets, rows: rows, at: s.table.span)
        return output
    }

    /// PostgreSQL refuses a value for a GENERATED ALWAYS column (428C9).
    func checkGeneratedValue(_ e: Expr?, column: Column, overriding: String?, update: Bool) throws(BindError) {
        guard !rules.isSQLite else { return }
        if let e, case .defaultValue = e.kind { return }
        let always = column.generated != nil
            || (column.identity == .always && overriding?.lowercased().contains("system") != true)
        guard always else { return }
        if update {
            throw BindError(
                SQLState.generatedAlways, "column \"\(column.name)\" can only be updated to DEFAULT", span: e?.span)
        }
        throw BindError(
            SQLState.generatedAlways, "cannot insert a non-DEFAULT value into column \"\(column.name)\"", span: e?.span)
    }

    /// Whether a column left out of an INSERT ends up NULL although it may not.
    func requiresValue(_ column: Column, in table: ObjectKey) -> Bool {
        if column.defaultValue != nil || column.identity != nil || column.generated != nil { return false }
        if domainDefault(column.type) { return false }
        if rules.isSQLite, isRowidAlias(column, in: table) { return false }
        return column.notNull || domainNotNull(column.type)
    }

    /// SQLite's `INTEGER PRIMARY KEY` is the rowid: it is filled when left out.
    func isRowidAlias(_ column: Column, in table: ObjectKey) -> Bool {
        guard let t = catalog.tables[table], !t.withoutRowid, let pk = t.primaryKey, pk.columns.count == 1,
            same(pk.columns[0], column.name)
        else { return false }
        return (column.type.declared ?? column.type.name).uppercased() == "INTEGER"
    }

    func domainNotNull(_ type: ColumnType) -> Bool {
        var current = type
        for _ in 0..<10 {
            guard !current.isArray, let schema = current.schema,
                case .domain(let domain)? = catalog.types[ObjectKey(schema, current.name)]?.definition
            else { return false }
            if domain.notNull { return true }
            current = domain.baseType
        }
        return false
    }

    func domainDefault(_ type: ColumnType) -> Bool {
        var current = type
        for _ in 0..<10 {
            guard !current.isArray, let schema = current.schema,
                case .domain(let domain)? = catalog.types[ObjectKey(schema, current.name)]?.definition
            else { return false }
            if domain.defaultValue != nil { return true }
            current = domain.baseType
        }
        return false
    }

    /// `at` is where a missing column is reported: the INSERT's table name.
    private mutating func checkNotNull(
        target: Target, targets: [Column], rows: [[Expr]], at span: SourceSpan
    ) throws(BindError) {
        if target.isView {
            // An automatically updatable view over one table inserts into it: the
            // table's columns the view does not supply get their defaults.
            guard let view = catalog.views[target.key], view.dependencies.count == 1,
                let base = view.dependencies.keys.first, let table = catalog.tables[base]
            else { return }
            // View columns map to table columns by name; a view column whose table
            // column was renamed maps to a column the view reads under another name.
            let viewNames = Set(view.columns.map(\.name))
            let renamedWritten = targets.contains { written in !table.columns.contains { $0.name == written.name } }
            let readUnderOtherName = (view.dependencies[base] ?? []).subtracting(viewNames)
            let omitted = table.columns.filter { column in
                !targets.contains { $0.name == column.name }
                    && !(renamedWritten && readUnderOtherName.contains(column.name))
            }
            for column in omitted where requiresValue(column, in: base) {
                throw notNullViolation(column, base, span: span)
            }
            for column in omitted where column.defaultValue == nil && column.identity == nil && column.generated == nil {
                if let check = notNullCheck(column, in: base) { throw checkViolation(check, base, span: span) }
            }
            return
        }
        for column in target.columns where !targets.contains(where: { $0.name == column.name }) {
            if let sequence = column.defaultValue?.sequence { result.sequences.insert(sequence) }
            if requiresValue(column, in: target.key) {
                throw notNullViolation(column, target.key, span: span)
            }
        }
        for row in rows {
            for (i, e) in row.enumerated() where i < targets.count {
                let column = targets[i]
                let isNull: Bool
                switch e.kind {
                case .literal(.null):
                    isNull = (column.notNull || domainNotNull(column.type))
                        && !(rules.isSQLite && isRowidAlias(column, in: target.key))
                case .cast(let inner, _):
                    if case .literal(.null) = inner.kind { isNull = column.notNull || domainNotNull(column.type) } else { isNull = false }
                case .defaultValue: isNull = requiresValue(column, in: target.key)
                default: isNull = false
                }
                if isNull { throw notNullViolation(column, target.key, span: e.span) }
            }
        }
        // CHECK constraints run after NOT NULL: `CHECK (col IS NOT NULL)`, valid or
        // NOT VALID (new rows are checked either way), refuses a missing or NULL value.
        for column in target.columns {
            guard let check = notNullCheck(column, in: target.key) else { continue }
            var isNull = false
            if let i = targets.firstIndex(where: { $0.name == column.name }) {
                isNull = rows.contains { row in
                    guard i < row.count else { return false }
                    switch row[i].kind {
                    case .literal(.null): return true
                    case .defaultValue: return column.defaultValue == nil && column.identity == nil
                    default: return false
                    }
                }
            } else {
                isNull = column.defaultValue == nil && column.identity == nil && column.generated == nil
                    && !domainDefault(column.type)
            }
            if isNull { throw checkViolation(check, target.key, span: span) }
        }
    }

    /// A CHECK constraint of `table` that says `column IS NOT NULL`.
    func notNullCheck(_ column: Column, in table: ObjectKey) -> Constraint? {
        let wanted = normalized("\(column.name) IS NOT NULL")
        return catalog.tables[table]?.constraints.first { constraint in
            constraint.kind == .check && constraint.expression.map { normalized($0) == wanted } == true
        }
    }

    func checkViolation(_ constraint: Constraint, _ table: ObjectKey, span: SourceSpan?) -> BindError {
        if rules.isSQLite {
            return BindError("23514", "CHECK constraint failed: \(constraint.name)", span: span)
        }
        return BindError(
            "23514", "new row for relation \"\(table.name)\" violates check constraint \"\(constraint.name)\"", span: span)
    }

    func notNullViolation(_ column: Column, _ table: ObjectKey, span: SourceSpan?) -> BindError {
        if rules.isSQLite {
            return BindError(SQLState.notNullViolation, "NOT NULL constraint failed: \(table.name).\(column.name)", span: span)
        }
        if !column.notNull, domainNotNull(column.type) {
            return BindError(
                SQLState.notNullViolation, "domain \(column.type.sql) does not allow null values", span: span)
        }
        return BindError(
            SQLState.notNullViolation,
            "null value in column \"\(column.name)\" of relation \"\(table.name)\" violates not-null constraint",
            span: span)
    }

    /// RETURNING, bound against the current level like a target list.
    mutating func returning(_ targets: [SelectTarget]) throws(BindError) -> QueryOutput {
        var output = QueryOutput(columns: [], complete: true)
        for target in targets {
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
        }
        return output
    }
}
