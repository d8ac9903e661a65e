import SQLSyntax

// CREATE [OR REPLACE] FUNCTION | PROCEDURE, and DROP / RENAME / SET SCHEMA of
// routines. A routine's identity is its name and input argument types
// (`pg_proc.proargtypes`, type modifiers dropped); functions and procedures
// share it.

extension Catalog {
    mutating func createFunction(_ s: CreateFunctionStatement, _ source: ReplaySource) throws(CatalogError) {
        let key = keyForNew(s.name)
        try checkSchemaExists(key.schema, span: s.name.span)
        var argumentTypes: [ColumnType] = []
        var argumentNames: [String] = []
        var outputs: [ColumnType] = []
        var seenNames: Set<String> = []
        for parameter in s.parameters {
            let type = try plainType(parameter.type).identity
            if let name = parameter.name?.value, !seenNames.insert(name).inserted {
                throw CatalogError(
                    ObjectReplayState.invalidFunctionDefinition, "parameter name \"\(name)\" used more than once",
                    span: parameter.span)
            }
            if parameter.mode == .out || parameter.mode == .inout { outputs.append(type) }
            guard parameter.isInput else { continue }
            argumentTypes.append(type)
            argumentNames.append(parameter.name?.value ?? "")
        }
        let returns = try functionResult(s, outputs: outputs)
        var language = s.language
        if language == nil, case .sqlStandard = s.body { language = "sql" }
        guard let language else {
            throw CatalogError(ObjectReplayState.invalidFunctionDefinition, "no language specified", span: s.span)
        }
        var function = Function(
            key: key, argumentTypes: argumentTypes, argumentNames: argumentNames, returns: returns,
            volatility: s.volatility.map { Volatility(rawValue: $0.rawValue) ?? .volatile } ?? .volatile,
            language: language, isProcedure: s.isProcedure)

        var overloads = functions[key] ?? []
        if let i = overloads.firstIndex(where: { $0.argumentTypes == argumentTypes }) {
            let existing = overloads[i]
            guard s.orReplace else {
                throw CatalogError(
                    CatalogError.duplicateFunction,
                    "function \"\(key.name)\" already exists with same argument types", span: s.name.span)
            }
            if existing.isProcedure != s.isProcedure {
                throw CatalogError(CatalogError.wrongObjectType, "cannot change routine kind", span: s.name.span)
            }
            if !s.isProcedure, existing.returns != returns {
                throw CatalogError(
                    ObjectReplayState.invalidFunctionDefinition, "cannot change return type of existing function",
                    span: s.span)
            }
            for (old, new) in zip(existing.argumentNames, argumentNames) where !old.isEmpty && old != new {
                throw CatalogError(
                    ObjectReplayState.invalidFunctionDefinition, "cannot change name of input parameter \"\(old)\"",
                    span: s.span)
            }
            function.extensionOwner = existing.extensionOwner
            overloads[i] = function
        } else {
            overloads.append(function)
        }
        functions[key] = overloads
    }

    /// The result as text: `integer`, `SETOF mood`, `TABLE(a integer, b text)`;
    /// from the OUT parameters when RETURNS is absent; nil for procedures.
    private func functionResult(_ s: CreateFunctionStatement, outputs: [ColumnType]) throws(CatalogError) -> String? {
        switch s.returns {
        case .type(let written):
            let type = try plainType(written)
            return (written.setOf ? "SETOF " : "") + type.sql
        case .table(let columns):
            var parts: [String] = []
            for column in columns {
                let type = try plainType(column.type)
                parts.append("\(SQLName.quoted(column.name?.value ?? "")) \(type.sql)")
            }
            return "TABLE(\(parts.joined(separator: ", ")))"
        case nil:
            if s.isProcedure { return nil }
            if outputs.count == 1, let only = outputs.first { return only.sql }
            if outputs.count > 1 { return "record" }
            throw CatalogError(
                ObjectReplayState.invalidFunctionDefinition, "function result type must be specified", span: s.span)
        }
    }

    // MARK: Looking routines up

