import SQLSyntax

// Replay of schema objects other than tables: the entry points the dispatcher
// calls for DROP / RENAME / SET SCHEMA of non-relations, schemas, and SET.
// Each family lives in its own file: Catalog+ApplyViews.swift, +ApplySequences,
// +ApplyTypes, +ApplyDomains, +ApplyFunctions, +ApplyTriggers, +ApplyExtensions;
// cascading drops are in Catalog+ApplyDependencies.swift.

/// SQLSTATEs replay of objects needs beyond the ones `CatalogError` names.
enum ObjectReplayState {
    static let uniqueViolation = "23505"
    static let objectNotInPrerequisiteState = "55000"
    static let invalidSchemaDefinition = "42P15"
    static let reservedName = "42939"
    static let invalidFunctionDefinition = "42P13"
    static let ambiguousFunction = "42725"
    static let invalidName = "42602"
}

extension Catalog {
    // MARK: Schemas

    /// Schemas every PostgreSQL database has that the catalog does not list.
    static let systemSchemas: Set<String> = ["pg_catalog", "information_schema", "pg_toast"]

    /// `CREATE SCHEMA [IF NOT EXISTS] [name] [AUTHORIZATION role] [elements]`.
    ///
    /// Elements run in the order PostgreSQL 15's `transformCreateSchemaStmt` gives
    /// them (sequences, tables, views, indexes, triggers, grants), with the new
    /// schema first on the search path, as `CreateSchemaCommand` does.
    mutating func createSchema(_ s: CreateSchemaStatement, _ source: ReplaySource) throws(CatalogError) {
        // `AUTHORIZATION CURRENT_USER` without a name: the role's name is unknown here.
        guard let written = s.effectiveName else { return }
        let name = SQLName.truncated(written)
        let span = s.name?.span ?? s.span
        if name.hasPrefix("pg_") {
            throw CatalogError(
                ObjectReplayState.reservedName, "unacceptable schema name \"\(name)\"", span: span)
        }
        if s.ifNotExists && !s.elements.isEmpty {
            throw CatalogError(
                CatalogError.featureNotSupported, "CREATE SCHEMA IF NOT EXISTS cannot include schema elements",
                span: s.span)
        }
        if schemas[name] != nil || Catalog.systemSchemas.contains(name) {
            if s.ifNotExists { return }
            throw CatalogError(CatalogError.duplicateSchema, "schema \"\(name)\" already exists", span: span)
        }
        schemas[name] = SchemaInfo(name: name, owner: s.authorization.map(Catalog.roleName))
        guard !s.elements.isEmpty else { return }

        var ordered: [[Statement]] = Array(repeating: [], count: 7)
        for element in s.elements {
            let (rank, target) = Catalog.schemaElementOrder(element.node)
            if let qualifier = target?.qualifier, SQLName.truncated(qualifier) != name {
                throw CatalogError(
                    ObjectReplayState.invalidSchemaDefinition,
                    "CREATE specifies a schema (\(qualifier)) different from the one being created (\(name))",
                    span: target?.span)
            }
            ordered[rank].append(element)
        }
        let savedPath = searchPath
        searchPath = [name] + searchPath
        defer { searchPath = savedPath }
        for element in ordered.joined() {
            try applyInPlace(element.node, source, span: element.span)
        }
    }

    /// Where a schema element runs (PostgreSQL 15 order) and the name whose schema it sets.
    private static func schemaElementOrder(_ node: StatementNode) -> (Int, QualifiedName?) {
        switch node {
        case .createSequence(let s): return (0, s.name)
        case .createTable(let s): return (1, s.name)
        case .createTableAs(let s): return (1, s.name)
        case .createView(let s): return (2, s.name)
        case .createIndex(let s): return (3, s.table)
        case .createTrigger(let s): return (4, s.table)
        case .grant: return (5, nil)
        default: return (6, nil)
        }
    }

