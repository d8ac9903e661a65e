import Diagnostics
import SQLSyntax

/// The source a statement came from, so replay can keep expressions as the SQL
/// text the user wrote.
public struct ReplaySource: Sendable {
    public let file: SourceFile
    public init(_ file: SourceFile) { self.file = file }

    public func text(_ span: SourceSpan) -> String { file.text(span) }
    public func text(_ expr: Expr) -> String { file.text(expr.span) }
}

extension Catalog {
    /// Applies one statement as the database would, or throws the error the
    /// database would raise, leaving `self` unchanged.
    ///
    /// Statements that do not change the schema (queries, DML, GRANT, COMMENT,
    /// VACUUM, transaction control, ...) are accepted as they are.
    public mutating func apply(_ statement: Statement, from source: ReplaySource) throws(CatalogError) {
        var next = self
        try next.applyInPlace(statement.node, source, span: statement.span)
        self = next
    }

    // One switch over every statement form; each family lives in its own file.
    mutating func applyInPlace(_ node: StatementNode, _ source: ReplaySource, span: SourceSpan) throws(CatalogError) {
        switch node {
        // Tables, indexes and relations (Catalog+ApplyTable.swift, Catalog+ApplyIndex.swift).
        case .createTable(let s): try createTable(s, source)
        case .createTableAs(let s): try createTableAs(s, source)
        case .alterTable(let s): try alterTable(s, source)
        case .createIndex(let s): try createIndex(s, source)
        case .truncate(let s): try truncate(s)
        case .drop(let s): try drop(s, source)
        case .rename(let s): try rename(s, source)
        case .alterObjectSchema(let s): try setSchema(s, source)

        // Other schema objects (Catalog+ApplyObjects.swift).
        case .createView(let s): try createView(s, source)
        case .createSequence(let s): try createSequence(s, source)
        case .alterSequence(let s): try alterSequence(s, source)
        case .createType(let s): try createType(s, source)
        case .alterType(let s): try alterType(s, source)
        case .createDomain(let s): try createDomain(s, source)
        case .alterDomain(let s): try alterDomain(s, source)
        case .createSchema(let s): try createSchema(s, source)
        case .createExtension(let s): try createExtension(s, source)
        case .createFunction(let s): try createFunction(s, source)
        case .createTrigger(let s): try createTrigger(s, source)
        case .createPolicy(let s): try createPolicy(s, source)
        case .setVariable(let s): try setVariable(s, source)

        // No schema change.
        case .select, .insert, .update, .delete, .merge, .comment, .grant, .maintenance, .lock, .transaction,
            .doBlock, .copy, .pragma, .other:
            return
        }
    }

    /// The error for a missing relation, as PostgreSQL words it.
    func missingRelation(_ name: QualifiedName) -> CatalogError {
        CatalogError(CatalogError.undefinedTable, "relation \"\(name.dotted)\" does not exist", span: name.span)
    }

    /// Refuses a new relation whose name is taken in its schema.
    func checkRelationNameFree(_ key: ObjectKey, span: SourceSpan?) throws(CatalogError) {
        if relationKind(key) != nil {
            throw CatalogError(CatalogError.duplicateTable, "relation \"\(key.name)\" already exists", span: span)
        }
    }

    /// Refuses a new object whose name the engine keeps for itself (`sqlite_...`).
    func checkNameNotReserved(_ name: String, span: SourceSpan?) throws(CatalogError) {
        guard let prefix = dialect.reservedNamePrefix, Catalog.asciiFolded(name).hasPrefix(prefix) else { return }
        throw CatalogError(CatalogError.reservedName, "object name reserved for internal use: \(name)", span: span)
    }

    /// Refuses objects in a schema that does not exist.
    func checkSchemaExists(_ schema: String, span: SourceSpan?) throws(CatalogError) {
        if schemas[schema] == nil && dialect.kind == .postgres {
            throw CatalogError(CatalogError.undefinedSchema, "schema \"\(schema)\" does not exist", span: span)
        }
    }
}
