import SQLSyntax

// SQLite's ALTER TABLE (`hasSQLiteAlterTable`): what ADD COLUMN refuses, what
// DROP COLUMN refuses or takes along, what RENAME renames, and the views that
// must still resolve afterwards. Pinned by Tests/SchemaCatalogTests/SQLiteReplayTests.swift.
extension Catalog {
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

    /// SQLite's ALTER TABLE knows ADD COLUMN, DROP COLUMN and the RENAMEs (a
    /// statement of its own here); any other action is a syntax error there.
    func checkSQLiteAlterAction(_ action: AlterTableAction) throws(CatalogError) {
        switch action {
        case .addColumn, .dropColumn: return
        default:
            throw CatalogError(
                CatalogError.syntaxError, "syntax error: SQLite's ALTER TABLE only renames, adds and drops columns")
        }
    }

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
        if table.columns.count <= 1 {
            throw CatalogError(
                CatalogError.invalidTableDefinition, "cannot drop column \"\(name)\": no other columns exist", span: span)
        }
        func refuse(_ object: String, _ problem: String = "no such column: \(name)") -> CatalogError {
            CatalogError(CatalogError.dependentObjectsStillExist, "error in \(object) after drop column: \(problem)", span: span)
        }
        // SQLite reads the table's own text again first, then its indexes, then views.
        if table.constraints.contains(where: { $0.columns.contains(name) && $0.writtenOnColumn != name }) {
            throw refuse("table \(key.name)")
        }
        let others = table.columns.filter { $0.name != name }
        if others.allSatisfy({ $0.generated != nil }) {
            throw refuse("table \(key.name)", "must have at least one non-generated column")
        }
        if others.contains(where: { $0.generated.map { mentions($0.sql, name) } ?? false }) {
            throw refuse("table \(key.name)")
        }
        for index in indexes(on: key) where index.constraint == nil {
            let uses =
                index.keys.contains { $0.columns.contains(name) } || (index.predicate.map { mentions($0, name) } ?? false)
            if uses { throw refuse("index \(index.name)") }
        }
        if let view = views.values.sorted(by: { $0.key < $1.key }).first(where: { $0.dependencies[key]?.contains(name) == true }) {
            throw refuse("view \(view.key.name)")
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
