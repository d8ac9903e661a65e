import SQLSyntax

// What SQLite's CREATE TABLE and ALTER TABLE leave in its catalog where that
// differs from PostgreSQL: declared text, autoindexes, unchecked foreign keys,
// constraint names derived from the table. Reached through `Dialect`
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
    func defaultValue(_ expr: Expr, for type: ColumnType, _ source: ReplaySource) -> DefaultValue? {
        if !dialect.keepsNullDefaults && ExpressionFacts.isDroppedNullDefault(expr, for: type, isDomain: isDomain(type)) {
            return nil
        }
        var text = source.text(expr)
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
        let isRowid =
            primary && columns.count == 1 && key.descending != true && !table.withoutRowid
            && table.column(columns[0])?.type.declared?.uppercased() == "INTEGER"
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

    /// What SQLite does at the end of CREATE TABLE: a WITHOUT ROWID table's
    /// INTEGER PRIMARY KEY gets its index now (so numbered after the others) and
    /// its key columns become NOT NULL; unnamed constraints get their names.
    mutating func finishSQLiteTable(_ key: ObjectKey) {
        guard var table = tables[key] else { return }
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

    /// Names the unnamed constraints of `key` again (after ADD COLUMN or RENAME),
    /// when the dialect derives them from the table.
    mutating func renameImplicitConstraints(_ key: ObjectKey) {
        guard dialect.implicitIndexNaming == .sqliteAutoindex else { return }
        tables[key]?.nameImplicitConstraints()
    }

    /// SQLite's RENAME TABLE renames the table's autoindexes with it
    /// (`sqlite_autoindex_<old>_N` becomes `sqlite_autoindex_<new>_N`), and so the
    /// unnamed constraints they back.
    mutating func renameAutoindexes(from old: ObjectKey, to new: ObjectKey) {
        guard dialect.implicitIndexNaming == .sqliteAutoindex else { return }
        let prefix = "sqlite_autoindex_\(old.name)_"
        for index in indexes(on: new) where index.name.lowercased().hasPrefix(prefix.lowercased()) {
            let renamed = ObjectKey(new.schema, "sqlite_autoindex_\(new.name)_" + index.name.dropFirst(prefix.count))
            indexes[index.key] = nil
            var moved = index
            moved.key = renamed
            if let i = tables[new]?.constraints.firstIndex(where: { $0.index == index.name }) {
                tables[new]?.constraints[i].index = renamed.name
                if tables[new]?.constraints[i].implicitName == true {
                    tables[new]?.constraints[i].name = renamed.name
                    moved.constraint = renamed.name
                }
            }
            indexes[renamed] = moved
        }
        renameImplicitConstraints(new)
    }
}

// SQLite's ALTER TABLE ADD COLUMN and DROP COLUMN (`hasSQLiteAlterTable`).
extension Catalog {
    /// What SQLite refuses in ADD COLUMN whatever the rows: a PRIMARY KEY or UNIQUE
    /// column. (NOT NULL without a default, a non-constant default, a REFERENCES
    /// column with a non-NULL default and a STORED column are refused only when
    /// the table has rows, which replay does not model: an empty table takes them.)
    func checkSQLiteAddColumn(_ definition: ColumnDefinition) throws(CatalogError) {
        for constraint in definition.constraints {
            switch constraint.kind {
            case .primaryKey:
                throw CatalogError(CatalogError.featureNotSupported, "Cannot add a PRIMARY KEY column", span: constraint.span)
            case .unique:
                throw CatalogError(CatalogError.featureNotSupported, "Cannot add a UNIQUE column", span: constraint.span)
            default:
                break
            }
        }
    }

    /// SQLite's DROP COLUMN: refused for a PRIMARY KEY column or a column declared
    /// UNIQUE; refused when an index, a view, or another constraint of
    /// the table (a table CHECK or FOREIGN KEY, a UNIQUE over several columns)
    /// still names the column once the column's own text is cut out. The column's
    /// own constraints go with it; other tables' foreign keys are not checked.
    mutating func dropSQLiteColumn(_ name: String, of key: ObjectKey, span: SourceSpan?) throws(CatalogError) {
        guard let table = tables[key] else { return }
        if table.primaryKey?.columns.contains(name) == true {
            throw CatalogError(CatalogError.featureNotSupported, "cannot drop PRIMARY KEY column: \"\(name)\"", span: span)
        }
        if table.constraints.contains(where: { $0.kind == .unique && $0.writtenOnColumn == name }) {
            throw CatalogError(CatalogError.featureNotSupported, "cannot drop UNIQUE column: \"\(name)\"", span: span)
        }
        func refuse(_ object: String) -> CatalogError {
            CatalogError(
                CatalogError.dependentObjectsStillExist, "error in \(object) after drop column: no such column: \(name)",
                span: span)
        }
        for index in indexes(on: key) where index.constraint == nil {
            let uses =
                index.keys.contains { $0.columns.contains(name) } || (index.predicate.map { mentions($0, name) } ?? false)
            if uses { throw refuse("index \(index.name)") }
        }
        if let view = views.values.sorted(by: { $0.key < $1.key }).first(where: { $0.dependencies[key]?.contains(name) == true }) {
            throw refuse("view \(view.key.name)")
        }
        if table.constraints.contains(where: { $0.columns.contains(name) && $0.writtenOnColumn != name }) {
            throw refuse("table \(key.name)")
        }
        tables[key]?.constraints.removeAll { $0.writtenOnColumn == name }
        tables[key]?.columns.removeAll { $0.name == name }
        renameImplicitConstraints(key)
        try checkViewsStillResolve(span: span)
    }

    /// SQLite 3.26+ reads every view of the schema again after RENAME TABLE,
    /// RENAME COLUMN and DROP COLUMN, and refuses the statement when one no longer
    /// resolves (a view over a dropped table blocks them all). Views are checked
    /// through the dependencies replay recorded; trigger bodies are not modelled.
    func checkViewsStillResolve(span: SourceSpan?) throws(CatalogError) {
        for view in views.values.sorted(by: { $0.key < $1.key }) {
            for (relation, columns) in view.dependencies.sorted(by: { $0.key < $1.key }) {
                let available: [String]
                if let table = tables[relation] {
                    available = table.columns.map(\.name)
                } else if let other = views[relation] {
                    available = other.columns.map(\.name)
                } else {
                    throw CatalogError(
                        CatalogError.undefinedTable,
                        "error in view \(view.key.name): no such table: \(relation.schema).\(relation.name)", span: span)
                }
                if let missing = columns.sorted().first(where: { !available.contains($0) }) {
                    throw CatalogError(
                        CatalogError.undefinedColumn, "error in view \(view.key.name): no such column: \(missing)", span: span)
                }
            }
        }
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
