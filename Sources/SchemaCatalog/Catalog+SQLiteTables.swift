import SQLSyntax

// What SQLite's CREATE TABLE leaves in its catalog where that differs from
// PostgreSQL: declared text, autoindexes, unchecked foreign keys, constraint
// names derived from the table (ALTER TABLE: Catalog+SQLiteAlterTable.swift). Reached through `Dialect`
// capabilities; each rule is pinned by Tests/SchemaCatalogTests/SQLiteReplayTests.swift
// against sqlite3 3.40.
extension Catalog {
    /// The type SQLite's `table_info` reports for a declared type written as
    /// `text`: the text itself (spaces and case kept), except that a leading quoted
    /// name is unquoted and stops there, and the standard names SQLite 3.37+
    /// recognises (`int`, `integer`, `real`, `text`, `blob`, `any`) are upper-cased.
    static func declaredTypeText(_ text: String) -> String {
        if let first = text.first, first == "\"" || first == "'" || first == "`" || first == "[" {
            let close: Character = first == "[" ? "]" : first
            var out = ""
            var rest = text.dropFirst()
            while let c = rest.first {
                rest = rest.dropFirst()
                if c == close {
                    guard close != "]", rest.first == close else { break }
                    rest = rest.dropFirst()
                }
                out.append(c)
            }
            return out
        }
        let upper = text.uppercased()
        return ["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"].contains(upper) ? upper : text
    }

    /// The type `CREATE TABLE ... AS SELECT` declares for an output column: the
    /// name of the source column's affinity (`INT`, `TEXT`, `REAL`, `NUM`), or
    /// nothing for BLOB affinity or an expression (`sqlite3AffinityType` rules).
    static func affinityTypeName(_ declared: String?) -> String {
        guard let declared else { return "" }
        let upper = declared.uppercased()
        if upper.contains("INT") { return "INT" }
        if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") { return "TEXT" }
        if upper.contains("BLOB") || upper.isEmpty { return "" }
        if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") { return "REAL" }
        return "NUM"
    }

