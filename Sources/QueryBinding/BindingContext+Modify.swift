import Diagnostics
import SQLSyntax
import SchemaCatalog

// UPDATE, DELETE and MERGE, in the order of `transformUpdateStmt`,
// `transformDeleteStmt` and `transformMergeStmt`; and DDL given as a query.

extension BindingContext {
    mutating func update(_ s: UpdateStatement) throws(BindError) -> QueryOutput {
        levels.append(QueryLevel())
        defer { levels.removeLast() }
        ctes.append([:])
        defer { ctes.removeLast() }
        if let with = s.with { try bindWith(with) }
        let target = try self.target(s.table)
        levels[levels.count - 1].starItems = [target.item]
        // FROM items cannot see the target.
        levels[levels.count - 1].items[target.item].qualifiable = false
        levels[levels.count - 1].items[target.item].unqualified = false
        for item in s.from {
            let index = try addFromItem(item)
            levels[levels.count - 1].starItems.append(index)
        }
        levels[levels.count - 1].items[target.item].qualifiable = true
        levels[levels.count - 1].items[target.item].unqualified = true
        try checkTargetNameClash(target)
        if let condition = s.where { try self.condition(condition, clause: "WHERE") }
        let output = try returning(s.returning)
        try assignments(s.set, target: target)
        return output
    }

    /// `UPDATE t ... FROM t` needs an alias on one of them.
    private func checkTargetNameClash(_ target: Target) throws(BindError) {
        let items = levels[levels.count - 1].items
        let name = items[target.item].name
        for (i, item) in items.enumerated() where i != target.item && item.qualifiable && same(item.name, name) {
            if item.schema == nil || items[target.item].schema == nil || item.schema == items[target.item].schema {
                throw BindError(
                    SQLState.duplicateAlias, "table name \"\(name ?? "")\" specified more than once", span: nil)
            }
        }
    }

    mutating func delete(_ s: DeleteStatement) throws(BindError) -> QueryOutput {
        levels.append(QueryLevel())
        defer { levels.removeLast() }
        ctes.append([:])
        defer { ctes.removeLast() }
        if let with = s.with { try bindWith(with) }
        let target = try self.target(s.table)
        levels[levels.count - 1].starItems = [target.item]
        for item in s.using {
            let index = try addFromItem(item)
            levels[levels.count - 1].starItems.append(index)
        }
        try checkTargetNameClash(target)
        if let condition = s.where { try self.condition(condition, clause: "WHERE") }
        return try returning(s.returning)
    }

    mutating func merge(_ s: MergeStatement) throws(BindError) -> QueryOutput {
        levels.append(QueryLevel())
        defer { levels.removeLast() }
        ctes.append([:])
        defer { ctes.removeLast() }
        if let with = s.with { try bindWith(with) }
        let target = try self.target(s.target)
        // The source cannot see the target.
        levels[levels.count - 1].items[target.item].qualifiable = false
        levels[levels.count - 1].items[target.item].unqualified = false
        let sourceStart = levels[levels.count - 1].items.count
        let sourceIndex = try addFromItem(s.source)
        levels[levels.count - 1].items[target.item].qualifiable = true
        levels[levels.count - 1].items[target.item].unqualified = true
        levels[levels.count - 1].starItems = [target.item, sourceIndex]
        try checkTargetNameClash(target)
        try condition(s.on, clause: "JOIN/ON")
        for when in s.whens {
            let targetVisible = when.match != .notMatchedByTarget
            let sourceVisible = when.match != .notMatchedBySource
            let saved = levels[levels.count - 1]
            if !targetVisible {
                levels[levels.count - 1].items[target.item].qualifiable = false
                levels[levels.count - 1].items[target.item].unqualified = false
            }
            if !sourceVisible {
                for i in sourceStart..<levels[levels.count - 1].items.count {
                    levels[levels.count - 1].items[i].qualifiable = false
                    levels[levels.count - 1].items[i].unqualified = false
                }
            }
            do {
                if let condition = when.condition { try self.condition(condition, clause: "WHEN") }
                switch when.action {
                case .update(let set):
                    try assignments(set, target: target)
                case .delete, .doNothing:
                    break
                case .insert(let columns, let values, let overriding):
                    try mergeInsert(columns, values, overriding: overriding, target: target, span: s.span)
                }
            } catch {
                levels[levels.count - 1] = saved
                throw error
            }
            levels[levels.count - 1] = saved
        }
        return try returning(s.returning)
    }

