import SQLSyntax

// Constraints, from CREATE TABLE and ALTER TABLE ADD CONSTRAINT alike.
extension Catalog {
    /// Whether any constraint in `schema` is called `name` (PostgreSQL's
    /// `ConstraintNameExists` looks across the whole schema).
    func constraintNameTaken(_ schema: String, _ name: String) -> Bool {
        // Every table's constraints are looked at: the lengths first, which rule
        // out nearly all of them without comparing the texts.
        let length = name.utf8.count
        return tables.values.contains { table in
            table.constraints.contains { $0.name.utf8.count == length && $0.name == name } && table.key.schema == schema
        }
    }

    func chooseConstraintName(_ table: ObjectKey, _ column: String?, _ label: String) -> String {
        Naming.choose(table.name, column, label) { constraintNameTaken(table.schema, $0) }
    }

    /// Names index-backed constraints: the name must be free as a relation too.
    func chooseIndexName(_ table: ObjectKey, _ columns: String?, _ label: String) -> String {
        Naming.choose(table.name, columns, label) {
            relationKind(ObjectKey(table.schema, $0)) != nil || constraintNameTaken(table.schema, $0)
        }
    }

    /// Adds a column or table constraint to `tableKey`. `column` is the column a
    /// column constraint is attached to.
    /// `inCreateTable`: PostgreSQL ignores NOT VALID in CREATE TABLE (the table is empty).
    mutating func addConstraint(
        _ d: ConstraintDefinition, column: String?, to tableKey: ObjectKey, _ source: ReplaySource, inCreateTable: Bool = false
    ) throws(CatalogError) {
        guard var table = tables[tableKey] else { return }
        let notValid = d.notValid && !inCreateTable
        let explicitName = d.name.map { identifierName($0.value) }
        if let explicitName, table.constraint(explicitName) != nil {
            throw CatalogError(
                CatalogError.duplicateObject, "constraint \"\(explicitName)\" for relation \"\(tableKey.name)\" already exists",
                span: d.span)
        }
        func requireColumns(_ names: [Identifier]) throws(CatalogError) -> [String] {
            var result: [String] = []
            for n in names {
                let name = identifierName(n.value)
                guard table.column(name) != nil else {
                    throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" named in key does not exist", span: n.span)
                }
                result.append(name)
            }
            return result
        }
        switch d.kind {
        case .notNull(let named):
            let name = named.map { identifierName($0.value) } ?? column
            if let name, let i = table.columnIndex(name) { table.columns[i].notNull = true }
            tables[tableKey] = table
        case .null, .default, .generated, .identity:
            // Applied by makeColumn / ALTER COLUMN.
            return
        case .check(let expr):
            let referenced: [String]
            if dialect.doubleQuotedNamesFallBackToStrings {
                referenced = try sqliteCheckColumns(expr, of: table, inCreateTable: inCreateTable)
            } else {
                referenced = ExpressionFacts.columns(expr)
                for name in referenced where table.column(name) == nil {
                    throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" does not exist", span: expr.span)
                }
            }
            let name = explicitName ?? implicitConstraintName(tableKey, referenced.count == 1 ? referenced[0] : nil, "check")
            var constraint = Constraint(name: name, kind: .check, columns: referenced, expression: source.text(expr), validated: !notValid)
            constraint.noInherit = d.noInherit
            if dialect.implicitIndexNaming == .sqliteAutoindex {
                constraint.implicitName = explicitName == nil
                constraint.writtenOnColumn = column
            }
            table.constraints.append(constraint)
            tables[tableKey] = table
        case .primaryKey(let key), .unique(let key):
            let isPrimary: Bool
            if case .primaryKey = d.kind { isPrimary = true } else { isPrimary = false }
            if dialect.implicitIndexNaming == .sqliteAutoindex {
                var columns = try requireColumns(key.columns)
                if columns.isEmpty, let column { columns = [column] }
                try addSQLiteKey(d, key, primary: isPrimary, columns: columns, column: column, to: tableKey)
                return
            }
            if isPrimary, table.primaryKey != nil {
                throw CatalogError(
                    CatalogError.invalidTableDefinition, "multiple primary keys for table \"\(tableKey.name)\" are not allowed",
                    span: d.span)
            }
            var columns = try requireColumns(key.columns)
            if columns.isEmpty, let column { columns = [column] }
            let name: String
            if let usingIndex = key.usingIndex {
                // ADD CONSTRAINT ... USING INDEX: the index becomes the constraint's, renamed.
                let indexKey = ObjectKey(tableKey.schema, identifierName(usingIndex.value))
                guard var index = indexes[indexKey], index.table == tableKey else {
                    throw CatalogError(CatalogError.undefinedObject, "index \"\(indexKey.name)\" does not exist", span: usingIndex.span)
                }
                guard index.unique else {
                    throw CatalogError(CatalogError.wrongObjectType, "\"\(indexKey.name)\" is not a unique index", span: usingIndex.span)
                }
                name = explicitName ?? indexKey.name
                columns = index.columnNames ?? []
                indexes[indexKey] = nil
                index.key = ObjectKey(tableKey.schema, name)
                index.constraint = name
                indexes[index.key] = index
            } else {
                name = explicitName ?? chooseIndexName(tableKey, isPrimary ? nil : Naming.columnsPart(columns), isPrimary ? "pkey" : "key")
                if relationKind(ObjectKey(tableKey.schema, name)) != nil {
                    throw CatalogError(CatalogError.duplicateTable, "relation \"\(name)\" already exists", span: d.span)
                }
                var index = Index(key: ObjectKey(tableKey.schema, name), table: tableKey, unique: true, keys: columns.map { .column($0) })
                index.include = key.include.map { identifierName($0.value) }
                index.constraint = name
                index.nullsNotDistinct = key.nullsNotDistinct ?? false
                indexes[index.key] = index
            }
            if isPrimary {
                for c in columns { if let i = table.columnIndex(c) { table.columns[i].notNull = true } }
            }
            var constraint = Constraint(name: name, kind: isPrimary ? .primaryKey : .unique, columns: columns)
            constraint.index = name
            constraint.deferrable = d.deferrable ?? false
            constraint.initiallyDeferred = d.initiallyDeferred ?? false
            constraint.nullsNotDistinct = key.nullsNotDistinct ?? false
            table.constraints.append(constraint)
            tables[tableKey] = table
        case .foreignKey(let fk):
            var columns = try requireColumns(fk.columns)
            if columns.isEmpty, let column { columns = [column] }
            if !dialect.checksForeignKeyTargets {
                try addUncheckedForeignKey(d, fk, columns: columns, column: column, to: tableKey, validated: !notValid)
                return
            }
            // The referenced table may be the table being created.
            let targetKey: ObjectKey
            if let k = self.table(fk.referencedTable) {
                targetKey = k
            } else {
                throw missingRelation(fk.referencedTable)
            }
            table = tables[tableKey] ?? table
            guard let target = tables[targetKey] else { throw missingRelation(fk.referencedTable) }
            var referenced = fk.referencedColumns.map { identifierName($0.value) }
            if referenced.isEmpty {
                guard let pk = target.primaryKey else {
                    throw CatalogError(
                        CatalogError.undefinedObject, "there is no primary key for referenced table \"\(targetKey.name)\"",
                        span: fk.referencedTable.span)
                }
                referenced = pk.columns
            } else {
                for name in referenced where target.column(name) == nil {
                    throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" referenced in foreign key constraint does not exist", span: d.span)
                }
                let matches = target.constraints.contains { c in
                    (c.kind == .primaryKey || c.kind == .unique) && Set(c.columns) == Set(referenced) && c.columns.count == referenced.count
                } || indexes.values.contains { i in
                    i.table == targetKey && i.unique && i.predicate == nil && i.columnNames.map { Set($0) == Set(referenced) && $0.count == referenced.count } == true
                }
                if !matches {
                    throw CatalogError(
                        CatalogError.invalidForeignKey,
                        "there is no unique constraint matching given keys for referenced table \"\(targetKey.name)\"", span: d.span)
                }
            }
            if referenced.count != columns.count {
                throw CatalogError(
                    CatalogError.invalidForeignKey, "number of referencing and referenced columns for foreign key disagree", span: d.span)
            }
            let name = explicitName ?? chooseConstraintName(tableKey, Naming.columnsPart(columns), "fkey")
            let foreignKey = ForeignKey(
                table: targetKey, columns: referenced, onDelete: action(fk.onDelete), onUpdate: action(fk.onUpdate),
                match: fk.match.map { "\($0)" })
            var constraint = Constraint(name: name, kind: .foreignKey, columns: columns, foreignKey: foreignKey, validated: !notValid)
            constraint.deferrable = d.deferrable ?? false
            constraint.initiallyDeferred = d.initiallyDeferred ?? false
            table.constraints.append(constraint)
            tables[tableKey] = table
        case .exclusion(let ex):
            var columns: [String?] = []
            var parts: [IndexPart] = []
            for element in ex.elements {
                switch element.key.element.key {
                case .column(let c):
                    let name = identifierName(c.value)
                    guard table.column(name) != nil else {
                        throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" named in key does not exist", span: c.span)
                    }
                    columns.append(name)
                    parts.append(.column(name))
                case .expression(let e):
                    columns.append(nil)
                    parts.append(.expression(source.text(e), columns: ExpressionFacts.columns(e)))
                }
            }
            let name = explicitName ?? chooseIndexName(tableKey, Naming.columnsPart(columns), "excl")
            var index = Index(key: ObjectKey(tableKey.schema, name), table: tableKey, method: ex.method?.value ?? "btree", keys: parts)
            index.constraint = name
            index.predicate = ex.predicate.map { source.text($0) }
            indexes[index.key] = index
            var constraint = Constraint(name: name, kind: .exclusion, columns: columns.compactMap { $0 }, expression: source.text(d.span))
            constraint.index = name
            table.constraints.append(constraint)
            tables[tableKey] = table
        }
    }

    func action(_ a: ReferentialAction?) -> ForeignKeyAction {
        switch a {
        case nil, .noAction?: return .noAction
        case .restrict?: return .restrict
        case .cascade?: return .cascade
        case .setNull?: return .setNull
        case .setDefault?: return .setDefault
        }
    }
}
