import SQLSyntax

// DROP of relations, columns and constraints, with PostgreSQL's dependency rules:
// what depends on the object blocks the drop (2BP01) unless CASCADE, which drops
// the dependents too; what the object owns (indexes, owned sequences, partitions)
// goes with it.
extension Catalog {
    mutating func drop(_ s: DropStatement, _ source: ReplaySource) throws(CatalogError) {
        let cascade = s.behavior == .cascade
        for object in s.objects {
            switch s.objectType {
            case .table, .foreignTable, .view, .materializedView, .index, .sequence:
                try dropRelation(s.objectType, object.name, ifExists: s.ifExists, cascade: cascade)
            default:
                try dropObject(s.objectType, object, ifExists: s.ifExists, cascade: cascade, source)
            }
        }
    }

    private mutating func dropRelation(_ type: SchemaObjectType, _ name: QualifiedName, ifExists: Bool, cascade: Bool) throws(CatalogError) {
        guard let key = resolve(name, exists: { relationKind($0) != nil }), let kind = relationKind(key) else {
            if ifExists { return }
            if type == .index {
                throw CatalogError(CatalogError.undefinedObject, "index \"\(name.dotted)\" does not exist", span: name.span)
            }
            let noun = type == .view ? "view" : type == .materializedView ? "materialized view" : type == .sequence ? "sequence" : "table"
            throw CatalogError(CatalogError.undefinedTable, "\(noun) \"\(name.dotted)\" does not exist", span: name.span)
        }
        let expected: Set<RelationKind>
        switch type {
        case .table: expected = [.table]
        case .foreignTable: expected = [.foreignTable]
        case .view: expected = [.view]
        case .materializedView: expected = [.materializedView]
        case .index: expected = [.index]
        default: expected = [.sequence]
        }
        guard expected.contains(kind) else {
            let noun = type == .materializedView ? "materialized view" : type == .foreignTable ? "foreign table" : type.rawValue
            throw CatalogError(CatalogError.wrongObjectType, "\"\(key.name)\" is not a \(noun)", span: name.span)
        }
        switch kind {
        case .table, .foreignTable: try dropTable(key, cascade: cascade, span: name.span)
        case .view, .materializedView: try dropView(key, cascade: cascade, span: name.span)
        case .index: try dropIndex(key, span: name.span)
        case .sequence: try dropSequence(key, cascade: cascade, span: name.span)
        case .compositeType: return
        }
    }

    private func dependencyError(_ object: String, _ dependents: [String], span: SourceSpan?) -> CatalogError {
        CatalogError(
            CatalogError.dependentObjectsStillExist, "cannot drop \(object) because other objects depend on it", span: span,
            detail: dependents.joined(separator: "\n"))
    }

    /// Views that read `key` (any column), directly.
    func viewsDepending(on key: ObjectKey) -> [ObjectKey] {
        views.values.filter { $0.dependencies[key] != nil }.map(\.key).sorted()
    }

    mutating func dropTable(_ key: ObjectKey, cascade: Bool, span: SourceSpan?) throws(CatalogError) {
        guard let table = tables[key] else { return }
        if !dialect.restrictsDropOfReferencedObjects {
            // SQLite: views and other tables' foreign keys keep naming the table.
            for index in indexes.keys(on: key) { indexes[index] = nil }
            tables[key] = nil
            return
        }
        let dependentViews = viewsDepending(on: key)
        let foreignKeys = self.foreignKeys(referencing: key).filter { $0.table != key }.map { ($0.table, $0.constraint.name) }
        // The map keeps which tables inherit from here: no walk over every table.
        let children = tables.children(of: key)
        let heirs = children.filter { tables[$0]?.inherits.contains(key) ?? false }
        if !cascade && (!dependentViews.isEmpty || !foreignKeys.isEmpty || !heirs.isEmpty) {
            var details = dependentViews.map { "view \($0.name) depends on table \(key.name)" }
            details += foreignKeys.map { "constraint \($0.1) on table \($0.0.name) depends on table \(key.name)" }
            details += heirs.map { "table \($0.name) depends on table \(key.name)" }
            throw dependencyError("table \(key.name)", details, span: span)
        }
        for view in dependentViews { try dropView(view, cascade: true, span: span) }
        for (other, constraint) in foreignKeys { tables[other]?.constraints.removeAll { $0.name == constraint } }
        for heir in heirs { try dropTable(heir, cascade: true, span: span) }
        // Partitions go with their parent.
        for partition in children where tables[partition]?.partitionOf == key {
            try dropTable(partition, cascade: cascade, span: span)
        }
        for index in indexes.keys(on: key) { indexes[index] = nil }
        for (sequenceKey, sequence) in sequences where sequence.ownedBy?.table == key { sequences[sequenceKey] = nil }
        _ = table
        tables[key] = nil
    }

