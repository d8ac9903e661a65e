import SQLSyntax

// RENAME and SET SCHEMA of relations, columns and constraints. A rename carries
// through to everything that refers to the object by key: indexes, foreign keys,
// views' dependencies, owned sequences, partitions.
extension Catalog {
    mutating func rename(_ s: RenameStatement, _ source: ReplaySource) throws(CatalogError) {
        let newName = identifierName(s.newName.value)
        switch s.objectType {
        case .table, .foreignTable, .view, .materializedView, .index, .sequence:
            guard let key = resolve(s.object.name, exists: { relationKind($0) != nil }) else {
                if s.ifExists { return }
                throw missingRelation(s.object.name)
            }
            let target = ObjectKey(key.schema, newName)
            if relationKind(target) != nil {
                throw CatalogError(CatalogError.duplicateTable, "relation \"\(newName)\" already exists", span: s.newName.span)
            }
            rekeyRelation(key, to: target)
            renameAutoindexes(from: key, to: target)
            if dialect.hasSQLiteAlterTable { try checkViewsStillResolve(span: s.newName.span) }
        case .column, .attribute where s.relationType != .type:
            guard let tableName = s.object.table ?? Optional(s.object.name) else { return }
            guard let key = resolve(tableName, exists: { tables[$0] != nil || views[$0] != nil }) else {
                if s.ifExists { return }
                throw missingRelation(tableName)
            }
            let oldName = identifierName(s.object.name.name)
            if views[key] != nil {
                try renameViewColumn(key, oldName, newName, s)
                return
            }
            guard tables[key]?.column(oldName) != nil else {
                throw CatalogError(
                    CatalogError.undefinedColumn, "column \"\(oldName)\" does not exist", span: s.object.name.span)
            }
            if tables[key]?.column(newName) != nil {
                throw CatalogError(
                    CatalogError.duplicateColumn, "column \"\(newName)\" of relation \"\(key.name)\" already exists",
                    span: s.newName.span)
            }
            renameColumn(key, oldName, newName)
            renameImplicitConstraints(key)
            if dialect.hasSQLiteAlterTable { try checkViewsStillResolve(span: s.newName.span) }
        case .constraint where s.relationType != .domain:
            guard let tableName = s.object.table, let key = table(tableName) else {
                if s.ifExists { return }
                throw missingRelation(s.object.table ?? s.object.name)
            }
            let oldName = identifierName(s.object.name.name)
            guard let constraint = tables[key]?.constraint(oldName) else {
                throw CatalogError(
                    CatalogError.undefinedObject, "constraint \"\(oldName)\" for table \"\(key.name)\" does not exist",
                    span: s.object.name.span)
            }
            if tables[key]?.constraint(newName) != nil {
                throw CatalogError(
                    CatalogError.duplicateObject, "constraint \"\(newName)\" for relation \"\(key.name)\" already exists",
                    span: s.newName.span)
            }
            if let index = constraint.index {
                let target = ObjectKey(key.schema, newName)
                if relationKind(target) != nil {
                    throw CatalogError(CatalogError.duplicateTable, "relation \"\(newName)\" already exists", span: s.newName.span)
                }
                rekeyRelation(ObjectKey(key.schema, index), to: target)
            } else {
                renameConstraint(key, oldName, newName)
            }
        default:
            try renameObject(s, source)
        }
    }

    private mutating func renameViewColumn(_ key: ObjectKey, _ oldName: String, _ newName: String, _ s: RenameStatement) throws(CatalogError) {
        guard let i = views[key]?.columns.firstIndex(where: { $0.name == oldName }) else {
            throw CatalogError(CatalogError.undefinedColumn, "column \"\(oldName)\" does not exist", span: s.object.name.span)
        }
        if views[key]?.columns.contains(where: { $0.name == newName }) == true {
            throw CatalogError(
                CatalogError.duplicateColumn, "column \"\(newName)\" of relation \"\(key.name)\" already exists", span: s.newName.span)
        }
        views[key]?.columns[i].name = newName
        for (viewKey, view) in views where view.dependencies[key]?.contains(oldName) == true {
            views[viewKey]?.dependencies[key]?.remove(oldName)
            views[viewKey]?.dependencies[key]?.insert(newName)
        }
    }

    private mutating func renameConstraint(_ key: ObjectKey, _ oldName: String, _ newName: String) {
        guard let i = tables[key]?.constraints.firstIndex(where: { $0.name == oldName }) else { return }
        tables[key]?.constraints[i].name = newName
    }

