import SQLSyntax

// DROP with PostgreSQL's dependency rules (`pg_depend`): what a drop takes
// along on its own (indexes of a dropped table, sequences owned by a dropped
// column, the members of an extension) and what needs CASCADE (views, columns
// of another object's type, triggers calling a function, ...).

/// Anything a cascading drop can remove.
enum CatalogObject: Hashable {
    case schema(String)
    case table(ObjectKey)
    case view(ObjectKey)
    case sequence(ObjectKey)
    case index(ObjectKey)
    case type(ObjectKey)
    case function(ObjectKey, [ColumnType])
    case `extension`(String)
    case column(ObjectKey, String)
    case columnDefault(ObjectKey, String)
    case constraint(ObjectKey, String)
    case trigger(ObjectKey, String)
    case policy(ObjectKey, String)
    /// An attribute of a composite type.
    case attribute(ObjectKey, String)
}

extension Catalog {
    /// Drops `root` and everything that depends on it, or throws 2BP01 when
    /// something outside `root` depends on it and `cascade` is false.
    mutating func dropCascading(
        _ root: CatalogObject, cascade: Bool, description: String, span: SourceSpan?
    ) throws(CatalogError) {
        var order: [CatalogObject] = [root]
        var seen: Set<CatalogObject> = [root]
        var blockers: [String] = []
        var next = 0
        while next < order.count {
            let object = order[next]
            next += 1
            for (dependent, automatic) in dependents(of: object) where !seen.contains(dependent) {
                if !automatic { blockers.append("\(describe(dependent)) depends on \(describe(object))") }
                seen.insert(dependent)
                order.append(dependent)
            }
        }
        if !blockers.isEmpty && !cascade {
            throw CatalogError(
                CatalogError.dependentObjectsStillExist,
                "cannot drop \(description) because other objects depend on it", span: span,
                detail: blockers.joined(separator: "\n"))
        }
        for object in order { remove(object) }
    }

    /// How PostgreSQL's `getObjectDescription` names an object.
    func describe(_ object: CatalogObject) -> String {
        switch object {
        case .schema(let name): return "schema \(name)"
        case .table(let key): return "table \(key.name)"
        case .view(let key): return "\(views[key]?.materialized == true ? "materialized view" : "view") \(key.name)"
        case .sequence(let key): return "sequence \(key.name)"
        case .index(let key): return "index \(key.name)"
        case .type(let key): return "type \(Catalog.typeDisplayName(key))"
        case .function(let key, let arguments):
            let noun = functions[key]?.first { $0.argumentTypes == arguments }?.isProcedure == true ? "procedure" : "function"
            return "\(noun) \(Catalog.routineSignature(key.name, arguments))"
        case .extension(let name): return "extension \(name)"
        case .column(let key, let column): return "column \(column) of table \(key.name)"
        case .columnDefault(let key, let column): return "default value for column \(column) of table \(key.name)"
        case .constraint(let key, let name): return "constraint \(name) on table \(key.name)"
        case .trigger(let key, let name): return "trigger \(name) on table \(key.name)"
        case .policy(let key, let name): return "policy \(name) on table \(key.name)"
        case .attribute(let key, let name): return "column \(name) of composite type \(key.name)"
        }
    }

    /// Objects that depend on `object`, each with whether it goes along without
    /// CASCADE (PostgreSQL's automatic and internal dependencies).
    func dependents(of object: CatalogObject) -> [(CatalogObject, Bool)] {
        switch object {
        case .schema(let schema):
            return contents(ofSchema: schema).map { ($0, false) }
        case .table(let key):
            return dependents(ofRelation: key)
        case .view(let key):
            return dependents(ofRelation: key)
        case .sequence(let key):
            return dependents(ofSequence: key)
        case .type(let key):
            return dependents(ofType: key)
        case .function(let key, let arguments):
            return dependents(ofFunction: key, arguments: arguments)
        case .extension(let name):
            return dependents(ofExtension: name)
        case .column(let table, let column):
            return dependents(ofColumn: table, column)
        case .constraint(let table, let name):
            guard let index = tables[table]?.constraint(name)?.index else { return [] }
            return [(.index(ObjectKey(table.schema, index)), true)]
        case .index, .columnDefault, .trigger, .policy, .attribute:
            return []
        }
    }

    private func contents(ofSchema schema: String) -> [CatalogObject] {
        var out: [CatalogObject] = []
        out += tables.keys.filter { $0.schema == schema }.sorted().map { .table($0) }
        out += views.keys.filter { $0.schema == schema }.sorted().map { .view($0) }
        out += sequences.keys.filter { $0.schema == schema }.sorted().map { .sequence($0) }
        out += types.keys.filter { $0.schema == schema }.sorted().map { .type($0) }
        for key in functions.keys.filter({ $0.schema == schema }).sorted() {
            out += (functions[key] ?? []).map { .function(key, $0.argumentTypes) }
        }
        out += extensions.values.filter { $0.schema == schema }.map(\.name).sorted().map { .extension($0) }
        return out
    }

