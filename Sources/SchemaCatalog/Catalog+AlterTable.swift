import SQLSyntax

// ALTER TABLE / INDEX / VIEW actions, one at a time in the order written.
extension Catalog {
    mutating func alterTable(_ s: AlterTableStatement, _ source: ReplaySource) throws(CatalogError) {
        if s.allInTablespace != nil { return }
        switch s.objectType {
        case .table, .foreignTable:
            guard let key = table(s.name) else {
                if s.ifExists { return }
                if let other = resolve(s.name, exists: { relationKind($0) != nil }), let kind = relationKind(other) {
                    // ALTER TABLE works on views and sequences for the actions they allow.
                    if kind == .view || kind == .materializedView || kind == .sequence || kind == .index { return }
                }
                throw missingRelation(s.name)
            }
            for action in s.actions { try alterTableAction(action, key, source) }
        case .index:
            if index(s.name) == nil && !s.ifExists {
                throw CatalogError(CatalogError.undefinedTable, "relation \"\(s.name.dotted)\" does not exist", span: s.name.span)
            }
        case .view, .materializedView:
            if view(s.name) == nil && !s.ifExists { throw missingRelation(s.name) }
        case .sequence:
            if sequence(s.name) == nil && !s.ifExists { throw missingRelation(s.name) }
        case .type:
            // ALTER TYPE ... ADD/DROP/ALTER ATTRIBUTE arrives as alterType.
            return
        }
    }

    private func column(_ name: Identifier, of key: ObjectKey) throws(CatalogError) -> Int {
        let columnName = identifierName(name.value)
        guard let i = tables[key]?.columnIndex(columnName) else {
            throw CatalogError(
                CatalogError.undefinedColumn, "column \"\(columnName)\" of relation \"\(key.name)\" does not exist", span: name.span)
        }
        return i
    }

    mutating func alterTableAction(_ action: AlterTableAction, _ key: ObjectKey, _ source: ReplaySource) throws(CatalogError) {
        if dialect.hasSQLiteAlterTable { try checkSQLiteAlterAction(action) }
        switch action {
        case .addColumn(let definition, let ifNotExists):
            let name = identifierName(definition.name.value)
            if tables[key]?.column(name) != nil {
                if ifNotExists { return }
                throw CatalogError(
                    CatalogError.duplicateColumn, "column \"\(name)\" of relation \"\(key.name)\" already exists",
                    span: definition.name.span)
            }
            if dialect.hasSQLiteAlterTable { try checkSQLiteAddColumn(definition) }
            let column = try makeColumn(definition, table: key, source)
            tables[key]?.columns.append(column)
            try checkStrictColumns(key, after: "add column", span: definition.name.span)
            for constraint in definition.constraints {
                try addConstraint(constraint, column: column.name, to: key, source)
            }
            renameImplicitConstraints(key)
            // A new column reaches partitions and inheritance children too.
            for child in children(of: key) where tables[child]?.column(name) == nil {
                var c = column
                c.identity = nil
                tables[child]?.columns.append(c)
            }
        case .dropColumn(let name, let ifExists, let behavior):
            let columnName = identifierName(name.value)
            guard tables[key]?.column(columnName) != nil else {
                if ifExists { return }
                _ = try column(name, of: key)
                return
            }
            if dialect.hasSQLiteAlterTable {
                try dropSQLiteColumn(columnName, of: key, span: name.span)
            } else {
                try dropColumn(columnName, of: key, cascade: behavior == .cascade, span: name.span)
            }
        case .alterColumn(let name, let change):
            let i = try column(name, of: key)
            try alterColumn(i, change, key, source, span: name.span)
        case .addConstraint(let definition):
            try addConstraint(definition, column: nil, to: key, source)
        case .alterConstraint(let change):
            let name = identifierName(change.name.value)
            guard let i = tables[key]?.constraints.firstIndex(where: { $0.name == name }) else {
                throw CatalogError(
                    CatalogError.undefinedObject, "constraint \"\(name)\" of relation \"\(key.name)\" does not exist", span: change.name.span)
            }
            if let deferrable = change.deferrable { tables[key]?.constraints[i].deferrable = deferrable }
            if let initially = change.initiallyDeferred { tables[key]?.constraints[i].initiallyDeferred = initially }
        case .validateConstraint(let name):
            let constraintName = identifierName(name.value)
            guard let i = tables[key]?.constraints.firstIndex(where: { $0.name == constraintName }) else {
                throw CatalogError(
                    CatalogError.undefinedObject, "constraint \"\(constraintName)\" of relation \"\(key.name)\" does not exist",
                    span: name.span)
            }
            tables[key]?.constraints[i].validated = true
        case .dropConstraint(let name, let ifExists, let behavior):
            let constraintName = identifierName(name.value)
            guard tables[key]?.constraint(constraintName) != nil else {
                if ifExists { return }
                throw CatalogError(
                    CatalogError.undefinedObject, "constraint \"\(constraintName)\" of relation \"\(key.name)\" does not exist",
                    span: name.span)
            }
            try dropConstraint(constraintName, of: key, cascade: behavior == .cascade, span: name.span)
        case .setLogged(let logged):
            tables[key]?.persistence = logged ? .permanent : .unlogged
        case .rowLevelSecurity(let change):
            switch change {
            case .enable, .force: tables[key]?.rowLevelSecurity = true
            case .disable: tables[key]?.rowLevelSecurity = false
            case .noForce: break
            }
        case .inherit(let parent):
            guard let parentKey = table(parent) else { throw missingRelation(parent) }
            tables[key]?.inherits.append(parentKey)
        case .noInherit(let parent):
            guard let parentKey = table(parent) else { throw missingRelation(parent) }
            tables[key]?.inherits.removeAll { $0 == parentKey }
        case .attachPartition(let partition, _):
            guard let partitionKey = table(partition) else { throw missingRelation(partition) }
            guard tables[key]?.kind == .partitioned else {
                throw CatalogError(CatalogError.wrongObjectType, "table \"\(key.name)\" is not partitioned", span: partition.span)
            }
            tables[partitionKey]?.partitionOf = key
        case .detachPartition(let partition, _):
            guard let partitionKey = table(partition) else { throw missingRelation(partition) }
            tables[partitionKey]?.partitionOf = nil
        case .clusterOn(let index):
            if indexes[ObjectKey(key.schema, identifierName(index.value))] == nil {
                throw CatalogError(CatalogError.undefinedObject, "index \"\(index.value)\" for table \"\(key.name)\" does not exist", span: index.span)
            }
        case .setTablespace, .setAccessMethod, .setOptions, .resetOptions, .setWithoutCluster, .setWithoutOids, .ownerTo,
            .trigger, .rule, .of, .notOf, .replicaIdentity, .dependsOnExtension, .foreignOptions:
            return
        }
    }

