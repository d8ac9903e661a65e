import SQLSyntax

// STUB: views, sequences, types, domains, schemas, extensions, functions,
// triggers, policies and SET — being written.
extension Catalog {
    mutating func createView(_ s: CreateViewStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createSequence(_ s: CreateSequenceStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func alterSequence(_ s: AlterSequenceStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createType(_ s: CreateTypeStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func alterType(_ s: AlterTypeStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createDomain(_ s: CreateDomainStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func alterDomain(_ s: AlterDomainStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createSchema(_ s: CreateSchemaStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createExtension(_ s: CreateExtensionStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createFunction(_ s: CreateFunctionStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createTrigger(_ s: CreateTriggerStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func createPolicy(_ s: CreatePolicyStatement, _ source: ReplaySource) throws(CatalogError) {}
    mutating func setVariable(_ s: SetVariableStatement, _ source: ReplaySource) throws(CatalogError) {}
    /// DROP of a non-relation object: type, domain, schema, extension, function,
    /// procedure, trigger, policy (one object; `behavior` is CASCADE/RESTRICT).
    mutating func dropObject(_ type: SchemaObjectType, _ object: ObjectReference, ifExists: Bool, cascade: Bool, _ source: ReplaySource) throws(CatalogError) {}
    /// RENAME of a non-relation object (type, domain, schema, function, trigger, policy, enum value...).
    mutating func renameObject(_ s: RenameStatement, _ source: ReplaySource) throws(CatalogError) {}
    /// SET SCHEMA of a non-relation object.
    mutating func setObjectSchema(_ s: AlterObjectSchemaStatement, _ source: ReplaySource) throws(CatalogError) {}
}