    static func roleName(_ role: RoleSpec) -> String {
        switch role {
        case .name(let id): return id.value
        case .currentUser: return "current_user"
        case .currentRole: return "current_role"
        case .sessionUser: return "session_user"
        case .public: return "public"
        }
    }

    /// `DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]`.
    mutating func dropSchema(_ name: QualifiedName, ifExists: Bool, cascade: Bool) throws(CatalogError) {
        let schema = SQLName.truncated(name.name)
        if schema == "pg_catalog" || schema == "pg_toast" {
            throw CatalogError(
                CatalogError.dependentObjectsStillExist,
                "cannot drop schema \(schema) because it is required by the database system", span: name.span)
        }
        guard schemas[schema] != nil else {
            if ifExists { return }
            throw CatalogError(CatalogError.undefinedSchema, "schema \"\(schema)\" does not exist", span: name.span)
        }
        try dropCascading(.schema(schema), cascade: cascade, description: "schema \(schema)", span: name.span)
    }

    /// `ALTER SCHEMA name RENAME TO new`: everything in it moves along.
    mutating func renameSchema(_ s: RenameStatement) throws(CatalogError) {
        let old = SQLName.truncated(s.object.name.name)
        let new = SQLName.truncated(s.newName.value)
        guard schemas[old] != nil else {
            throw CatalogError(CatalogError.undefinedSchema, "schema \"\(old)\" does not exist", span: s.object.span)
        }
        if schemas[new] != nil || Catalog.systemSchemas.contains(new) {
            throw CatalogError(CatalogError.duplicateSchema, "schema \"\(new)\" already exists", span: s.newName.span)
        }
        if new.hasPrefix("pg_") {
            throw CatalogError(
                ObjectReplayState.reservedName, "unacceptable schema name \"\(new)\"", span: s.newName.span)
        }
        rekey { key in key.schema == old ? ObjectKey(new, key.name) : key }
        if var info = schemas.removeValue(forKey: old) {
            info.name = new
            schemas[new] = info
        }
        for (name, var ext) in extensions where ext.schema == old {
            ext.schema = new
            extensions[name] = ext
        }
    }

    // MARK: SET

    /// `SET search_path ...` and `RESET search_path` change where names resolve;
    /// other settings do not change the schema.
    ///
    /// `SET LOCAL` is treated like `SET` (the end of the transaction is not tracked).
    mutating func setVariable(_ s: SetVariableStatement, _ source: ReplaySource) throws(CatalogError) {
        guard s.name == "search_path" || (s.name == "all" && s.action == .reset) else { return }
        let home = dialect.kind == .sqlite ? "main" : "public"
        switch s.action {
        case .set:
            // Each value is one schema name, kept as written (PostgreSQL quotes list
            // items, so `'a, b'` is one schema named "a, b"). `$user` names the
            // current role's schema, which is not modelled.
            searchPath = s.values.filter { $0 != "$user" }.map(SQLName.truncated)
        case .setDefault, .reset:
            searchPath = [home]
        case .setFromCurrent, .show, .setConstraints:
            return
        }
    }

    // MARK: DROP, RENAME and SET SCHEMA of non-relations

    /// DROP of a non-relation object: type, domain, schema, extension, function,
    /// procedure, trigger, policy (one object; `behavior` is CASCADE/RESTRICT).
    mutating func dropObject(_ type: SchemaObjectType, _ object: ObjectReference, ifExists: Bool, cascade: Bool, _ source: ReplaySource) throws(CatalogError) {
        switch type {
        case .type, .domain:
            try dropType(object.name, domainOnly: type == .domain, ifExists: ifExists, cascade: cascade)
        case .schema:
            try dropSchema(object.name, ifExists: ifExists, cascade: cascade)
        case .extension:
            try dropExtension(object.name, ifExists: ifExists, cascade: cascade)
        case .function, .procedure, .routine:
            try dropFunction(type, object, ifExists: ifExists, cascade: cascade)
        case .trigger:
            try dropTrigger(object, ifExists: ifExists)
        case .policy:
            try dropPolicy(object, ifExists: ifExists)
        default:
            // Aggregates, rules, collations, operators, text search objects... are not modelled.
            return
        }
    }

