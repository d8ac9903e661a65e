import SQLParser
import SQLSyntax

// CREATE TYPE, ALTER TYPE, and DROP / RENAME / SET SCHEMA of types and domains.
// Domains' own statements are in Catalog+ApplyDomains.swift.

extension Catalog {
    /// `CREATE TYPE name AS ENUM | AS (...) | AS RANGE (...) | (...)`, or a shell type.
    mutating func createType(_ s: CreateTypeStatement, _ source: ReplaySource) throws(CatalogError) {
        let key = keyForNew(s.name)
        try checkSchemaExists(key.schema, span: s.name.span)
        switch s.definition {
        case .enumeration(let labels):
            try checkTypeNameFree(key, span: s.name.span)
            var seen: Set<String> = []
            for label in labels {
                try Catalog.checkEnumLabel(label, span: s.span)
                if !seen.insert(label).inserted {
                    throw CatalogError(
                        ObjectReplayState.uniqueViolation,
                        "duplicate key value violates unique constraint \"pg_enum_typid_label_index\"", span: s.span)
                }
            }
            types[key] = UserType(key: key, definition: .enumeration(labels))
        case .composite(let attributes):
            try checkTypeNameFree(key, span: s.name.span)
            try checkRelationNameFree(key, span: s.name.span)
            var resolved: [CompositeAttribute] = []
            for attribute in attributes {
                if resolved.contains(where: { $0.name == attribute.name.value }) {
                    throw CatalogError(
                        CatalogError.duplicateColumn, "column \"\(attribute.name.value)\" specified more than once",
                        span: attribute.name.span)
                }
                resolved.append(CompositeAttribute(name: attribute.name.value, type: try plainType(attribute.type)))
            }
            types[key] = UserType(key: key, definition: .composite(resolved))
        case .range(let options):
            try checkTypeNameFree(key, span: s.name.span)
            let subtype = try rangeSubtype(options, span: s.span)
            let multirange = ObjectKey(key.schema, Catalog.multirangeName(of: key.name, options: options))
            try checkTypeNameFree(multirange, span: s.name.span)
            types[key] = UserType(key: key, definition: .range(subtype: subtype))
        case .base:
            // Completing a shell type (`CREATE TYPE t;` then `CREATE TYPE t (INPUT = ...)`);
            // shells and base types are both `.base` in the model.
            if let existing = types[key], existing.definition == .base, existing.extensionOwner == nil {
                return
            }
            try checkTypeNameFree(key, span: s.name.span)
            types[key] = UserType(key: key, definition: .base)
        case .shell:
            try checkTypeNameFree(key, span: s.name.span)
            types[key] = UserType(key: key, definition: .base)
        }
    }

    static func checkEnumLabel(_ label: String, span: SourceSpan?) throws(CatalogError) {
        if label.utf8.count > SQLName.maximumLength {
            throw CatalogError(ObjectReplayState.invalidName, "invalid enum label \"\(label)\"", span: span)
        }
    }

    /// A written type that must not be `serial` (composite attributes, domains,
    /// function arguments): PostgreSQL only knows `serial` in CREATE/ALTER TABLE.
    func plainType(_ written: TypeName) throws(CatalogError) -> ColumnType {
        let type: ColumnType
        let serial: Bool
        do {
            (type, serial) = try resolveType(written)
        } catch {
            // The row type of a table or view (`resolveType` only knows `types`).
            guard error.sqlState == CatalogError.undefinedObject, !written.percentType,
                let relation = tableOrView(written.name)
            else { throw error }
            return ColumnType(schema: relation.schema, name: relation.name, isArray: !written.arrayBounds.isEmpty)
        }
        if serial {
            throw CatalogError(
                CatalogError.undefinedObject, "type \"\(written.name.name)\" does not exist", span: written.span)
        }
        return type
    }

    /// A type written as an option value (`SUBTYPE = float8`), read back with the parser.
    func typeFromOptionText(_ text: String, span: SourceSpan?) throws(CatalogError) -> ColumnType {
        let parsed = SQLParser(dialect: dialect).parse("SELECT NULL::" + text)
        guard parsed.statements.count == 1, let statement = parsed.statements[0].statement,
            case .select(let select) = statement.node, case .select(let core) = select.body,
            core.targets.count == 1, case .cast(_, var written) = core.targets[0].expr.kind
        else {
            throw CatalogError(CatalogError.syntaxError, "invalid type name \"\(text)\"", span: span)
        }
        written.span = span ?? written.span
        return try plainType(written)
    }

