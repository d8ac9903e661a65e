import SQLSyntax

// Triggers (PostgreSQL's `name ON table` ones and SQLite's schema-level ones) and
// row-level security policies, which live on their table.

extension Catalog {
    /// Trigger functions PostgreSQL ships in `pg_catalog`.
    static let builtinTriggerFunctions: Set<String> = [
        "tsvector_update_trigger", "tsvector_update_trigger_column", "suppress_redundant_updates_trigger",
    ]

    /// `CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name {BEFORE | AFTER | INSTEAD OF} events
    /// ON table ... EXECUTE FUNCTION f(args)`, or SQLite's `CREATE TRIGGER ... BEGIN ... END`.
    mutating func createTrigger(_ s: CreateTriggerStatement, _ source: ReplaySource) throws(CatalogError) {
        guard dialect.triggersNamedOnTable else {
            try createSchemaLevelTrigger(s)
            return
        }
        guard let key = tableOrView(s.table) else {
            if let other = resolve(s.table, exists: { relationKind($0) != nil }) {
                throw CatalogError(
                    CatalogError.wrongObjectType, "\"\(other.name)\" is not a table or view", span: s.table.span)
            }
            throw missingRelation(s.table)
        }
        let isView = views[key] != nil
        if isView && s.forEachRow && s.timing != .insteadOf {
            throw CatalogError(CatalogError.wrongObjectType, "\"\(key.name)\" is a view", span: s.table.span)
        }
        if !isView && s.timing == .insteadOf {
            throw CatalogError(CatalogError.wrongObjectType, "\"\(key.name)\" is a table", span: s.table.span)
        }
        if s.timing == .insteadOf && !s.forEachRow {
            throw CatalogError(
                CatalogError.featureNotSupported, "INSTEAD OF triggers must be FOR EACH ROW", span: s.span)
        }
        if s.forEachRow && s.events.contains(where: { $0.kind == .truncate }) {
            throw CatalogError(
                CatalogError.featureNotSupported, "TRUNCATE FOR EACH ROW triggers are not supported", span: s.span)
        }
        let columns = relationColumns(key)?.map(\.name) ?? []
        for event in s.events {
            for column in event.columns where !columns.contains(column.value) {
                throw CatalogError(
                    CatalogError.undefinedColumn, "column \"\(column.value)\" of relation \"\(key.name)\" does not exist",
                    span: column.span)
            }
        }
        let function = try triggerFunction(s)
        let name = identifierName(s.name.name)
        let trigger = Trigger(
            name: name, function: function, timing: Catalog.timingName(s.timing ?? .before),
            events: s.events.map { $0.kind.rawValue.uppercased() }, forEachRow: s.forEachRow)
        // Triggers on views are checked but not kept: `View` has no place for them.
        guard var table = tables[key] else { return }
        if let i = table.triggers.firstIndex(where: { $0.name == name }) {
            guard s.orReplace else {
                throw CatalogError(
                    CatalogError.duplicateObject, "trigger \"\(name)\" for relation \"\(key.name)\" already exists",
                    span: s.name.span)
            }
            table.triggers[i] = trigger
        } else {
            table.triggers.append(trigger)
        }
        tables[key] = table
    }

    static func timingName(_ timing: CreateTriggerStatement.Timing) -> String {
        switch timing {
        case .before: return "BEFORE"
        case .after: return "AFTER"
        case .insteadOf: return "INSTEAD OF"
        }
    }