    private mutating func mergeInsert(
        _ written: [InsertColumn], _ values: [Expr]?, overriding: String?, target: Target, span: SourceSpan
    ) throws(BindError) {
        var columns: [Column] = []
        for name in written {
            let column = try targetColumn(name.name, in: target)
            if columns.contains(where: { $0.name == column.name }) {
                throw BindError(
                    SQLState.duplicateColumn, "column \"\(column.name)\" specified more than once", span: name.name.span)
            }
            columns.append(column)
            result.columns.insert(ColumnReference(table: target.key, column: column.name))
        }
        let exprs = values ?? []
        if written.isEmpty {
            if exprs.count > target.columns.count {
                throw BindError(SQLState.syntaxError, "INSERT has more expressions than target columns", span: span)
            }
            columns = Array(target.columns.prefix(exprs.count))
        } else if values != nil, exprs.count != columns.count {
            throw BindError(
                SQLState.syntaxError,
                exprs.count > columns.count
                    ? "INSERT has more expressions than target columns" : "INSERT has more target columns than expressions",
                span: span)
        }
        for (i, e) in exprs.enumerated() where i < columns.count {
            try assign(try expression(e), to: columns[i], table: target.key, span: e.span)
        }
        for (i, e) in exprs.enumerated() where i < columns.count {
            try checkGeneratedValue(e, column: columns[i], overriding: overriding, update: false)
        }
        guard !target.isView else { return }
        for column in target.columns where !columns.contains(where: { $0.name == column.name }) {
            if requiresValue(column, in: target.key) { throw notNullViolation(column, target.key, span: span) }
        }
        for (i, e) in exprs.enumerated() where i < columns.count {
            if case .literal(.null) = e.kind, columns[i].notNull || domainNotNull(columns[i].type) {
                throw notNullViolation(columns[i], target.key, span: e.span)
            }
        }
    }

    /// `COPY t (cols) FROM ...` writes the table: its columns must exist and every
    /// NOT NULL column without a default must be among them. `COPY t TO` reads it;
    /// `COPY (query) TO` binds the query.
    mutating func copy(_ s: CopyStatement) throws(BindError) {
        if let node = s.query {
            switch node {
            case .select(let q): _ = try query(q)
            case .insert(let q): _ = try insert(q)
            case .update(let q): _ = try update(q)
            case .delete(let q): _ = try delete(q)
            case .merge(let q): _ = try merge(q)
            default: break
            }
            return
        }
        guard let name = s.table else { return }
        levels.append(QueryLevel())
        defer { levels.removeLast() }
        let ref = TableReference(name: name, span: name.span)
        let target: Target
        if s.isFrom {
            target = try self.target(ref)
        } else {
            guard let key = resolveRelation(name) else {
                if isSystemRelation(name) { return }
                throw missingRelation(name)
            }
            result.relations.insert(key)
            let columns = catalog.tables[key]?.columns ?? (catalog.views[key]?.columns ?? []).map {
                Column(name: $0.name, type: $0.type ?? .text)
            }
            target = Target(key: key, columns: columns, isView: catalog.views[key] != nil, item: 0)
        }
        var written: [Column] = []
        for identifier in s.columns {
            let column = try targetColumn(identifier, in: target)
            if written.contains(where: { $0.name == column.name }) {
                throw BindError(
                    SQLState.duplicateColumn, "column \"\(column.name)\" specified more than once", span: identifier.span)
            }
            written.append(column)
            result.columns.insert(ColumnReference(table: target.key, column: column.name))
        }
        if s.columns.isEmpty {
            result.starRelations.insert(target.key)
            for column in target.columns { result.columns.insert(ColumnReference(table: target.key, column: column.name)) }
        }
        guard s.isFrom, !s.columns.isEmpty, !target.isView else { return }
        for column in target.columns where !written.contains(where: { $0.name == column.name }) {
            if requiresValue(column, in: target.key) { throw notNullViolation(column, target.key, span: name.span) }
        }
    }

    /// `LOCK TABLE t`: the tables must exist.
    mutating func lock(_ s: LockStatement) throws(BindError) {
        for table in s.tables {
            guard let key = resolveRelation(table.name) else {
                if isSystemRelation(table.name) { continue }
                throw missingRelation(table.name)
            }
            result.relations.insert(key)
        }
    }

    /// `CALL proc(...)`: the procedure must exist (its arguments are not read).
    mutating func call(_ s: OtherStatement) throws(BindError) {
        guard let name = s.names.first else { return }
        let candidates = routines(name)
        if !candidates.isEmpty {
            for routine in candidates { result.functions.insert(routine.key) }
            return
        }
        if hasUnmodelledExtension || name.qualifier == "pg_catalog" { return }
        throw BindError(SQLState.undefinedFunction, "procedure \(name.dotted) does not exist", span: name.span)
    }

    /// DDL given as a query is applied to a copy of the catalog: it binds exactly
    /// when replay accepts it, with replay's SQLSTATE when it does not.
    mutating func ddl(_ statement: Statement) throws(BindError) {
        var copy = catalog
        // Replay reads expressions by the file's offsets: pad the text to them.
        let padded = [UInt8](repeating: 32, count: max(0, base)) + source
        do {
            try copy.apply(statement, from: ReplaySource(SourceFile(path: "query", bytes: padded)))
        } catch {
            throw BindError(error.sqlState, error.message, span: error.span ?? statement.span)
        }
    }
}