    /// RENAME of a non-relation object (type, domain, schema, function, trigger, policy, enum value...).
    mutating func renameObject(_ s: RenameStatement, _ source: ReplaySource) throws(CatalogError) {
        switch s.objectType {
        case .type, .domain:
            try renameType(s)
        case .attribute:
            try renameAttribute(s)
        case .domainConstraint:
            try renameDomainConstraint(s)
        case .schema:
            try renameSchema(s)
        case .function, .procedure, .routine:
            try renameFunction(s)
        case .trigger:
            try renameTrigger(s)
        case .policy:
            try renamePolicy(s)
        default:
            return
        }
    }

    /// SET SCHEMA of a non-relation object.
    mutating func setObjectSchema(_ s: AlterObjectSchemaStatement, _ source: ReplaySource) throws(CatalogError) {
        switch s.objectType {
        case .type, .domain:
            try setTypeSchema(s)
        case .function, .procedure, .routine:
            try setFunctionSchema(s)
        case .extension:
            try setExtensionSchema(s)
        default:
            return
        }
    }

    // MARK: Shared helpers

    /// Whether a new type named `key` would collide: with another type, or with
    /// the row type of a table, view or materialized view (they share `pg_type`).
    /// Range types also take the name of their multirange type.
    func typeNameTaken(_ key: ObjectKey) -> Bool {
        if types[key] != nil || tables[key] != nil || views[key] != nil { return true }
        return types.values.contains { type in
            guard type.key.schema == key.schema, case .range = type.definition else { return false }
            return Catalog.multirangeName(of: type.key.name) == key.name
        }
    }

    func checkTypeNameFree(_ key: ObjectKey, span: SourceSpan?) throws(CatalogError) {
        if typeNameTaken(key) {
            throw CatalogError(CatalogError.duplicateObject, "type \"\(key.name)\" already exists", span: span)
        }
    }

    /// The key of an existing table (of any kind) or view named `name`.
    func tableOrView(_ name: QualifiedName) -> ObjectKey? {
        resolve(name) { tables[$0] != nil || views[$0] != nil }
    }

    /// Replaces every object key in the catalog (and every reference to one) by
    /// `transform(key)`: used when a schema is renamed.
    mutating func rekey(_ transform: @escaping (ObjectKey) -> ObjectKey) {
        let mapType: (ColumnType) -> ColumnType = { type in
            guard let schema = type.schema else { return type }
            var t = type
            t.schema = transform(ObjectKey(schema, type.name)).schema
            return t
        }
        var newTables = TableMap()
        for (key, var table) in tables {
            table.key = transform(key)
            table.partitionOf = table.partitionOf.map(transform)
            table.inherits = table.inherits.map(transform)
            for i in table.columns.indices {
                table.columns[i].type = mapType(table.columns[i].type)
                if let seq = table.columns[i].defaultValue?.sequence {
                    table.columns[i].defaultValue?.sequence = transform(seq)
                }
            }
            for i in table.constraints.indices {
                if let fk = table.constraints[i].foreignKey { table.constraints[i].foreignKey?.table = transform(fk.table) }
            }
            for i in table.triggers.indices {
                table.triggers[i].function = table.triggers[i].function.map(transform)
            }
            newTables[table.key] = table
        }
        tables = newTables
        var newViews: ObjectMap<View> = [:]
        for (key, var view) in views {
            view.key = transform(key)
            var deps: [ObjectKey: Set<String>] = [:]
            for (dep, columns) in view.dependencies { deps[transform(dep), default: []].formUnion(columns) }
            view.dependencies = deps
            view.functionDependencies = Set(view.functionDependencies.map(transform))
            for i in view.columns.indices { view.columns[i].type = view.columns[i].type.map(mapType) }
            newViews[view.key] = view
        }
        views = newViews
        var newSequences: ObjectMap<Sequence> = [:]
        for (key, var seq) in sequences {
            seq.key = transform(key)
            if let owner = seq.ownedBy { seq.ownedBy = ColumnReference(table: transform(owner.table), column: owner.column) }
            newSequences[seq.key] = seq
        }
        sequences = newSequences
        var newIndexes = IndexMap()
        for (key, var index) in indexes {
            index.key = transform(key)
            index.table = transform(index.table)
            newIndexes[index.key] = index
        }
        indexes = newIndexes
        let userTypes = Set(types.keys)
        var newTypes: ObjectMap<UserType> = [:]
        for (key, var type) in types {
            type.key = transform(key)
            type.definition = type.definition.mappingTypes(mapType)
            newTypes[type.key] = type
        }
        types = newTypes
        let retype: (ObjectKey) -> ObjectKey = { userTypes.contains($0) ? transform($0) : $0 }
        var newFunctions: ObjectMap<[Function]> = [:]
        for (key, overloads) in functions {
            let newKey = transform(key)
            newFunctions[newKey, default: []] += overloads.map { f in
                var f = f
                f.key = newKey
                f.argumentTypes = f.argumentTypes.map(mapType)
                f.returns = f.returns.map { TypeMentions.rewrite($0, retype) }
                return f
            }
        }
        functions = newFunctions
    }