    /// What depends on a table or view: views reading it, foreign keys pointing
    /// at it, columns of its row type; its indexes and owned sequences go along.
    private func dependents(ofRelation key: ObjectKey) -> [(CatalogObject, Bool)] {
        var out: [(CatalogObject, Bool)] = []
        for view in views.values where view.dependencies[key] != nil && view.key != key {
            out.append((.view(view.key), false))
        }
        for index in indexes.keys(on: key).sorted() { out.append((.index(index), true)) }
        for seq in sequences.values where seq.ownedBy?.table == key { out.append((.sequence(seq.key), true)) }
        for child in tables.children(of: key) {
            guard let table = tables[child] else { continue }
            if table.partitionOf == key { out.append((.table(child), true)) }
            if table.inherits.contains(key) { out.append((.table(child), false)) }
        }
        for (other, constraint) in foreignKeys(referencing: key) where other != key {
            out.append((.constraint(other, constraint.name), false))
        }
        out += dependents(ofType: key)
        return out
    }

    private func dependents(ofSequence key: ObjectKey) -> [(CatalogObject, Bool)] {
        var out: [(CatalogObject, Bool)] = []
        for table in tables.values {
            for column in table.columns where column.defaultValue?.sequence == key {
                // A serial column's own sequence: dropping the sequence alone is refused
                // in PostgreSQL too (the default depends on it).
                out.append((.columnDefault(table.key, column.name), false))
            }
        }
        for view in views.values where view.dependencies[key] != nil { out.append((.view(view.key), false)) }
        return out
    }

    /// `body`'s findings for every object of `map`, in key order; only the objects
    /// with findings are sorted (sorting every table for each DROP was a tenth of
    /// a long history's replay).
    static func inKeyOrder<Value, Found>(_ map: ObjectMap<Value>, _ body: (Value) -> [Found]) -> [Found] {
        var found: [(key: ObjectKey, items: [Found])] = []
        for (key, value) in map {
            let items = body(value)
            if !items.isEmpty { found.append((key, items)) }
        }
        return found.sorted { $0.key < $1.key }.flatMap(\.items)
    }

    /// Columns, attributes, domains, ranges, functions and views that use a type.
    private func dependents(ofType key: ObjectKey) -> [(CatalogObject, Bool)] {
        var out: [(CatalogObject, Bool)] = []
        out += Self.inKeyOrder(tables.all) { table in
            table.columns.filter { $0.type.refers(to: key) }.map { (.column(table.key, $0.name), false) }
        }
        out += Self.inKeyOrder(types) { type -> [(CatalogObject, Bool)] in
            guard type.key != key else { return [] }
            switch type.definition {
            case .composite(let attributes):
                return attributes.filter { $0.type.refers(to: key) }.map { (.attribute(type.key, $0.name), false) }
            case .domain(let domain):
                return domain.baseType.refers(to: key) ? [(.type(type.key), false)] : []
            case .range(let subtype):
                return subtype.refers(to: key) ? [(.type(type.key), false)] : []
            case .enumeration, .base:
                return []
            }
        }
        for (fkey, overloads) in functions {
            for f in overloads
            where f.argumentTypes.contains(where: { $0.refers(to: key) })
                || (f.returns.map { TypeMentions.mentions($0, key) } ?? false)
            {
                out.append((.function(fkey, f.argumentTypes), false))
            }
        }
        for view in views.values where view.columns.contains(where: { $0.type?.refers(to: key) ?? false }) {
            out.append((.view(view.key), false))
        }
        return out
    }

    /// Triggers, views, defaults, constraints, indexes and policies that call a function.
    ///
    /// Expressions are kept as text, so calls are found by name; when the name has
    /// several overloads, only triggers (which call a function without arguments) count.
    private func dependents(ofFunction key: ObjectKey, arguments: [ColumnType]) -> [(CatalogObject, Bool)] {
        var out: [(CatalogObject, Bool)] = []
        let unique = (functions[key]?.count ?? 0) == 1
        let needle = SQLTextScanner.needle(key.name)
        out += Self.inKeyOrder(tables.all) { table in
            var out: [(CatalogObject, Bool)] = []
            for trigger in table.triggers where trigger.function == key && arguments.isEmpty {
                out.append((.trigger(table.key, trigger.name), false))
            }
            guard unique else { return out }
            for column in table.columns {
                if let sql = column.defaultValue?.sql, SQLTextScanner.callsFunction(sql, key, needle: needle) {
                    out.append((.columnDefault(table.key, column.name), false))
                }
                if let sql = column.generated?.sql, SQLTextScanner.callsFunction(sql, key, needle: needle) {
                    out.append((.column(table.key, column.name), false))
                }
            }
            for constraint in table.constraints {
                if let sql = constraint.expression, SQLTextScanner.callsFunction(sql, key, needle: needle) {
                    out.append((.constraint(table.key, constraint.name), false))
                }
            }
            for policy in table.policies {
                let texts = [policy.using, policy.withCheck].compactMap { $0 }
                if texts.contains(where: { SQLTextScanner.callsFunction($0, key, needle: needle) }) {
                    out.append((.policy(table.key, policy.name), false))
                }
            }
            return out
        }
        guard unique else { return out }
        out += Self.inKeyOrder(indexes.all) { index -> [(CatalogObject, Bool)] in
            var texts = index.keys.compactMap { part -> String? in
                if case .expression(let sql, _) = part { return sql }
                return nil
            }
            if let predicate = index.predicate { texts.append(predicate) }
            return texts.contains(where: { SQLTextScanner.callsFunction($0, key, needle: needle) }) ? [(.index(index.key), false)] : []
        }
        for view in views.values where view.functionDependencies.contains(key) {
            out.append((.view(view.key), false))
        }
        return out
    }