    /// The overloads named `name`: in its schema, or along the search path (an
    /// earlier schema hides the same signature in a later one).
    func routineCandidates(_ name: QualifiedName) -> [Function] {
        let routine = SQLName.truncated(name.name)
        if let schema = name.qualifier {
            return functions[ObjectKey(SQLName.truncated(schema), routine)] ?? []
        }
        var found: [Function] = []
        for schema in implicitSchemas {
            for f in functions[ObjectKey(schema, routine)] ?? []
            where !found.contains(where: { $0.argumentTypes == f.argumentTypes }) {
                found.append(f)
            }
        }
        return found
    }

    /// The routine an `ObjectReference` names, as `LookupFuncWithArgs` finds it;
    /// nil when there is none (or an argument type does not exist and `ifExists`).
    func findRoutine(_ kind: SchemaObjectType, _ ref: ObjectReference, ifExists: Bool) throws(CatalogError) -> Function? {
        let word = Catalog.routineWord(kind)
        let candidates = routineCandidates(ref.name)
        guard let written = ref.arguments else {
            let matching = candidates.filter { kind == .routine || $0.isProcedure == (kind == .procedure) }
            if matching.count > 1 {
                throw CatalogError(
                    ObjectReplayState.ambiguousFunction, "\(word) name \"\(ref.name.dotted)\" is not unique",
                    span: ref.span)
            }
            return matching.first
        }
        var wanted: [ColumnType] = []
        for type in written {
            do {
                wanted.append(try resolveType(type).type.identity)
            } catch {
                if ifExists && error.sqlState == CatalogError.undefinedObject { return nil }
                throw error
            }
        }
        guard let match = candidates.first(where: { $0.argumentTypes == wanted }) else { return nil }
        if kind == .function && match.isProcedure {
            throw CatalogError(
                CatalogError.wrongObjectType, "\(Catalog.routineSignature(ref.name.dotted, wanted)) is not a function",
                span: ref.span)
        }
        if kind == .procedure && !match.isProcedure {
            throw CatalogError(
                CatalogError.wrongObjectType, "\(Catalog.routineSignature(ref.name.dotted, wanted)) is not a procedure",
                span: ref.span)
        }
        return match
    }

    /// The routine, or the error PostgreSQL gives when it is missing.
    private func existingRoutine(_ kind: SchemaObjectType, _ ref: ObjectReference) throws(CatalogError) -> Function {
        if let f = try findRoutine(kind, ref, ifExists: false) { return f }
        let word = Catalog.routineWord(kind)
        guard let written = ref.arguments else {
            throw CatalogError(
                CatalogError.undefinedFunction, "could not find a \(word) named \"\(ref.name.dotted)\"", span: ref.span)
        }
        var types: [ColumnType] = []
        for type in written { types.append(try resolveType(type).type.identity) }
        throw CatalogError(
            CatalogError.undefinedFunction, "\(word) \(Catalog.routineSignature(ref.name.dotted, types)) does not exist",
            span: ref.span)
    }

    static func routineWord(_ kind: SchemaObjectType) -> String {
        switch kind {
        case .procedure: return "procedure"
        case .routine: return "routine"
        default: return "function"
        }
    }

    static func routineSignature(_ name: String, _ types: [ColumnType]) -> String {
        "\(name)(\(types.map(\.sql).joined(separator: ", ")))"
    }

    // MARK: DROP, RENAME, SET SCHEMA

    /// `DROP FUNCTION | PROCEDURE | ROUTINE [IF EXISTS] name[(types)] [CASCADE | RESTRICT]`.
    mutating func dropFunction(
        _ kind: SchemaObjectType, _ ref: ObjectReference, ifExists: Bool, cascade: Bool
    ) throws(CatalogError) {
        let function: Function
        if ifExists {
            guard let found = try findRoutine(kind, ref, ifExists: true) else { return }
            function = found
        } else {
            function = try existingRoutine(kind, ref)
        }
        let noun = function.isProcedure ? "procedure" : "function"
        let description = "\(noun) \(Catalog.routineSignature(function.key.name, function.argumentTypes))"
        if let owner = function.extensionOwner {
            throw CatalogError(
                CatalogError.dependentObjectsStillExist,
                "cannot drop \(description) because extension \(owner) requires it", span: ref.span)
        }
        try dropCascading(
            .function(function.key, function.argumentTypes), cascade: cascade, description: description, span: ref.span)
    }