    /// A column default as the dialect stores it: PostgreSQL drops a NULL
    /// constant; SQLite keeps every default as its text, without the parentheses
    /// of `DEFAULT (expr)` and the spaces inside them.
    func defaultValue(_ expr: Expr, for type: ColumnType, _ source: ReplaySource) throws(CatalogError) -> DefaultValue? {
        if !dialect.keepsNullDefaults && ExpressionFacts.isDroppedNullDefault(expr, for: type, isDomain: isDomain(type)) {
            return nil
        }
        var text = source.text(expr)
        if dialect.keepsDeclaredText, text.first != "(" {
            // SQLite's grammar takes a literal, a signed number, a name or a
            // parenthesized expression; a call must be in parentheses.
            if case .function = expr.kind, text.contains("(") {
                throw CatalogError(CatalogError.syntaxError, "near \"(\": syntax error", span: expr.span)
            }
        }
        if dialect.keepsDeclaredText, text.hasPrefix("("), text.hasSuffix(")") {
            let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
            text = String(text.dropFirst().dropLast().drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        }
        return DefaultValue(sql: text, volatility: volatility(of: expr))
    }

    /// The name of a constraint the DDL leaves unnamed: PostgreSQL's choice now;
    /// for SQLite a placeholder that `Table.nameImplicitConstraints` replaces.
    func implicitConstraintName(_ table: ObjectKey, _ columns: String?, _ label: String) -> String {
        switch dialect.implicitIndexNaming {
        case .postgres: return chooseConstraintName(table, columns, label)
        case .sqliteAutoindex: return ""
        }
    }

    /// Whether `expr` names a column without quotes (a quoted name that is no
    /// column is a string in SQLite).
    static func readsUnquotedColumn(_ expr: Expr) -> Bool {
        var found = false
        ExpressionFacts.walk(expr) { e in
            if case .column(let name) = e.kind, name.parts.last?.quoted == false { found = true }
        }
        return found
    }

    /// The columns a SQLite CHECK reads, spelled as the table spells them. An
    /// unquoted name must be a column of the table (or the rowid), qualified by
    /// nothing but the table; a double-quoted one that is no column is a string.
    func sqliteCheckColumns(_ expr: Expr, of table: Table, inCreateTable: Bool) throws(CatalogError) -> [String] {
        var found: [String] = []
        var unknown: String?
        ExpressionFacts.walk(expr) { e in
            guard unknown == nil, case .column(let name) = e.kind, let last = name.parts.last else { return }
            let column = table.columns.first { $0.name.lowercased() == last.value.lowercased() }?.name
            let qualifier = name.parts.dropLast().last
            if let qualifier, qualifier.value.lowercased() != table.key.name.lowercased() {
                unknown = name.parts.map(\.value).joined(separator: ".")
            } else if let column {
                if !found.contains(column) { found.append(column) }
            } else if !last.quoted && !["rowid", "oid", "_rowid_"].contains(last.value.lowercased()) {
                unknown = last.value
            }
        }
        if let unknown {
            let problem = "no such column: \(unknown)"
            throw CatalogError(
                CatalogError.undefinedColumn,
                inCreateTable ? problem : "error in table \(table.key.name) after add column: \(problem)", span: expr.span)
        }
        return found
    }

    /// `PRIMARY KEY` / `UNIQUE` as SQLite builds them: an `INTEGER PRIMARY KEY`
    /// (not `DESC`, not WITHOUT ROWID) is the rowid and has no index; a key over
    /// the columns of an earlier one adds nothing (a PRIMARY KEY takes the earlier
    /// UNIQUE's index over); any other gets `sqlite_autoindex_<table>_<N>`.
    mutating func addSQLiteKey(
        _ d: ConstraintDefinition, _ key: KeyConstraint, primary: Bool, columns: [String], column: String?,
        to tableKey: ObjectKey
    ) throws(CatalogError) {
        guard var table = tables[tableKey] else { return }
        if primary, table.primaryKey != nil {
            throw CatalogError(
                CatalogError.invalidTableDefinition, "table \"\(tableKey.name)\" has more than one primary key", span: d.span)
        }
        var constraint = Constraint(name: d.name.map { identifierName($0.value) } ?? "", kind: primary ? .primaryKey : .unique, columns: columns)
        constraint.implicitName = d.name == nil
        constraint.writtenOnColumn = column
        constraint.deferrable = d.deferrable ?? false
        constraint.initiallyDeferred = d.initiallyDeferred ?? false
        let integerKey =
            primary && columns.count == 1 && table.column(columns[0])?.type.declared?.uppercased() == "INTEGER"
        if key.autoincrement {
            guard integerKey else {
                throw CatalogError(
                    CatalogError.invalidTableDefinition, "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY",
                    span: d.span)
            }
            if table.withoutRowid {
                throw CatalogError(
                    CatalogError.invalidTableDefinition, "AUTOINCREMENT not allowed on WITHOUT ROWID tables", span: d.span)
            }
        }
        let isRowid = integerKey && key.descending != true && !table.withoutRowid
        if isRowid {
            table.constraints.append(constraint)
            tables[tableKey] = table
            return
        }
        let same = table.constraints.firstIndex { c in
            (c.kind == .primaryKey || c.kind == .unique) && c.index != nil && c.columns == columns
        }
        if let same {
            if primary { table.constraints[same].kind = .primaryKey }
            tables[tableKey] = table
            return
        }
        let indexName = nextAutoindexName(tableKey)
        if constraint.implicitName { constraint.name = indexName }
        constraint.index = indexName
        var index = Index(key: ObjectKey(tableKey.schema, indexName), table: tableKey, unique: true, keys: columns.map { .column($0) })
        index.constraint = constraint.name
        indexes[index.key] = index
        table.constraints.append(constraint)
        tables[tableKey] = table
    }

    /// `sqlite_autoindex_<table>_<N>`, N one more than the indexes the table has
    /// (during CREATE TABLE, only its autoindexes).
    func nextAutoindexName(_ table: ObjectKey) -> String {
        "sqlite_autoindex_\(table.name)_\(indexes(on: table).count + 1)"
    }

    /// A STRICT table's columns must each declare one of SQLite's standard types.
    /// `after` is the statement that got there (`add column`), for SQLite's wording.
    func checkStrictColumns(_ key: ObjectKey, after: String? = nil, span: SourceSpan?) throws(CatalogError) {
        guard let table = tables[key], table.strict else { return }
        for column in table.columns {
            let type = column.type.declared ?? column.type.sql
            let problem: String
            if type.isEmpty {
                problem = "missing datatype for \(key.name).\(column.name)"
            } else if !["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"].contains(type) {
                problem = "unknown datatype for \(key.name).\(column.name): \"\(type)\""
            } else {
                continue
            }
            let message = after.map { "error in table \(key.name) after \($0): \(problem)" } ?? problem
            throw CatalogError(CatalogError.datatypeMismatch, message, span: span)
        }
    }

    /// What SQLite does at the end of CREATE TABLE: a WITHOUT ROWID table needs a
    /// PRIMARY KEY, and its
    /// INTEGER PRIMARY KEY gets its index now (so numbered after the others) and
    /// its key columns become NOT NULL; unnamed constraints get their names.
    mutating func finishSQLiteTable(_ key: ObjectKey, span: SourceSpan?) throws(CatalogError) {
        guard var table = tables[key] else { return }
        if table.withoutRowid && table.primaryKey == nil {
            throw CatalogError(CatalogError.invalidTableDefinition, "PRIMARY KEY missing on table \(key.name)", span: span)
        }
        if table.withoutRowid, let i = table.constraints.firstIndex(where: { $0.kind == .primaryKey }) {
            for c in table.constraints[i].columns { if let j = table.columnIndex(c) { table.columns[j].notNull = true } }
            if table.constraints[i].index == nil {
                let indexName = nextAutoindexName(key)
                if table.constraints[i].implicitName { table.constraints[i].name = indexName }
                table.constraints[i].index = indexName
                var index = Index(
                    key: ObjectKey(key.schema, indexName), table: key, unique: true,
                    keys: table.constraints[i].columns.map { .column($0) })
                index.constraint = table.constraints[i].name
                indexes[index.key] = index
            }
        }
        table.nameImplicitConstraints()
        tables[key] = table
    }

    /// A FOREIGN KEY as SQLite stores it: the target is not looked up (it may not
    /// exist yet, or ever), the referenced columns stay as written (none means the
    /// target's primary key, resolved when rows are checked); only the column
    /// counts must agree.
    mutating func addUncheckedForeignKey(
        _ d: ConstraintDefinition, _ fk: ForeignKeyConstraint, columns: [String], column: String?, to tableKey: ObjectKey,
        validated: Bool
    ) throws(CatalogError) {
        let targetKey = self.table(fk.referencedTable) ?? keyForNew(fk.referencedTable)
        let referenced = fk.referencedColumns.map { identifierName($0.value) }
        if !referenced.isEmpty && referenced.count != columns.count {
            let message =
                column.map { "foreign key on \($0) should reference only one column of table \(fk.referencedTable.name)" }
                ?? "number of columns in foreign key does not match the number of columns in the referenced table"
            throw CatalogError(CatalogError.invalidForeignKey, message, span: d.span)
        }
        let foreignKey = ForeignKey(
            table: targetKey, columns: referenced, onDelete: action(fk.onDelete), onUpdate: action(fk.onUpdate),
            match: fk.match.map { "\($0)" })
        var constraint = Constraint(
            name: d.name.map { identifierName($0.value) } ?? "", kind: .foreignKey, columns: columns, foreignKey: foreignKey,
            validated: validated)
        constraint.implicitName = d.name == nil
        constraint.writtenOnColumn = column
        constraint.deferrable = d.deferrable ?? false
        constraint.initiallyDeferred = d.initiallyDeferred ?? false
        tables[tableKey]?.constraints.append(constraint)
    }
}

extension Table {
    /// Names the constraints the DDL left unnamed from this table alone, so that
    /// replay and introspection agree whatever happened before: a PRIMARY KEY or
    /// UNIQUE constraint is called after its index (`sqlite_autoindex_t_1`, what
    /// `PRAGMA index_list` reports); otherwise `<table>_pkey`, `<table>_<cols>_fkey`,
    /// `<table>_<col>_check` or `<table>_check`, with a counter when the table
    /// already has the name. SQLite itself names none of them.
    public mutating func nameImplicitConstraints() {
        var taken = Set(constraints.filter { !$0.implicitName }.map { $0.name.lowercased() })
        for i in constraints.indices where constraints[i].implicitName {
            let c = constraints[i]
            if let index = c.index {
                constraints[i].name = index
                taken.insert(index.lowercased())
                continue
            }
            let stem: String
            switch c.kind {
            case .primaryKey: stem = "\(key.name)_pkey"
            case .unique: stem = "\(key.name)_\(c.columns.joined(separator: "_"))_key"
            case .foreignKey: stem = "\(key.name)_\(c.columns.joined(separator: "_"))_fkey"
            case .check: stem = c.columns.count == 1 ? "\(key.name)_\(c.columns[0])_check" : "\(key.name)_check"
            case .exclusion: stem = "\(key.name)_excl"
            }
            var candidate = stem
            var pass = 0
            while taken.contains(candidate.lowercased()) {
                pass += 1
                candidate = stem + String(pass)
            }
            constraints[i].name = candidate
            taken.insert(candidate.lowercased())
        }
    }
}
