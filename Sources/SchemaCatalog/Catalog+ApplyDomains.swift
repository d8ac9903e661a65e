import SQLSyntax

// CREATE DOMAIN, ALTER DOMAIN and ALTER DOMAIN ... RENAME CONSTRAINT.
// DROP / RENAME / SET SCHEMA of domains share the type code (Catalog+ApplyTypes.swift).

extension Catalog {
    /// `CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT expr] [constraints]`.
    mutating func createDomain(_ s: CreateDomainStatement, _ source: ReplaySource) throws(CatalogError) {
        let key = keyForNew(s.name)
        try checkSchemaExists(key.schema, span: s.name.span)
        try checkTypeNameFree(key, span: s.name.span)
        var domain = Domain(baseType: try plainType(s.type))
        domain.defaultValue = s.defaultValue.map(source.text)
        var sawNull = false
        for constraint in s.constraints {
            switch constraint.body {
            case .notNull:
                if sawNull { throw Catalog.conflictingNullability(constraint.span) }
                domain.notNull = true
            case .null:
                if domain.notNull { throw Catalog.conflictingNullability(constraint.span) }
                sawNull = true
            case .check(let expr):
                let name = try domainCheckName(constraint.name, domain: key, existing: domain.checks)
                domain.checks[name] = source.text(expr)
            }
        }
        types[key] = UserType(key: key, definition: .domain(domain))
    }

    private static func conflictingNullability(_ span: SourceSpan) -> CatalogError {
        CatalogError(CatalogError.syntaxError, "conflicting NULL/NOT NULL constraints", span: span)
    }

    /// The written name of a new domain CHECK (refused if taken), or the one
    /// PostgreSQL's `ChooseConstraintName` picks: `<domain>_check`, `<domain>_check1`, ...
    /// unique among the constraints of the schema.
    private func domainCheckName(
        _ written: Identifier?, domain: ObjectKey, existing: [String: String]
    ) throws(CatalogError) -> String {
        if let written {
            let name = SQLName.truncated(written.value)
            if existing[name] != nil {
                throw CatalogError(
                    CatalogError.duplicateObject, "constraint \"\(name)\" for domain \"\(domain.name)\" already exists",
                    span: written.span)
            }
            return name
        }
        var taken = Set(existing.keys)
        for table in tables.values where table.key.schema == domain.schema {
            taken.formUnion(table.constraints.map(\.name))
        }
        for type in types.values where type.key.schema == domain.schema {
            if case .domain(let other) = type.definition { taken.formUnion(other.checks.keys) }
        }
        return Naming.choose(domain.name, nil, "check") { taken.contains($0) }
    }

    /// `ALTER DOMAIN name SET/DROP DEFAULT | SET/DROP NOT NULL | ADD/DROP/VALIDATE CONSTRAINT | OWNER TO`.
    mutating func alterDomain(_ s: AlterDomainStatement, _ source: ReplaySource) throws(CatalogError) {
        let key = try existingDomain(s.name)
        guard var type = types[key], case .domain(var domain) = type.definition else { return }
        switch s.action {
        case .setDefault(let expr):
            domain.defaultValue = expr.map(source.text)
        case .setNotNull(let notNull):
            domain.notNull = notNull
        case .addConstraint(let constraint):
            switch constraint.body {
            case .notNull: domain.notNull = true
            case .null: break
            case .check(let expr):
                let name = try domainCheckName(constraint.name, domain: key, existing: domain.checks)
                domain.checks[name] = source.text(expr)
            }
        case .dropConstraint(let name, let ifExists, _):
            guard domain.checks.removeValue(forKey: name.value) != nil else {
                if ifExists { return }
                throw missingDomainConstraint(name, key)
            }
        case .validateConstraint(let name):
            // NOT VALID is not modelled on domains: validating only checks the name.
            guard domain.checks[name.value] != nil else { throw missingDomainConstraint(name, key) }
        case .owner:
            return
        }
        type.definition = .domain(domain)
        types[key] = type
    }

    private func missingDomainConstraint(_ name: Identifier, _ key: ObjectKey) -> CatalogError {
        CatalogError(
            CatalogError.undefinedObject, "constraint \"\(name.value)\" of domain \"\(key.name)\" does not exist",
            span: name.span)
    }

    private func existingDomain(_ name: QualifiedName) throws(CatalogError) -> ObjectKey {
        guard let key = type(name), let type = types[key] else { throw missingType(name) }
        guard type.isDomain else {
            throw CatalogError(
                CatalogError.wrongObjectType, "\(Catalog.typeDisplayName(key)) is not a domain", span: name.span)
        }
        return key
    }

    /// `ALTER DOMAIN d RENAME CONSTRAINT a TO b`.
    mutating func renameDomainConstraint(_ s: RenameStatement) throws(CatalogError) {
        guard let domainName = s.object.table else { return }
        let key = try existingDomain(domainName)
        guard var type = types[key], case .domain(var domain) = type.definition else { return }
        let old = s.object.name.name
        let new = SQLName.truncated(s.newName.value)
        guard let check = domain.checks[old] else {
            throw CatalogError(
                CatalogError.undefinedObject, "constraint \"\(old)\" for domain \(key.name) does not exist",
                span: s.object.span)
        }
        if domain.checks[new] != nil {
            throw CatalogError(
                CatalogError.duplicateObject, "constraint \"\(new)\" for domain \(key.name) already exists",
                span: s.newName.span)
        }
        domain.checks[old] = nil
        domain.checks[new] = check
        type.definition = .domain(domain)
        types[key] = type
    }
}