    /// `ALTER FUNCTION | PROCEDURE | ROUTINE name[(types)] RENAME TO new`.
    mutating func renameFunction(_ s: RenameStatement) throws(CatalogError) {
        let function = try existingRoutine(s.objectType, s.object)
        let newKey = ObjectKey(function.key.schema, SQLName.truncated(s.newName.value))
        try moveFunction(function, to: newKey, span: s.newName.span)
    }

    /// `ALTER FUNCTION | PROCEDURE | ROUTINE name[(types)] SET SCHEMA s`.
    mutating func setFunctionSchema(_ s: AlterObjectSchemaStatement) throws(CatalogError) {
        let function: Function
        if s.ifExists {
            guard let found = try findRoutine(s.objectType, s.object, ifExists: true) else { return }
            function = found
        } else {
            function = try existingRoutine(s.objectType, s.object)
        }
        let schema = SQLName.truncated(s.newSchema.value)
        try checkSchemaExists(schema, span: s.newSchema.span)
        guard schema != function.key.schema else { return }
        try moveFunction(function, to: ObjectKey(schema, function.key.name), span: s.newSchema.span)
    }

    /// Re-keys one overload, and carries the new name into triggers, views and
    /// the expressions that call it.
    mutating func moveFunction(_ function: Function, to newKey: ObjectKey, span: SourceSpan?) throws(CatalogError) {
        let oldKey = function.key
        if functions[newKey]?.contains(where: { $0.argumentTypes == function.argumentTypes }) ?? false {
            throw CatalogError(
                CatalogError.duplicateFunction,
                "function \(Catalog.routineSignature(newKey.name, function.argumentTypes)) "
                    + "already exists in schema \"\(newKey.schema)\"",
                span: span)
        }
        let wasUnique = (functions[oldKey]?.count ?? 0) == 1
        var moved = function
        moved.key = newKey
        remove(.function(oldKey, function.argumentTypes))
        functions[newKey, default: []].append(moved)
        let qualify = !implicitSchemas.contains(newKey.schema)
        let rewrite: (String) -> String = {
            SQLTextScanner.renamingFunctionCalls($0, oldKey, to: newKey, qualify: qualify)
        }
        // Only the tables and indexes that change are written back: the catalog
        // before keeps sharing the rest.
        for (key, table) in tables {
            var renamed = table
            for i in renamed.triggers.indices where renamed.triggers[i].function == oldKey && function.argumentTypes.isEmpty {
                renamed.triggers[i].function = newKey
            }
            if wasUnique {
                for i in table.columns.indices {
                    if let value = table.columns[i].defaultValue {
                        let sql = rewrite(value.sql)
                        if sql != value.sql { renamed.columns[i].defaultValue?.sql = sql }
                    }
                    if let generated = table.columns[i].generated {
                        let sql = rewrite(generated.sql)
                        if sql != generated.sql { renamed.columns[i].generated?.sql = sql }
                    }
                }
                for i in table.constraints.indices {
                    let expression = table.constraints[i].expression.map(rewrite)
                    if expression != table.constraints[i].expression { renamed.constraints[i].expression = expression }
                }
                for i in table.policies.indices {
                    let using = table.policies[i].using.map(rewrite)
                    let withCheck = table.policies[i].withCheck.map(rewrite)
                    if using != table.policies[i].using { renamed.policies[i].using = using }
                    if withCheck != table.policies[i].withCheck { renamed.policies[i].withCheck = withCheck }
                }
            }
            if renamed != table { tables[key] = renamed }
        }
        guard wasUnique else { return }
        for (key, index) in indexes.all {
            var renamed = index
            renamed.predicate = index.predicate.map(rewrite)
            renamed.keys = index.keys.map { part in
                if case .expression(let sql, let columns) = part { return .expression(rewrite(sql), columns: columns) }
                return part
            }
            if renamed != index { indexes[key] = renamed }
        }
        for (key, var view) in views where view.functionDependencies.contains(oldKey) {
            view.functionDependencies.remove(oldKey)
            view.functionDependencies.insert(newKey)
            view.query = rewrite(view.query)
            views[key] = view
        }
    }
}

extension ColumnType {
    /// The type as a routine's identity holds it: type modifiers are not part of it.
    var identity: ColumnType {
        var t = self
        t.modifiers = []
        t.intervalFields = nil
        return t
    }
}
