import SQLSyntax

// CREATE TABLE and the column and constraint definitions it shares with ALTER TABLE.
extension Catalog {
    /// `CREATE TABLE` (plain, partitioned, partition, foreign, LIKE, INHERITS, OF type).
    mutating func createTable(_ s: CreateTableStatement, _ source: ReplaySource) throws(CatalogError) {
        let key = keyForNew(s.name, temporary: s.persistence == .temporary)
        try checkSchemaExists(key.schema, span: s.name.span)
        if existingRelation(key) != nil {
            if s.ifNotExists { return }
            throw CatalogError(CatalogError.duplicateTable, "relation \"\(key.name)\" already exists", span: s.name.span)
        }
        try checkNameNotReserved(key.name, span: s.name.span)
        var table = Table(key: key, kind: s.isForeign ? .foreign : (s.partitionBy != nil ? .partitioned : .table), persistence: s.persistence)
        table.withoutRowid = s.withoutRowid
        table.strict = s.strict
        // Columns that come from elsewhere first: the partition parent, OF type, INHERITS.
        if let parentName = s.partitionOf {
            guard let parentKey = self.table(parentName), let parent = tables[parentKey] else { throw missingRelation(parentName) }
            guard parent.kind == .partitioned else {
                throw CatalogError(CatalogError.wrongObjectType, "\"\(parentKey.name)\" is not partitioned", span: parentName.span)
            }
            table.partitionOf = parentKey
            table.columns = parent.columns.map { column in
                var c = column
                c.identity = nil
                return c
            }
            table.constraints = parent.constraints.filter { $0.kind == .check && !$0.noInherit }
        }
        if let typeName = s.ofType {
            guard let typeKey = type(typeName), case .composite(let attributes)? = types[typeKey]?.definition else {
                throw CatalogError(CatalogError.undefinedObject, "type \"\(typeName.dotted)\" does not exist", span: typeName.span)
            }
            table.columns = attributes.map { Column(name: $0.name, type: $0.type) }
        }
        for parentName in s.inherits {
            guard let parentKey = self.table(parentName), let parent = tables[parentKey] else { throw missingRelation(parentName) }
            table.inherits.append(parentKey)
            for column in parent.columns where table.column(column.name) == nil {
                var c = column
                c.identity = nil
                table.columns.append(c)
            }
            table.constraints += parent.constraints.filter { $0.kind == .check && !$0.noInherit }
        }
        // Put the table in place first so that constraints can refer to it (self-references).
        tables[key] = table
        var pending: [(ConstraintDefinition, column: String?)] = []
        for element in s.elements {
            switch element {
            case .column(let definition):
                if let existing = tables[key]?.columnIndex(identifierName(definition.name.value)) {
                    // A column named again merges with an inherited or partition column.
                    if s.partitionOf == nil && s.inherits.isEmpty && s.ofType == nil {
                        throw CatalogError(
                            CatalogError.duplicateColumn, "column \"\(definition.name.value)\" specified more than once",
                            span: definition.name.span)
                    }
                    for constraint in definition.constraints {
                        pending.append((constraint, column: tables[key]?.columns[existing].name))
                    }
                    continue
                }
                let column = try makeColumn(definition, table: key, source)
                tables[key]?.columns.append(column)
                for constraint in definition.constraints { pending.append((constraint, column: column.name)) }
            case .constraint(let definition):
                pending.append((definition, column: nil))
            case .like(let like):
                try applyLike(like, into: key, source)
            }
        }
        if s.elements.isEmpty == false || s.partitionOf != nil || s.ofType != nil {
            // Fine: a table may also have no columns at all (CREATE TABLE t ()).
        }
        switch dialect.implicitIndexNaming {
        case .postgres:
            for (definition, column) in Catalog.removingRedundantKeys(pending) {
                try addConstraint(definition, column: column, to: key, source, inCreateTable: true)
            }
        case .sqliteAutoindex:
            // SQLite meets constraints in the order written (Catalog+SQLiteTables.swift).
            for (definition, column) in pending {
                try addConstraint(definition, column: column, to: key, source, inCreateTable: true)
            }
            try checkStrictColumns(key, span: s.name.span)
            try finishSQLiteTable(key, span: s.name.span)
        }
        // A serial column's sequence is created after the table, as PostgreSQL does.
    }

