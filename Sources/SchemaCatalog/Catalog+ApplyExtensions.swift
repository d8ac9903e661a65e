import SQLSyntax

// CREATE EXTENSION, DROP EXTENSION and ALTER EXTENSION ... SET SCHEMA. What each
// extension creates is listed in Extensions.swift.

extension Catalog {
    /// `CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]`.
    ///
    /// The version is recorded, not checked; an extension missing from
    /// `KnownExtensions` is recorded and creates nothing.
    mutating func createExtension(_ s: CreateExtensionStatement, _ source: ReplaySource) throws(CatalogError) {
        let name = SQLName.truncated(s.name.value)
        if extensions[name] != nil || KnownExtensions.preinstalled.contains(name) {
            if s.ifNotExists { return }
            throw CatalogError(CatalogError.duplicateObject, "extension \"\(name)\" already exists", span: s.name.span)
        }
        let schema = s.schema.map { SQLName.truncated($0.value) } ?? creationSchema
        try checkSchemaExists(schema, span: s.schema?.span ?? s.name.span)
        try installExtension(name, schema: schema, version: s.version, cascade: s.cascade, span: s.name.span)
    }

    private mutating func installExtension(
        _ name: String, schema: String, version: String?, cascade: Bool, span: SourceSpan
    ) throws(CatalogError) {
        let contents = KnownExtensions.contents(of: name) ?? ExtensionContents()
        for required in contents.requires
        where extensions[required] == nil && !KnownExtensions.preinstalled.contains(required) {
            guard cascade else {
                throw CatalogError(
                    CatalogError.undefinedObject, "required extension \"\(required)\" is not installed", span: span)
            }
            try installExtension(required, schema: schema, version: nil, cascade: true, span: span)
        }
        extensions[name] = Extension(name: name, schema: schema, version: version)
        for typeName in contents.types {
            let key = ObjectKey(schema, typeName)
            try checkTypeNameFree(key, span: span)
            types[key] = UserType(key: key, definition: .base, extensionOwner: name)
        }
        let owners = [name] + contents.requires
        for entry in contents.functions {
            guard let spec = ExtensionFunctionSpec(entry) else { continue }
            let key = ObjectKey(schema, spec.name)
            let arguments = spec.arguments.map { extensionType($0, schema: schema, owners: owners) }
            if functions[key]?.contains(where: { $0.argumentTypes == arguments }) ?? false {
                throw CatalogError(
                    CatalogError.duplicateFunction, "function \"\(spec.name)\" already exists with same argument types",
                    span: span)
            }
            var function = Function(
                key: key, argumentTypes: arguments, returns: extensionType(spec.returns, schema: schema, owners: owners).sql,
                volatility: spec.volatility, language: "c")
            function.extensionOwner = name
            functions[key, default: []].append(function)
        }
    }

    /// A type as `Extensions.swift` spells it: built in, or created by the
    /// extension (or one it requires).
    private func extensionType(_ spelled: String, schema: String, owners: [String]) -> ColumnType {
        var name = spelled
        var isArray = false
        if name.hasSuffix("[]") {
            name.removeLast(2)
            isArray = true
        }
        var type: ColumnType
        if name == "double precision" {
            type = ColumnType(name: "float8")
        } else if let builtin = ColumnType.builtinName(name) {
            type = ColumnType(name: builtin.name)
        } else {
            let owned = types.values.filter { $0.key.name == name && owners.contains($0.extensionOwner ?? "") }
            let key = owned.first { $0.key.schema == schema }?.key ?? owned.first?.key ?? ObjectKey(schema, name)
            type = ColumnType(schema: key.schema, name: key.name)
        }
        type.isArray = isArray
        return type
    }

    /// `DROP EXTENSION [IF EXISTS] name [CASCADE | RESTRICT]`: its types and
    /// functions go with it; columns and extensions using them need CASCADE.
    mutating func dropExtension(_ name: QualifiedName, ifExists: Bool, cascade: Bool) throws(CatalogError) {
        let extensionName = SQLName.truncated(name.name)
        guard extensions[extensionName] != nil else {
            // plpgsql is installed in every database but not recorded; dropping it is accepted.
            if ifExists || KnownExtensions.preinstalled.contains(extensionName) { return }
            throw CatalogError(
                CatalogError.undefinedObject, "extension \"\(extensionName)\" does not exist", span: name.span)
        }
        try dropCascading(
            .extension(extensionName), cascade: cascade, description: "extension \(extensionName)", span: name.span)
    }

    /// `ALTER EXTENSION name SET SCHEMA s`: its member types and functions move along.
    mutating func setExtensionSchema(_ s: AlterObjectSchemaStatement) throws(CatalogError) {
        let name = SQLName.truncated(s.object.name.name)
        guard var ext = extensions[name] else {
            if s.ifExists { return }
            throw CatalogError(CatalogError.undefinedObject, "extension \"\(name)\" does not exist", span: s.object.span)
        }
        let schema = SQLName.truncated(s.newSchema.value)
        try checkSchemaExists(schema, span: s.newSchema.span)
        guard schema != ext.schema else { return }
        for type in types.values.sorted(by: { $0.key < $1.key }) where type.extensionOwner == name {
            let newKey = ObjectKey(schema, type.key.name)
            if typeNameTaken(newKey) {
                throw CatalogError(
                    CatalogError.duplicateObject, "type \"\(newKey.name)\" already exists in schema \"\(schema)\"",
                    span: s.newSchema.span)
            }
            moveType(type.key, to: newKey)
        }
        for key in functions.keys.sorted() where key.schema == ext.schema {
            for function in functions[key] ?? [] where function.extensionOwner == name {
                try moveFunction(function, to: ObjectKey(schema, key.name), span: s.newSchema.span)
            }
        }
        ext.schema = schema
        extensions[name] = ext
    }
}