    private func rangeSubtype(_ options: [OptionItem], span: SourceSpan) throws(CatalogError) -> ColumnType {
        let known: Set<String> = [
            "subtype", "subtype_opclass", "collation", "canonical", "subtype_diff", "multirange_type_name",
        ]
        var seen: Set<String> = []
        var subtype: OptionItem?
        for option in options {
            guard known.contains(option.name) else {
                throw CatalogError(
                    CatalogError.syntaxError, "type attribute \"\(option.name)\" not recognized", span: option.span)
            }
            guard seen.insert(option.name).inserted else {
                throw CatalogError(CatalogError.syntaxError, "conflicting or redundant options", span: option.span)
            }
            if option.name == "subtype" { subtype = option }
        }
        guard let subtype, let text = subtype.value else {
            throw CatalogError(CatalogError.syntaxError, "type attribute \"subtype\" is required", span: span)
        }
        return try typeFromOptionText(text, span: subtype.span)
    }

    /// The multirange type PostgreSQL creates with a range: `floatrange` →
    /// `floatmultirange`, `period` → `period_multirange`.
    static func multirangeName(of range: String, options: [OptionItem] = []) -> String {
        if let given = options.first(where: { $0.name == "multirange_type_name" })?.value {
            return SQLName.truncated(given.split(separator: ".").last.map(String.init) ?? given)
        }
        if let r = SQLTextScanner.find("range", in: range) {
            return SQLName.truncated(range[..<r.lowerBound] + "multirange" + range[r.upperBound...])
        }
        return SQLName.truncated(range + "_multirange")
    }

    // MARK: ALTER TYPE

    /// `ALTER TYPE name ADD VALUE | RENAME VALUE | ADD/DROP/ALTER ATTRIBUTE | OWNER TO | SET (...)`.
    mutating func alterType(_ s: AlterTypeStatement, _ source: ReplaySource) throws(CatalogError) {
        switch s.action {
        case .addValue(let label, let ifNotExists, let position):
            let key = try existingEnum(s.name)
            guard var type = types[key], case .enumeration(var labels) = type.definition else { return }
            if labels.contains(label) {
                if ifNotExists { return }
                throw CatalogError(CatalogError.duplicateObject, "enum label \"\(label)\" already exists", span: s.span)
            }
            try Catalog.checkEnumLabel(label, span: s.span)
            switch position {
            case nil:
                labels.append(label)
            case .before(let neighbour), .after(let neighbour):
                guard let i = labels.firstIndex(of: neighbour) else {
                    throw CatalogError(
                        CatalogError.invalidParameterValue, "\"\(neighbour)\" is not an existing enum label",
                        span: s.span)
                }
                if case .after = position { labels.insert(label, at: i + 1) } else { labels.insert(label, at: i) }
            }
            type.definition = .enumeration(labels)
            types[key] = type
        case .renameValue(let from, let to):
            let key = try existingEnum(s.name)
            guard var type = types[key], case .enumeration(var labels) = type.definition else { return }
            guard let i = labels.firstIndex(of: from) else {
                throw CatalogError(
                    CatalogError.invalidParameterValue, "\"\(from)\" is not an existing enum label", span: s.span)
            }
            if labels.contains(to) {
                throw CatalogError(CatalogError.duplicateObject, "enum label \"\(to)\" already exists", span: s.span)
            }
            try Catalog.checkEnumLabel(to, span: s.span)
            labels[i] = to
            type.definition = .enumeration(labels)
            types[key] = type
            relabelDefaults(of: key, from: from, to: to)
        case .attributes(let actions):
            let key = try existingComposite(s.name)
            for action in actions { try alterAttribute(key, action) }
        case .owner, .setOptions:
            guard type(s.name) != nil else { throw missingType(s.name) }
        }
    }

    /// The server stores a default such as `'a'` on an enum column as the label's OID,
    /// so it follows RENAME VALUE; replay keeps the text, so the literal is rewritten:
    /// a default that is the label alone, with or without its cast (`'a'`, `'a'::t`).
    private mutating func relabelDefaults(of key: ObjectKey, from: String, to: String) {
        func literal(_ label: String) -> String {
            "'" + label.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        }
        let old = literal(from)
        for (tableKey, table) in tables {
            for (i, column) in table.columns.enumerated() {
                guard column.type.schema == key.schema, column.type.name == key.name, !column.type.isArray,
                    let sql = column.defaultValue?.sql, sql.hasPrefix(old),
                    sql.dropFirst(old.count).isEmpty || sql.dropFirst(old.count).hasPrefix("::")
                else { continue }
                tables[tableKey]?.columns[i].defaultValue?.sql = literal(to) + sql.dropFirst(old.count)
            }
        }
    }