    /// The function a trigger runs: one without arguments, returning `trigger`.
    private func triggerFunction(_ s: CreateTriggerStatement) throws(CatalogError) -> ObjectKey? {
        guard let name = s.function else { return nil }
        if let function = routineCandidates(name).first(where: { $0.argumentTypes.isEmpty }) {
            guard function.returns == "trigger" else {
                throw CatalogError(
                    CatalogError.invalidObjectDefinition, "function \(name.dotted) must return type trigger",
                    span: name.span)
            }
            return function.key
        }
        if Catalog.builtinTriggerFunctions.contains(name.name), name.qualifier == nil || name.qualifier == "pg_catalog" {
            return ObjectKey("pg_catalog", name.name)
        }
        // An extension this catalog does not know may have created it.
        if extensions.keys.contains(where: { KnownExtensions.contents(of: $0) == nil }) {
            return keyForNew(name)
        }
        throw CatalogError(CatalogError.undefinedFunction, "function \(name.dotted)() does not exist", span: name.span)
    }

    /// SQLite: trigger names are unique in the schema; the body runs inline.
    private mutating func createSchemaLevelTrigger(_ s: CreateTriggerStatement) throws(CatalogError) {
        guard let key = tableOrView(s.table) else {
            throw CatalogError(
                CatalogError.undefinedTable, "no such table: \(s.table.qualifier ?? creationSchema).\(s.table.name)",
                span: s.table.span)
        }
        let name = s.name.name
        if tables.values.contains(where: { $0.key.schema == key.schema && $0.triggers.contains { $0.name == name } }) {
            if s.ifNotExists { return }
            throw CatalogError(CatalogError.duplicateObject, "trigger \(name) already exists", span: s.name.span)
        }
        try checkNameNotReserved(name, span: s.name.span)
        let trigger = Trigger(
            name: name, function: nil, timing: Catalog.timingName(s.timing ?? .before),
            events: s.events.map { $0.kind.rawValue.uppercased() }, forEachRow: true)
        tables[key]?.triggers.append(trigger)
    }

    /// `DROP TRIGGER [IF EXISTS] name ON table` (SQLite: `DROP TRIGGER [IF EXISTS] name`).
    mutating func dropTrigger(_ object: ObjectReference, ifExists: Bool) throws(CatalogError) {
        let name = identifierName(object.name.name)
        guard let tableName = object.table else {
            for (key, table) in tables where table.triggers.contains(where: { $0.name == name }) {
                tables[key]?.triggers.removeAll { $0.name == name }
                return
            }
            if ifExists { return }
            throw CatalogError(CatalogError.undefinedObject, "no such trigger: \(object.name.dotted)", span: object.span)
        }
        guard let key = tableOrView(tableName) else {
            if ifExists { return }
            throw missingRelation(tableName)
        }
        guard var table = tables[key] else { return }
        guard let i = table.triggers.firstIndex(where: { $0.name == name }) else {
            if ifExists { return }
            throw CatalogError(
                CatalogError.undefinedObject, "trigger \"\(name)\" for table \"\(key.name)\" does not exist",
                span: object.span)
        }
        table.triggers.remove(at: i)
        tables[key] = table
    }

    /// `ALTER TRIGGER name ON table RENAME TO new`.
    mutating func renameTrigger(_ s: RenameStatement) throws(CatalogError) {
        guard let tableName = s.object.table else { return }
        guard let key = tableOrView(tableName) else { throw missingRelation(tableName) }
        guard var table = tables[key] else { return }
        let old = identifierName(s.object.name.name)
        let new = identifierName(s.newName.value)
        guard let i = table.triggers.firstIndex(where: { $0.name == old }) else {
            throw CatalogError(
                CatalogError.undefinedObject, "trigger \"\(old)\" for table \"\(key.name)\" does not exist",
                span: s.object.span)
        }
        if table.triggers.contains(where: { $0.name == new }) {
            throw CatalogError(
                CatalogError.duplicateObject, "trigger \"\(new)\" for relation \"\(key.name)\" already exists",
                span: s.newName.span)
        }
        table.triggers[i].name = new
        tables[key] = table
    }

    // MARK: Policies