    /// An extension's member types and functions go with it; extensions that
    /// require it, and whatever uses its members, need CASCADE.
    private func dependents(ofExtension name: String) -> [(CatalogObject, Bool)] {
        var out: [(CatalogObject, Bool)] = []
        for type in types.values.sorted(by: { $0.key < $1.key }) where type.extensionOwner == name {
            out.append((.type(type.key), true))
        }
        for key in functions.keys.sorted() {
            for f in functions[key] ?? [] where f.extensionOwner == name {
                out.append((.function(key, f.argumentTypes), true))
            }
        }
        for other in extensions.values.sorted(by: { $0.name < $1.name })
        where KnownExtensions.contents(of: other.name)?.requires.contains(name) ?? false {
            out.append((.extension(other.name), false))
        }
        return out
    }

    /// What a column takes along: its indexes, constraints and owned sequences go
    /// with it; views and other tables' foreign keys need CASCADE.
    private func dependents(ofColumn key: ObjectKey, _ column: String) -> [(CatalogObject, Bool)] {
        var out: [(CatalogObject, Bool)] = []
        out += Self.inKeyOrder(views) { view -> [(CatalogObject, Bool)] in
            view.dependencies[key]?.contains(column) ?? false ? [(.view(view.key), false)] : []
        }
        for index in indexes.values(on: key).sorted(by: { $0.key < $1.key })
        where index.keys.contains(where: { $0.columns.contains(column) }) || index.include.contains(column) {
            out.append((.index(index.key), true))
        }
        out += Self.inKeyOrder(tables.all) { table in
            var out: [(CatalogObject, Bool)] = []
            for constraint in table.constraints {
                if table.key == key && constraint.columns.contains(column) {
                    out.append((.constraint(table.key, constraint.name), true))
                } else if let fk = constraint.foreignKey, fk.table == key, fk.columns.contains(column) {
                    out.append((.constraint(table.key, constraint.name), table.key == key))
                }
            }
            return out
        }
        for seq in sequences.values where seq.ownedBy == ColumnReference(table: key, column: column) {
            out.append((.sequence(seq.key), true))
        }
        return out
    }

    /// Removes one object; what depends on it is removed by `dropCascading`.
    mutating func remove(_ object: CatalogObject) {
        switch object {
        case .schema(let schema):
            schemas[schema] = nil
        case .table(let key):
            tables[key] = nil
            for index in indexes.keys(on: key) { indexes[index] = nil }
        case .view(let key):
            views[key] = nil
        case .sequence(let key):
            sequences[key] = nil
        case .index(let key):
            guard let index = indexes.removeValue(forKey: key) else { return }
            if var table = tables[index.table] {
                table.constraints.removeAll { $0.index == index.name && $0.kind != .foreignKey }
                tables[index.table] = table
            }
        case .type(let key):
            types[key] = nil
        case .function(let key, let arguments):
            guard var overloads = functions[key] else { return }
            overloads.removeAll { $0.argumentTypes == arguments }
            functions[key] = overloads.isEmpty ? nil : overloads
        case .extension(let name):
            extensions[name] = nil
        case .column(let key, let column):
            tables[key]?.columns.removeAll { $0.name == column }
        case .columnDefault(let key, let column):
            guard var table = tables[key], let i = table.columnIndex(column) else { return }
            table.columns[i].defaultValue = nil
            tables[key] = table
        case .constraint(let key, let name):
            guard var table = tables[key], let constraint = table.constraint(name) else { return }
            table.constraints.removeAll { $0.name == name }
            tables[key] = table
            if let index = constraint.index, constraint.kind != .foreignKey {
                indexes[ObjectKey(key.schema, index)] = nil
            }
        case .trigger(let key, let name):
            tables[key]?.triggers.removeAll { $0.name == name }
        case .policy(let key, let name):
            tables[key]?.policies.removeAll { $0.name == name }
        case .attribute(let key, let name):
            guard var type = types[key], case .composite(var attributes) = type.definition else { return }
            attributes.removeAll { $0.name == name }
            type.definition = .composite(attributes)
            types[key] = type
        }
    }
}
