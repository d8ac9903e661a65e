/// STUB: to be replaced by the real model.
public struct CreateTableStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createTable }
    public var postgresNode: String { "CreateStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateTableAsStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createTableAs }
    public var postgresNode: String { "CreateTableAsStmt" }
}
/// STUB: to be replaced by the real model.
public struct AlterTableStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .alterTable }
    public var postgresNode: String { "AlterTableStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateIndexStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createIndex }
    public var postgresNode: String { "IndexStmt" }
}
/// STUB: to be replaced by the real model.
public struct DropStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .drop }
    public var postgresNode: String { "DropStmt" }
}
/// STUB: to be replaced by the real model.
public struct TruncateStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .truncate }
    public var postgresNode: String { "TruncateStmt" }
}
/// STUB: to be replaced by the real model.
public struct RenameStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .rename }
    public var postgresNode: String { "RenameStmt" }
}
/// STUB: to be replaced by the real model.
public struct AlterObjectSchemaStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .alterObjectSchema }
    public var postgresNode: String { "AlterObjectSchemaStmt" }
}