    func missingType(_ name: QualifiedName) -> CatalogError {
        CatalogError(CatalogError.undefinedObject, "type \"\(name.dotted)\" does not exist", span: name.span)
    }

    /// The printed name of a user type, schema-qualified outside `public`.
    static func typeDisplayName(_ key: ObjectKey) -> String {
        ColumnType(schema: key.schema, name: key.name).sql
    }

    private func existingEnum(_ name: QualifiedName) throws(CatalogError) -> ObjectKey {
        guard let key = type(name), let type = types[key] else {
            if let builtin = ColumnType.builtinName(name.name), name.parts.count == 1 {
                throw CatalogError(
                    CatalogError.wrongObjectType, "\(ColumnType(name: builtin.name).sql) is not an enum", span: name.span)
            }
            throw missingType(name)
        }
        guard case .enumeration = type.definition else {
            throw CatalogError(
                CatalogError.wrongObjectType, "\(Catalog.typeDisplayName(key)) is not an enum", span: name.span)
        }
        return key
    }

    /// ALTER TYPE's attribute forms go through ALTER TABLE in PostgreSQL, hence the relation errors.
    private func existingComposite(_ name: QualifiedName) throws(CatalogError) -> ObjectKey {
        if let key = type(name), let type = types[key], case .composite = type.definition { return key }
        if tableOrView(name) != nil {
            throw CatalogError(CatalogError.wrongObjectType, "\"\(name.name)\" is not a composite type", span: name.span)
        }
        throw missingRelation(name)
    }

    private mutating func alterAttribute(_ key: ObjectKey, _ action: TypeAttributeAction) throws(CatalogError) {
        guard var type = types[key], case .composite(var attributes) = type.definition else { return }
        switch action {
        case .add(let attribute, _):
            if attributes.contains(where: { $0.name == attribute.name.value }) {
                throw CatalogError(
                    CatalogError.duplicateColumn,
                    "column \"\(attribute.name.value)\" of relation \"\(key.name)\" already exists",
                    span: attribute.name.span)
            }
            attributes.append(CompositeAttribute(name: attribute.name.value, type: try plainType(attribute.type)))
        case .drop(let name, let ifExists, _):
            guard let i = attributes.firstIndex(where: { $0.name == name.value }) else {
                if ifExists { return }
                throw CatalogError(
                    CatalogError.undefinedColumn,
                    "column \"\(name.value)\" of relation \"\(key.name)\" does not exist", span: name.span)
            }
            attributes.remove(at: i)
        case .alterType(let name, let written, _, _):
            guard let i = attributes.firstIndex(where: { $0.name == name.value }) else {
                throw CatalogError(
                    CatalogError.undefinedColumn,
                    "column \"\(name.value)\" of relation \"\(key.name)\" does not exist", span: name.span)
            }
            if let user = firstColumn(usingType: key) {
                throw CatalogError(
                    CatalogError.featureNotSupported,
                    "cannot alter type \"\(key.name)\" because column \"\(user.table.name).\(user.column)\" uses it",
                    span: name.span)
            }
            attributes[i].type = try plainType(written)
        }
        type.definition = .composite(attributes)
        types[key] = type
    }

    /// A table column whose type is `key`, if any.
    func firstColumn(usingType key: ObjectKey) -> ColumnReference? {
        Self.inKeyOrder(tables.all) { table in
            table.columns.first { $0.type.refers(to: key) }.map { [ColumnReference(table: table.key, column: $0.name)] } ?? []
        }.first
    }

    // MARK: DROP, RENAME, SET SCHEMA

