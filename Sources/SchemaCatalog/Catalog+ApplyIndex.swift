import SQLSyntax

extension Catalog {
    /// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table (...)`.
    mutating func createIndex(_ s: CreateIndexStatement, _ source: ReplaySource) throws(CatalogError) {
        let tableKey: ObjectKey
        if let key = table(s.table) {
            tableKey = key
        } else if let key = view(s.table), views[key]?.materialized == true {
            tableKey = key
        } else {
            throw missingRelation(s.table)
        }
        let tableColumns: [String] = tables[tableKey]?.columns.map(\.name) ?? views[tableKey]?.columns.map(\.name) ?? []
        var parts: [IndexPart] = []
        var nameParts: [String?] = []
        for key in s.keys {
            switch key.element.key {
            case .column(let c):
                let name = identifierName(c.value)
                guard tableColumns.contains(name) else {
                    throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" does not exist", span: c.span)
                }
                parts.append(.column(name))
                nameParts.append(name)
            case .expression(let e):
                let columns = ExpressionFacts.columns(e)
                for name in columns where !tableColumns.contains(name) {
                    throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" does not exist", span: e.span)
                }
                parts.append(.expression(source.text(e), columns: columns))
                // FigureIndexColname: a function key is named after the function.
                if case .function(let call) = e.kind { nameParts.append(call.name.name) } else { nameParts.append(nil) }
            }
        }
        let include = s.include.map { identifierName($0.value) }
        for name in include where !tableColumns.contains(name) {
            throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" does not exist", span: s.span)
        }
        let indexName: String
        if let written = s.name {
            if let schema = written.qualifier, schema != tableKey.schema, dialect.kind == .postgres {
                throw CatalogError(
                    CatalogError.syntaxError, "index name cannot be schema-qualified in a different schema", span: written.span)
            }
            indexName = identifierName(written.name)
            try checkNameNotReserved(indexName, span: written.span)
            if existingRelation(ObjectKey(tableKey.schema, indexName)) != nil {
                if s.ifNotExists { return }
                throw CatalogError(CatalogError.duplicateTable, "relation \"\(indexName)\" already exists", span: written.span)
            }
        } else {
            indexName = Naming.choose(tableKey.name, Naming.columnsPart(nameParts), "idx") {
                relationKind(ObjectKey(tableKey.schema, $0)) != nil
            }
        }
        var index = Index(
            key: ObjectKey(tableKey.schema, indexName), table: tableKey, unique: s.unique,
            method: s.method?.value ?? "btree", keys: parts)
        index.include = include
        if let predicate = s.predicate {
            if dialect.doubleQuotedNamesFallBackToStrings, let table = tables[tableKey] {
                _ = try sqliteCheckColumns(predicate, of: table, inCreateTable: true)
            } else {
                for name in ExpressionFacts.columns(predicate) where !tableColumns.contains(name) {
                    throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" does not exist", span: predicate.span)
                }
            }
        }
        index.predicate = s.predicate.map { source.text($0) }
        index.nullsNotDistinct = s.nullsNotDistinct ?? false
        indexes[index.key] = index
    }

    /// `TRUNCATE`: the tables must exist.
    mutating func truncate(_ s: TruncateStatement) throws(CatalogError) {
        for target in s.tables where table(target.name) == nil {
            throw missingRelation(target.name)
        }
    }
}