    mutating func dropView(_ key: ObjectKey, cascade: Bool, span: SourceSpan?) throws(CatalogError) {
        let dependents = dialect.restrictsDropOfReferencedObjects ? viewsDepending(on: key) : []
        if !dependents.isEmpty && !cascade {
            let noun = views[key]?.materialized == true ? "materialized view" : "view"
            throw dependencyError("\(noun) \(key.name)", dependents.map { "view \($0.name) depends on \(noun) \(key.name)" }, span: span)
        }
        for dependent in dependents { try dropView(dependent, cascade: true, span: span) }
        for index in indexes.keys(on: key) { indexes[index] = nil }
        views[key] = nil
    }

    mutating func dropIndex(_ key: ObjectKey, span: SourceSpan?) throws(CatalogError) {
        guard let index = indexes[key] else { return }
        if let constraint = index.constraint, tables[index.table]?.constraint(constraint) != nil {
            throw CatalogError(
                CatalogError.dependentObjectsStillExist,
                "cannot drop index \(key.name) because constraint \(constraint) on table \(index.table.name) requires it", span: span)
        }
        indexes[key] = nil
    }

    mutating func dropSequence(_ key: ObjectKey, cascade: Bool, span: SourceSpan?) throws(CatalogError) {
        var users: [(ObjectKey, Int)] = []
        for table in tables.values {
            for (i, column) in table.columns.enumerated() where column.defaultValue?.sequence == key {
                users.append((table.key, i))
            }
        }
        if !users.isEmpty && !cascade {
            let details = users.compactMap { (t, i) in
                tables[t].map { "default value for column \($0.columns[i].name) of table \(t.name) depends on sequence \(key.name)" }
            }
            throw dependencyError("sequence \(key.name)", details, span: span)
        }
        for (t, i) in users { tables[t]?.columns[i].defaultValue = nil }
        sequences[key] = nil
    }