    /// Applies `transform` to every column type stored anywhere in the catalog.
    /// Only the objects it changes are written back: the catalog before keeps
    /// sharing the rest (a type rename touches a few columns of a few tables).
    mutating func mapAllColumnTypes(_ transform: (ColumnType) -> ColumnType) {
        for (key, table) in tables {
            let changes = table.columns.indices.compactMap { i -> (Int, ColumnType)? in
                let type = transform(table.columns[i].type)
                return type == table.columns[i].type ? nil : (i, type)
            }
            guard !changes.isEmpty else { continue }
            var table = table
            for (i, type) in changes { table.columns[i].type = type }
            tables[key] = table
        }
        for (key, view) in views {
            let changes = view.columns.indices.compactMap { i -> (Int, ColumnType)? in
                guard let old = view.columns[i].type else { return nil }
                let type = transform(old)
                return type == old ? nil : (i, type)
            }
            guard !changes.isEmpty else { continue }
            var view = view
            for (i, type) in changes { view.columns[i].type = type }
            views[key] = view
        }
        for (key, var type) in types {
            let definition = type.definition.mappingTypes(transform)
            guard definition != type.definition else { continue }
            type.definition = definition
            types[key] = type
        }
        for (key, overloads) in functions {
            let mapped = overloads.map { f in
                var f = f
                f.argumentTypes = f.argumentTypes.map(transform)
                return f
            }
            if mapped != overloads { functions[key] = mapped }
        }
    }
}

extension UserType.Definition {
    /// The same definition with every column type it holds passed through `transform`.
    func mappingTypes(_ transform: (ColumnType) -> ColumnType) -> UserType.Definition {
        switch self {
        case .composite(let attributes):
            return .composite(attributes.map { CompositeAttribute(name: $0.name, type: transform($0.type)) })
        case .domain(var domain):
            domain.baseType = transform(domain.baseType)
            return .domain(domain)
        case .range(let subtype):
            return .range(subtype: transform(subtype))
        case .enumeration, .base:
            return self
        }
    }
}

extension ColumnType {
    /// Whether this type (or its element type) is the user type `key`.
    func refers(to key: ObjectKey) -> Bool {
        schema == key.schema && name == key.name
    }

    /// The type with a user type `from` replaced by `to` (array-ness and modifiers kept).
    func replacing(_ from: ObjectKey, with to: ObjectKey) -> ColumnType {
        guard refers(to: from) else { return self }
        var t = self
        t.schema = to.schema
        t.name = to.name
        return t
    }
}