    /// `CREATE POLICY` and `ALTER POLICY ... [TO roles] [USING (...)] [WITH CHECK (...)]`.
    mutating func createPolicy(_ s: CreatePolicyStatement, _ source: ReplaySource) throws(CatalogError) {
        let key = try policyTable(s.table)
        guard var table = tables[key] else { return }
        let name = identifierName(s.name.value)
        let existing = table.policies.firstIndex { $0.name == name }
        var policy: Policy
        if s.isAlter {
            guard let i = existing else { throw missingPolicy(name, key, span: s.name.span) }
            policy = table.policies[i]
            if !s.roles.isEmpty { policy.roles = s.roles.map(Catalog.roleName) }
            if let using = s.using { policy.using = source.text(using) }
            if let check = s.withCheck { policy.withCheck = source.text(check) }
        } else {
            if existing != nil {
                throw CatalogError(
                    CatalogError.duplicateObject, "policy \"\(name)\" for table \"\(key.name)\" already exists",
                    span: s.name.span)
            }
            policy = Policy(
                name: name, command: (s.command ?? .all).rawValue, permissive: s.permissive,
                roles: s.roles.isEmpty ? ["public"] : s.roles.map(Catalog.roleName), using: s.using.map(source.text),
                withCheck: s.withCheck.map(source.text))
        }
        if policy.withCheck != nil && (policy.command == "select" || policy.command == "delete") {
            throw CatalogError(
                CatalogError.syntaxError, "WITH CHECK cannot be applied to SELECT or DELETE", span: s.span)
        }
        if policy.using != nil && policy.command == "insert" {
            throw CatalogError(CatalogError.syntaxError, "only WITH CHECK expression allowed for INSERT", span: s.span)
        }
        if let i = existing { table.policies[i] = policy } else { table.policies.append(policy) }
        tables[key] = table
    }

    /// The table a policy is on: it must be a table, not a view.
    private func policyTable(_ name: QualifiedName) throws(CatalogError) -> ObjectKey {
        guard let key = resolve(name, exists: { relationKind($0) != nil }) else { throw missingRelation(name) }
        guard tables[key] != nil else {
            throw CatalogError(CatalogError.wrongObjectType, "\"\(key.name)\" is not a table", span: name.span)
        }
        return key
    }

    private func missingPolicy(_ name: String, _ key: ObjectKey, span: SourceSpan?) -> CatalogError {
        CatalogError(
            CatalogError.undefinedObject, "policy \"\(name)\" for table \"\(key.name)\" does not exist", span: span)
    }

    /// `DROP POLICY [IF EXISTS] name ON table`.
    mutating func dropPolicy(_ object: ObjectReference, ifExists: Bool) throws(CatalogError) {
        guard let tableName = object.table else { return }
        let key: ObjectKey
        do {
            key = try policyTable(tableName)
        } catch {
            if ifExists && error.sqlState == CatalogError.undefinedTable { return }
            throw error
        }
        guard var table = tables[key] else { return }
        let name = identifierName(object.name.name)
        guard let i = table.policies.firstIndex(where: { $0.name == name }) else {
            if ifExists { return }
            throw missingPolicy(name, key, span: object.span)
        }
        table.policies.remove(at: i)
        tables[key] = table
    }

    /// `ALTER POLICY name ON table RENAME TO new`.
    mutating func renamePolicy(_ s: RenameStatement) throws(CatalogError) {
        guard let tableName = s.object.table else { return }
        let key = try policyTable(tableName)
        guard var table = tables[key] else { return }
        let old = identifierName(s.object.name.name)
        let new = identifierName(s.newName.value)
        guard let i = table.policies.firstIndex(where: { $0.name == old }) else {
            throw missingPolicy(old, key, span: s.object.span)
        }
        if table.policies.contains(where: { $0.name == new }) {
            throw CatalogError(
                CatalogError.duplicateObject, "policy \"\(new)\" for table \"\(key.name)\" already exists",
                span: s.newName.span)
        }
        table.policies[i].name = new
        tables[key] = table
    }
}