    /// `ALTER TABLE ... DROP COLUMN`: indexes and constraints of the table that use
    /// the column go with it; views and other tables' foreign keys block it.
    mutating func dropColumn(_ name: String, of key: ObjectKey, cascade: Bool, span: SourceSpan?) throws(CatalogError) {
        guard let table = tables[key] else { return }
        if let parent = table.partitionOf ?? table.inherits.first, tables[parent]?.column(name) != nil {
            throw CatalogError(CatalogError.invalidTableDefinition, "cannot drop inherited column \"\(name)\"", span: span)
        }
        let dependentViews = views.values.filter { $0.dependencies[key]?.contains(name) == true }.map(\.key).sorted()
        // Constraints of this table that use the column, and foreign keys elsewhere that rely on them.
        let doomed = table.constraints.filter { $0.columns.contains(name) }
        let doomedUnique = Set(doomed.filter { $0.kind == .primaryKey || $0.kind == .unique }.map(\.columns))
        var foreignKeys: [(ObjectKey, String)] = []
        for (other, c) in self.foreignKeys(referencing: key) where other != key {
            if let fk = c.foreignKey, fk.columns.contains(name) || doomedUnique.contains(fk.columns) {
                foreignKeys.append((other, c.name))
            }
        }
        if !cascade && (!dependentViews.isEmpty || !foreignKeys.isEmpty) {
            var details = dependentViews.map { "view \($0.name) depends on column \(name) of table \(key.name)" }
            details += foreignKeys.map { "constraint \($0.1) on table \($0.0.name) depends on index of table \(key.name)" }
            throw dependencyError("column \(name) of table \(key.name)", details, span: span)
        }
        for view in dependentViews { try dropView(view, cascade: true, span: span) }
        for (other, constraint) in foreignKeys { tables[other]?.constraints.removeAll { $0.name == constraint } }
        let doomedNames = Set(doomed.map(\.name))
        tables[key]?.constraints.removeAll { doomedNames.contains($0.name) }
        for index in indexes.values(on: key) {
            let uses = index.keys.contains { $0.columns.contains(name) } || index.include.contains(name)
                || (index.predicate.map { mentions($0, name) } ?? false)
            if uses || (index.constraint.map(doomedNames.contains) ?? false) { indexes[index.key] = nil }
        }
        for (sequenceKey, sequence) in sequences where sequence.ownedBy == ColumnReference(table: key, column: name) {
            sequences[sequenceKey] = nil
        }
        tables[key]?.columns.removeAll { $0.name == name }
        for child in children(of: key) where tables[child]?.column(name) != nil {
            // Children drop the column too when they only have it through the parent.
            tables[child]?.columns.removeAll { $0.name == name }
            tables[child]?.constraints.removeAll { $0.columns.contains(name) }
        }
    }

    /// Whether SQL text mentions `name` as a word (for predicates kept as text).
    func mentions(_ sql: String, _ name: String) -> Bool {
        // ASCII text (nearly all of it) is read as bytes: there a letter or digit
        // is `A-Z`, `a-z` or `0-9`, and lower-casing is ASCII's.
        if let found = Self.asciiMentions(sql, name) { return found }
        let words = sql.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map { $0.lowercased() }
        return words.contains(name)
    }

    /// `mentions` for ASCII text and name; nil when either is not ASCII.
    private static func asciiMentions(_ sql: String, _ name: String) -> Bool? {
        let text = sql.utf8
        let wanted = Array(name.utf8)
        guard wanted.allSatisfy({ $0 < 0x80 }) else { return nil }
        var found = false
        var start: String.UTF8View.Index?
        func endWord(at end: String.UTF8View.Index) {
            guard let first = start else { return }
            start = nil
            guard !found, text.distance(from: first, to: end) == wanted.count else { return }
            found = zip(text[first..<end], wanted).allSatisfy { a, b in SQLTextScanner.folded(a) == b }
        }
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            guard byte < 0x80 else { return nil }
            let isWord = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
            if isWord {
                if start == nil { start = i }
            } else {
                endWord(at: i)
            }
            i = text.index(after: i)
        }
        endWord(at: text.endIndex)
        return found
    }

    mutating func dropConstraint(_ name: String, of key: ObjectKey, cascade: Bool, span: SourceSpan?) throws(CatalogError) {
        guard let constraint = tables[key]?.constraint(name) else { return }
        if constraint.kind == .primaryKey || constraint.kind == .unique {
            var dependents: [(ObjectKey, String)] = []
            for (other, c) in foreignKeys(referencing: key)
            where c.foreignKey.map({ Set($0.columns) == Set(constraint.columns) }) == true {
                // Another unique index on the same columns could serve; PostgreSQL picks one at creation.
                dependents.append((other, c.name))
            }
            if !dependents.isEmpty && !cascade {
                throw dependencyError(
                    "constraint \(name) on table \(key.name)",
                    dependents.map { "constraint \($0.1) on table \($0.0.name) depends on index \(constraint.index ?? name)" }, span: span)
            }
            for (other, c) in dependents { tables[other]?.constraints.removeAll { $0.name == c } }
        }
        if let index = constraint.index { indexes[ObjectKey(key.schema, index)] = nil }
        tables[key]?.constraints.removeAll { $0.name == name }
    }
}