    /// `DROP TYPE | DOMAIN [IF EXISTS] name [CASCADE | RESTRICT]` (DROP TYPE also drops domains).
    mutating func dropType(_ name: QualifiedName, domainOnly: Bool, ifExists: Bool, cascade: Bool) throws(CatalogError) {
        guard let key = type(name), let type = types[key] else {
            if !domainOnly, let relation = tableOrView(name) {
                let kind = relationKind(relation)?.rawValue ?? "table"
                throw CatalogError(
                    CatalogError.dependentObjectsStillExist,
                    "cannot drop type \(relation.name) because \(kind) \(relation.name) requires it", span: name.span)
            }
            if ifExists { return }
            throw missingType(name)
        }
        if domainOnly, case .domain = type.definition {
        } else if domainOnly {
            throw CatalogError(CatalogError.wrongObjectType, "\"\(name.name)\" is not a domain", span: name.span)
        }
        let display = Catalog.typeDisplayName(key)
        if let owner = type.extensionOwner {
            throw CatalogError(
                CatalogError.dependentObjectsStillExist,
                "cannot drop type \(display) because extension \(owner) requires it", span: name.span)
        }
        try dropCascading(.type(key), cascade: cascade, description: "type \(display)", span: name.span)
    }

    /// `ALTER TYPE | DOMAIN name RENAME TO new`: every column, attribute, domain
    /// and function using the type follows it.
    mutating func renameType(_ s: RenameStatement) throws(CatalogError) {
        let name = s.object.name
        guard let key = type(name), let type = types[key] else {
            if s.ifExists { return }
            if tableOrView(name) != nil {
                throw CatalogError(
                    CatalogError.wrongObjectType, "\(name.dotted) is a table's row type", span: name.span)
            }
            throw missingType(name)
        }
        if s.objectType == .domain, !type.isDomain {
            throw CatalogError(
                CatalogError.wrongObjectType, "\(Catalog.typeDisplayName(key)) is not a domain", span: name.span)
        }
        let newKey = ObjectKey(key.schema, SQLName.truncated(s.newName.value))
        try checkTypeNameFree(newKey, span: s.newName.span)
        if case .composite = type.definition { try checkRelationNameFree(newKey, span: s.newName.span) }
        moveType(key, to: newKey)
    }

    /// `ALTER TYPE | DOMAIN name SET SCHEMA s`.
    mutating func setTypeSchema(_ s: AlterObjectSchemaStatement) throws(CatalogError) {
        let name = s.object.name
        guard let key = type(name), let type = types[key] else {
            if s.ifExists { return }
            throw missingType(name)
        }
        if s.objectType == .domain, !type.isDomain {
            throw CatalogError(
                CatalogError.wrongObjectType, "\(Catalog.typeDisplayName(key)) is not a domain", span: name.span)
        }
        let schema = SQLName.truncated(s.newSchema.value)
        try checkSchemaExists(schema, span: s.newSchema.span)
        guard schema != key.schema else { return }
        let newKey = ObjectKey(schema, key.name)
        if typeNameTaken(newKey) || relationKind(newKey) != nil {
            throw CatalogError(
                CatalogError.duplicateObject, "type \"\(key.name)\" already exists in schema \"\(schema)\"",
                span: s.newSchema.span)
        }
        moveType(key, to: newKey)
    }

    /// Re-keys a type and every reference to it.
    mutating func moveType(_ key: ObjectKey, to newKey: ObjectKey) {
        guard var type = types.removeValue(forKey: key) else { return }
        type.key = newKey
        types[newKey] = type
        mapAllColumnTypes { $0.replacing(key, with: newKey) }
        for (fkey, overloads) in functions where overloads.contains(where: { $0.returns.map { TypeMentions.mentions($0, key) } ?? false }) {
            functions[fkey] = overloads.map { f in
                var f = f
                f.returns = f.returns.map { TypeMentions.rewrite($0) { $0 == key ? newKey : $0 } }
                return f
            }
        }
    }

    /// `ALTER TYPE t RENAME ATTRIBUTE a TO b`.
    mutating func renameAttribute(_ s: RenameStatement) throws(CatalogError) {
        guard let typeName = s.object.table else { return }
        let key = try existingComposite(typeName)
        guard var type = types[key], case .composite(var attributes) = type.definition else { return }
        let old = s.object.name.name
        let new = SQLName.truncated(s.newName.value)
        guard let i = attributes.firstIndex(where: { $0.name == old }) else {
            throw CatalogError(CatalogError.undefinedColumn, "column \"\(old)\" does not exist", span: s.object.span)
        }
        if attributes.contains(where: { $0.name == new }) {
            throw CatalogError(
                CatalogError.duplicateColumn, "column \"\(new)\" of relation \"\(key.name)\" already exists",
                span: s.newName.span)
        }
        attributes[i].name = new
        type.definition = .composite(attributes)
        types[key] = type
    }
}

extension UserType {
    var isDomain: Bool {
        if case .domain = definition { return true }
        return false
    }
}