    /// Partitions and inheritance children of `key`.
    func children(of key: ObjectKey) -> [ObjectKey] {
        tables.children(of: key)
    }

    private mutating func alterColumn(
        _ i: Int, _ change: AlterColumnAction, _ key: ObjectKey, _ source: ReplaySource, span: SourceSpan
    ) throws(CatalogError) {
        guard var table = tables[key] else { return }
        let name = table.columns[i].name
        switch change {
        case .setDataType(let written, let collation, _):
            let (type, serial) = try resolveType(written)
            if serial {
                throw CatalogError(CatalogError.undefinedObject, "type \"\(written.name.name)\" does not exist", span: written.span)
            }
            // A column a view reads cannot change type (PostgreSQL refuses outright).
            if let viewKey = views.values.first(where: { $0.dependencies[key]?.contains(name) == true })?.key {
                throw CatalogError(
                    CatalogError.featureNotSupported, "cannot alter type of a column used by a view or rule",
                    span: span, detail: "rule _RETURN on view \(viewKey.name) depends on column \"\(name)\"")
            }
            table.columns[i].type = type
            if let collation { table.columns[i].collation = collation.name }
        case .setDefault(let expr):
            table.columns[i].defaultValue = try defaultValue(expr, for: table.columns[i].type, source)
        case .dropDefault:
            table.columns[i].defaultValue = nil
        case .setNotNull:
            table.columns[i].notNull = true
        case .dropNotNull:
            if let pk = table.primaryKey, pk.columns.contains(name) {
                throw CatalogError(CatalogError.invalidTableDefinition, "column \"\(name)\" is in a primary key", span: span)
            }
            if table.columns[i].identity != nil {
                throw CatalogError(
                    CatalogError.syntaxError, "column \"\(name)\" of relation \"\(key.name)\" is an identity column", span: span)
            }
            table.columns[i].notNull = false
        case .setExpression(let expr):
            table.columns[i].generated = GeneratedColumn(sql: source.text(expr), stored: table.columns[i].generated?.stored ?? true)
        case .dropExpression(let ifExists):
            if table.columns[i].generated == nil && !ifExists {
                throw CatalogError(
                    CatalogError.invalidParameterValue, "column \"\(name)\" of relation \"\(key.name)\" is not a stored generated column",
                    span: span)
            }
            table.columns[i].generated = nil
        case .addIdentity(let always, _):
            if table.columns[i].identity != nil {
                throw CatalogError(
                    CatalogError.invalidParameterValue, "column \"\(name)\" of relation \"\(key.name)\" is already an identity column",
                    span: span)
            }
            if !table.columns[i].notNull {
                throw CatalogError(
                    CatalogError.invalidParameterValue,
                    "column \"\(name)\" of relation \"\(key.name)\" must be declared NOT NULL before identity can be added", span: span)
            }
            table.columns[i].identity = always ? .always : .byDefault
            let sequenceKey = ObjectKey(key.schema, Naming.choose(key.name, name, "seq") { relationKind(ObjectKey(key.schema, $0)) != nil })
            sequences[sequenceKey] = Sequence(key: sequenceKey, dataType: ColumnType(name: table.columns[i].type.name), ownedBy: ColumnReference(table: key, column: name))
        case .setIdentity(let always, _):
            guard table.columns[i].identity != nil else {
                throw CatalogError(
                    CatalogError.invalidParameterValue, "column \"\(name)\" of relation \"\(key.name)\" is not an identity column", span: span)
            }
            if let always { table.columns[i].identity = always ? .always : .byDefault }
        case .dropIdentity(let ifExists):
            if table.columns[i].identity == nil {
                if ifExists { return }
                throw CatalogError(
                    CatalogError.invalidParameterValue, "column \"\(name)\" of relation \"\(key.name)\" is not an identity column", span: span)
            }
            table.columns[i].identity = nil
            for (sk, seq) in sequences where seq.ownedBy == ColumnReference(table: key, column: name) {
                sequences[sk] = nil
            }
        case .setStatistics, .setOptions, .resetOptions, .setStorage, .setCompression, .foreignOptions:
            return
        }
        tables[key] = table
    }
}