    /// PostgreSQL keeps one index when a statement asks twice for the same key
    /// (`PRIMARY KEY` and `UNIQUE` on the same columns, `transformIndexConstraints`):
    /// the primary key first, then the first of equal UNIQUEs, which takes a later
    /// one's name if it had none.
    static func removingRedundantKeys(_ pending: [(ConstraintDefinition, column: String?)]) -> [(ConstraintDefinition, column: String?)] {
        /// What makes two keys ask for the same index.
        struct Signature: Equatable {
            var columns: [String]
            var include: [String]
            var nullsNotDistinct: Bool
            var deferrable: Bool
            var initiallyDeferred: Bool
        }
        /// The key a PRIMARY KEY or UNIQUE asks an index for (not one adopting an index).
        func indexKey(_ d: ConstraintDefinition) -> KeyConstraint? {
            switch d.kind {
            case .primaryKey(let key), .unique(let key): return key.usingIndex == nil ? key : nil
            default: return nil
            }
        }
        func signature(_ d: ConstraintDefinition, _ column: String?) -> Signature? {
            guard let key = indexKey(d) else { return nil }
            return Signature(
                columns: key.columns.isEmpty ? [column ?? ""] : key.columns.map(\.value),
                include: key.include.map(\.value), nullsNotDistinct: key.nullsNotDistinct ?? false,
                deferrable: d.deferrable ?? false, initiallyDeferred: d.initiallyDeferred ?? false)
        }
        // Most tables ask for one key at most: nothing to compare. (By index: an
        // element is a whole constraint definition, costly to copy.)
        var keys = 0
        for i in pending.indices where indexKey(pending[i].0) != nil { keys += 1 }
        guard keys > 1 else { return pending }
        var result = pending
        var kept: [(index: Int, signature: Signature)] = []
        // The primary key is considered first wherever it was written.
        var primary: [Int] = []
        var others: [Int] = []
        for i in pending.indices {
            if case .primaryKey = pending[i].0.kind { primary.append(i) } else { others.append(i) }
        }
        var dropped: Set<Int> = []
        for i in primary + others {
            guard let sig = signature(pending[i].0, pending[i].column) else { continue }
            if let prior = kept.first(where: { $0.signature == sig }) {
                if result[prior.index].0.name == nil, let name = pending[i].0.name { result[prior.index].0.name = name }
                dropped.insert(i)
            } else {
                kept.append((i, sig))
            }
        }
        return result.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// `CREATE TABLE ... AS query`: columns from the query's output.
    mutating func createTableAs(_ s: CreateTableAsStatement, _ source: ReplaySource) throws(CatalogError) {
        let key = keyForNew(s.name, temporary: s.persistence == .temporary)
        try checkSchemaExists(key.schema, span: s.name.span)
        if existingRelation(key) != nil {
            if s.ifNotExists { return }
            throw CatalogError(CatalogError.duplicateTable, "relation \"\(key.name)\" already exists", span: s.name.span)
        }
        // The query is analysed as a view's is: PostgreSQL plans it, so unknown
        // relations and columns are refused here too.
        var analyzer = ViewQueryAnalyzer(catalog: self, source: source)
        let derived = try analyzer.query(s.query).columns
        if s.columns.count > derived.count && dialect.validatesViewQueries {
            throw CatalogError(CatalogError.syntaxError, "too many column names were specified", span: s.span)
        }
        var table = Table(key: key, persistence: s.persistence)
        for (i, column) in derived.enumerated() {
            let name = identifierName(i < s.columns.count ? s.columns[i].value : column.name)
            let type =
                dialect.keepsDeclaredText
                ? ColumnType(declared: Catalog.affinityTypeName(column.type?.declared)) : column.type ?? .text
            table.columns.append(Column(name: name, type: type))
        }
        tables[key] = table
    }

    /// Builds a column from its definition: type, default, identity, generated,
    /// NOT NULL (constraints with names come later through `addConstraint`).
    mutating func makeColumn(_ d: ColumnDefinition, table: ObjectKey, _ source: ReplaySource) throws(CatalogError) -> Column {
        let name = identifierName(d.name.value)
        var type = ColumnType(declared: "")
        var serial = false
        if let written = d.type, dialect.keepsDeclaredText {
            type = ColumnType(declared: Catalog.declaredTypeText(source.text(written.span)))
        } else if let written = d.type {
            (type, serial) = try resolveType(written)
        } else if dialect.columnTypeOptional {
            type = ColumnType(declared: "")
        } else {
            throw CatalogError(CatalogError.syntaxError, "column \"\(name)\" has no type", span: d.name.span)
        }
        var column = Column(name: name, type: type)
        column.collation = d.collation?.name
        for constraint in d.constraints {
            switch constraint.kind {
            case .notNull: column.notNull = true
            case .default(let expr):
                if column.identity != nil {
                    throw CatalogError(
                        CatalogError.syntaxError, "both default and identity specified for column \"\(name)\" of table \"\(table.name)\"",
                        span: constraint.span)
                }
                column.defaultValue = try defaultValue(expr, for: column.type, source)
                // SQLite: `DEFAULT name` is a string, `DEFAULT (name)` reads a column.
                if dialect.doubleQuotedNamesFallBackToStrings, source.text(expr).hasPrefix("("),
                    Catalog.readsUnquotedColumn(expr)
                {
                    throw CatalogError(
                        CatalogError.featureNotSupported, "default value of column [\(name)] is not constant",
                        span: expr.span)
                }
            case .generated(let expr, let storage):
                column.generated = GeneratedColumn(sql: source.text(expr), stored: storage == .stored)
            case .identity(let always, _):
                guard type.isInteger else {
                    throw CatalogError(
                        CatalogError.datatypeMismatch,
                        "identity column type must be smallint, integer, or bigint", span: constraint.span)
                }
                column.identity = always ? .always : .byDefault
                column.notNull = true
            case .primaryKey:
                if dialect.primaryKeyImpliesNotNull { column.notNull = true }
            default:
                break
            }
        }
        if serial {
            let sequenceKey = ObjectKey(
                table.schema,
                Naming.choose(table.name, name, "seq") { relationKind(ObjectKey(table.schema, $0)) != nil })
            var sequence = Sequence(key: sequenceKey, dataType: ColumnType(name: type.name))
            sequence.ownedBy = ColumnReference(table: table, column: name)
            sequences[sequenceKey] = sequence
            let qualified = table.schema == creationSchema ? sequenceKey.name : "\(table.schema).\(sequenceKey.name)"
            column.defaultValue = DefaultValue(sql: "nextval('\(qualified)'::regclass)", volatility: .volatile, sequence: sequenceKey)
            column.notNull = true
        }
        if column.identity != nil {
            // Identity columns own an implicit sequence named like a serial's.
            let sequenceKey = ObjectKey(
                table.schema,
                Naming.choose(table.name, name, "seq") { relationKind(ObjectKey(table.schema, $0)) != nil })
            var sequence = Sequence(key: sequenceKey, dataType: ColumnType(name: type.name))
            sequence.ownedBy = ColumnReference(table: table, column: name)
            sequences[sequenceKey] = sequence
        }
        return column
    }

    /// The volatility of a default or generated expression.
    func volatility(of expr: Expr) -> Volatility {
        ExpressionFacts.volatility(expr) { name in
            guard let key = resolve(name, exists: { functions[$0] != nil }) else { return nil }
            return functions[key]?.map(\.volatility).max()
        }
    }

    /// `LIKE source [INCLUDING ...]`: copies columns (with NOT NULL), and what the options ask for.
    private mutating func applyLike(_ like: TableLikeClause, into key: ObjectKey, _ source: ReplaySource) throws(CatalogError) {
        guard let sourceKey = table(like.source), let from = tables[sourceKey] else { throw missingRelation(like.source) }
        var includeDefaults = false
        var includeConstraints = false
        var includeIndexes = false
        var includeIdentity = false
        var includeGenerated = false
        for option in like.options {
            let on = option.including
            switch option.option {
            case .defaults: includeDefaults = on
            case .constraints: includeConstraints = on
            case .indexes: includeIndexes = on
            case .identity: includeIdentity = on
            case .generated: includeGenerated = on
            case .all:
                includeDefaults = on
                includeConstraints = on
                includeIndexes = on
                includeIdentity = on
                includeGenerated = on
            default: break
            }
        }
        for column in from.columns {
            if tables[key]?.column(column.name) != nil {
                throw CatalogError(CatalogError.duplicateColumn, "column \"\(column.name)\" specified more than once", span: like.span)
            }
            var c = column
            if !includeDefaults || c.defaultValue?.sequence != nil { c.defaultValue = includeDefaults ? c.defaultValue : nil }
            if !includeIdentity { c.identity = nil }
            if !includeGenerated { c.generated = nil }
            tables[key]?.columns.append(c)
        }
        if includeConstraints {
            for constraint in from.constraints where constraint.kind == .check {
                var c = constraint
                if tables[key]?.constraint(c.name) != nil { continue }
                c.name = chooseConstraintName(key, c.columns.count == 1 ? c.columns[0] : nil, "check")
                tables[key]?.constraints.append(c)
            }
        }
        if includeIndexes {
            for index in indexes(on: sourceKey) {
                let columnNames = index.keys.map { part -> String? in
                    if case .column(let name) = part { return name }
                    return nil
                }
                let label = index.constraint.flatMap { from.constraint($0)?.kind == .primaryKey ? "pkey" : nil } ?? (index.unique && index.constraint != nil ? "key" : "idx")
                let name = Naming.choose(key.name, label == "pkey" ? nil : Naming.columnsPart(columnNames), label) {
                    relationKind(ObjectKey(key.schema, $0)) != nil
                }
                var copy = index
                copy.key = ObjectKey(key.schema, name)
                copy.table = key
                if let constraintName = index.constraint, var constraint = from.constraint(constraintName) {
                    constraint.name = name
                    constraint.index = name
                    copy.constraint = name
                    tables[key]?.constraints.append(constraint)
                }
                indexes[copy.key] = copy
            }
        }
    }
}
