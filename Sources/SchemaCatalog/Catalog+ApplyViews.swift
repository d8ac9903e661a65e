import SQLSyntax

// CREATE [OR REPLACE] [MATERIALIZED | RECURSIVE] VIEW. The query is read by
// ViewQueryAnalyzer (Catalog+ApplyViewQuery.swift).

extension Catalog {
    mutating func createView(_ s: CreateViewStatement, _ source: ReplaySource) throws(CatalogError) {
        // Temporary views live in PostgreSQL's session schema, which is not
        // modelled: they are kept in the creation schema.
        let key = keyForNew(s.name, temporary: s.temporary)
        try checkSchemaExists(key.schema, span: s.name.span)
        try checkNameNotReserved(key.name, span: s.name.span)
        var replacing: View?
        if let kind = relationKind(key) {
            if s.ifNotExists { return }
            if s.orReplace && !s.materialized {
                guard kind == .view, let existing = views[key] else {
                    throw CatalogError(CatalogError.wrongObjectType, "\"\(key.name)\" is not a view", span: s.name.span)
                }
                replacing = existing
            } else {
                try checkRelationNameFree(key, span: s.name.span)
            }
        } else if types[key] != nil {
            // A view's row type shares the type namespace.
            throw CatalogError(CatalogError.duplicateObject, "type \"\(key.name)\" already exists", span: s.name.span)
        }

        var analyzer = ViewQueryAnalyzer(catalog: self, source: source)
        if s.recursive {
            analyzer.recursiveSelf = (key.name, s.columns.map(\.value))
        }
        var columns = try analyzer.query(s.query).columns.map {
            ViewColumn(name: identifierName($0.name), type: $0.type)
        }
        if s.columns.count > columns.count && dialect.validatesViewQueries {
            let message =
                s.materialized
                ? "too many column names were specified" : "CREATE VIEW specifies more column names than columns"
            throw CatalogError(CatalogError.syntaxError, message, span: s.span)
        }
        for (i, name) in s.columns.enumerated() where i < columns.count {
            columns[i].name = identifierName(name.value)
        }
        try checkViewColumnNames(&columns, span: s.span)
        if let record = columns.first(where: { $0.type == ColumnType(name: "record") }) {
            throw CatalogError(
                CatalogError.invalidTableDefinition, "column \"\(record.name)\" has pseudo-type record", span: s.span)
        }
        if let old = replacing {
            try checkReplacement(old: old.columns, new: columns, span: s.span)
        }
        var view = View(key: key, materialized: s.materialized, columns: columns, query: source.text(s.query.span))
        view.dependencies = analyzer.dependencies
        view.dependencies[key] = nil
        view.functionDependencies = analyzer.functionDependencies
        views[key] = view
    }

    /// PostgreSQL refuses duplicate output names; SQLite renames them `a:1`, `a:2`.
    private func checkViewColumnNames(_ columns: inout [ViewColumn], span: SourceSpan) throws(CatalogError) {
        // A view's few dozen names are compared pairwise, without hashing any,
        // each first by its length and first and last bytes (most pairs differ
        // there); a set is made only when two are the same.
        let names = columns.map(\.name)
        if names.count <= 64 {
            let marks = names.map { name -> UInt64 in
                let utf8 = name.utf8
                return UInt64(truncatingIfNeeded: utf8.count) << 16 | UInt64(utf8.first ?? 0) << 8 | UInt64(utf8.last ?? 0)
            }
            var duplicate = false
            outer: for i in names.indices {
                for j in names.indices[..<i] where marks[j] == marks[i] && names[j] == names[i] {
                    duplicate = true
                    break outer
                }
            }
            if !duplicate { return }
        }
        var seen: Set<String> = []
        for i in columns.indices where !seen.insert(columns[i].name).inserted {
            if dialect.validatesViewQueries {
                throw CatalogError(
                    CatalogError.duplicateColumn, "column \"\(columns[i].name)\" specified more than once", span: span)
            }
            var n = 1
            while seen.contains("\(columns[i].name):\(n)") { n += 1 }
            columns[i].name = "\(columns[i].name):\(n)"
            seen.insert(columns[i].name)
        }
    }

    /// CREATE OR REPLACE VIEW may only add columns at the end (`checkViewTupleDesc`).
    private func checkReplacement(old: [ViewColumn], new: [ViewColumn], span: SourceSpan) throws(CatalogError) {
        if new.count < old.count {
            throw CatalogError(CatalogError.invalidTableDefinition, "cannot drop columns from view", span: span)
        }
        for (o, n) in zip(old, new) {
            if o.name != n.name {
                throw CatalogError(
                    CatalogError.invalidTableDefinition, "cannot change name of view column \"\(o.name)\" to \"\(n.name)\"",
                    span: span)
            }
            if let from = o.type, let to = n.type, from != to {
                throw CatalogError(
                    CatalogError.invalidTableDefinition,
                    "cannot change data type of view column \"\(o.name)\" from \(from.sql) to \(to.sql)", span: span)
            }
        }
    }
}