    /// Renames a column everywhere it is named: constraints, indexes, foreign keys
    /// pointing at it, views reading it, sequences owned by it, and children.
    mutating func renameColumn(_ key: ObjectKey, _ oldName: String, _ newName: String) {
        guard var table = tables[key], let i = table.columnIndex(oldName) else { return }
        table.columns[i].name = newName
        // Only what names the column is written: the rest keeps sharing storage
        // with the catalog before (which later comparisons by identity rely on).
        for c in table.constraints.indices {
            if table.constraints[c].columns.contains(oldName) {
                table.constraints[c].columns = table.constraints[c].columns.map { $0 == oldName ? newName : $0 }
            }
            if table.constraints[c].writtenOnColumn == oldName { table.constraints[c].writtenOnColumn = newName }
        }
        tables[key] = table
        for otherKey in tables.referencing(key) {
            guard let other = tables[otherKey] else { continue }
            for c in other.constraints.indices where other.constraints[c].foreignKey?.table == key {
                guard let columns = other.constraints[c].foreignKey?.columns, columns.contains(oldName) else { continue }
                tables[otherKey]?.constraints[c].foreignKey?.columns = columns.map { $0 == oldName ? newName : $0 }
            }
        }
        for index in indexes.values(on: key) {
            let indexKey = index.key
            let keys = index.keys.map { part -> IndexPart in
                switch part {
                case .column(let n): return .column(n == oldName ? newName : n)
                case .expression(let sql, let columns): return .expression(sql, columns: columns.map { $0 == oldName ? newName : $0 })
                }
            }
            let include = index.include.map { $0 == oldName ? newName : $0 }
            // Indexes that do not use the column stay as they are (and keep sharing storage).
            guard keys != index.keys || include != index.include else { continue }
            indexes[indexKey]?.keys = keys
            indexes[indexKey]?.include = include
        }
        for (viewKey, view) in views where view.dependencies[key]?.contains(oldName) == true {
            views[viewKey]?.dependencies[key]?.remove(oldName)
            views[viewKey]?.dependencies[key]?.insert(newName)
        }
        for (sequenceKey, sequence) in sequences where sequence.ownedBy == ColumnReference(table: key, column: oldName) {
            sequences[sequenceKey]?.ownedBy = ColumnReference(table: key, column: newName)
        }
        for child in children(of: key) where tables[child]?.column(oldName) != nil {
            renameColumn(child, oldName, newName)
        }
    }

    /// Moves a relation to a new key and updates every reference to it.
    mutating func rekeyRelation(_ old: ObjectKey, to new: ObjectKey) {
        if var table = tables.removeValue(forKey: old) {
            table.key = new
            tables[new] = table
            // Only tables whose keys or parents name it can change.
            for k in Set(tables.referencing(old) + tables.children(of: old)) {
                guard let t = tables[k] else { continue }
                for c in t.constraints.indices where t.constraints[c].foreignKey?.table == old {
                    tables[k]?.constraints[c].foreignKey?.table = new
                }
                if t.partitionOf == old { tables[k]?.partitionOf = new }
                if t.inherits.contains(old) { tables[k]?.inherits = t.inherits.map { $0 == old ? new : $0 } }
            }
            for k in indexes.keys(on: old) { indexes[k]?.table = new }
            for (k, sequence) in sequences where sequence.ownedBy?.table == old {
                sequences[k]?.ownedBy?.table = new
            }
        } else if var view = views.removeValue(forKey: old) {
            view.key = new
            views[new] = view
            for k in indexes.keys(on: old) { indexes[k]?.table = new }
        } else if var index = indexes.removeValue(forKey: old) {
            let oldName = index.key.name
            index.key = new
            // Renaming a constraint's index renames the constraint (and vice versa).
            if let constraint = index.constraint, let i = tables[index.table]?.constraints.firstIndex(where: { $0.name == constraint }) {
                tables[index.table]?.constraints[i].name = new.name
                tables[index.table]?.constraints[i].index = new.name
                index.constraint = new.name
            }
            _ = oldName
            indexes[new] = index
        } else if var sequence = sequences.removeValue(forKey: old) {
            sequence.key = new
            sequences[new] = sequence
            for (k, table) in tables {
                for (i, column) in table.columns.enumerated() where column.defaultValue?.sequence == old {
                    tables[k]?.columns[i].defaultValue?.sequence = new
                    let qualified = new.schema == creationSchema ? new.name : "\(new.schema).\(new.name)"
                    tables[k]?.columns[i].defaultValue?.sql = "nextval('\(qualified)'::regclass)"
                }
            }
        }
        for (viewKey, view) in views {
            if let columns = view.dependencies[old] {
                views[viewKey]?.dependencies[old] = nil
                views[viewKey]?.dependencies[new] = columns
            }
        }
    }

    /// `ALTER TABLE | VIEW | SEQUENCE ... SET SCHEMA s`: a table takes its indexes
    /// and owned sequences along.
    mutating func setSchema(_ s: AlterObjectSchemaStatement, _ source: ReplaySource) throws(CatalogError) {
        switch s.objectType {
        case .table, .foreignTable, .view, .materializedView, .sequence:
            guard let key = resolve(s.object.name, exists: { relationKind($0) != nil }) else {
                if s.ifExists { return }
                throw missingRelation(s.object.name)
            }
            let schema = identifierName(s.newSchema.value)
            try checkSchemaExists(schema, span: s.newSchema.span)
            if schema == key.schema { return }
            let target = ObjectKey(schema, key.name)
            if relationKind(target) != nil {
                throw CatalogError(
                    CatalogError.duplicateTable, "relation \"\(key.name)\" already exists in schema \"\(schema)\"", span: s.newSchema.span)
            }
            let ownedIndexes = indexes.keys(on: key)
            let ownedSequences = sequences.values.filter { $0.ownedBy?.table == key }.map(\.key)
            rekeyRelation(key, to: target)
            for index in ownedIndexes { rekeyRelation(index, to: ObjectKey(schema, index.name)) }
            for sequence in ownedSequences { rekeyRelation(sequence, to: ObjectKey(schema, sequence.name)) }
        default:
            try setObjectSchema(s, source)
        }
    }
}
