/// STUB: to be replaced by the real model.
public struct CreateViewStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createView }
    public var postgresNode: String { "ViewStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateSequenceStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createSequence }
    public var postgresNode: String { "CreateSeqStmt" }
}
/// STUB: to be replaced by the real model.
public struct AlterSequenceStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .alterSequence }
    public var postgresNode: String { "AlterSeqStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateTypeStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createType }
    public var postgresNode: String { "CreateEnumStmt" }
}
/// STUB: to be replaced by the real model.
public struct AlterTypeStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .alterType }
    public var postgresNode: String { "AlterEnumStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateDomainStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createDomain }
    public var postgresNode: String { "CreateDomainStmt" }
}
/// STUB: to be replaced by the real model.
public struct AlterDomainStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .alterDomain }
    public var postgresNode: String { "AlterDomainStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateSchemaStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createSchema }
    public var postgresNode: String { "CreateSchemaStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateExtensionStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createExtension }
    public var postgresNode: String { "CreateExtensionStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateFunctionStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createFunction }
    public var postgresNode: String { "CreateFunctionStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreateTriggerStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createTrigger }
    public var postgresNode: String { "CreateTrigStmt" }
}
/// STUB: to be replaced by the real model.
public struct CreatePolicyStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .createPolicy }
    public var postgresNode: String { "CreatePolicyStmt" }
}
/// STUB: to be replaced by the real model.
public struct CommentStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .comment }
    public var postgresNode: String { "CommentStmt" }
}
/// STUB: to be replaced by the real model.
public struct GrantStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .grant }
    public var postgresNode: String { "GrantStmt" }
}
/// STUB: to be replaced by the real model.
public struct MaintenanceStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .vacuum }
    public var postgresNode: String { "VacuumStmt" }
}
/// STUB: to be replaced by the real model.
public struct LockStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .lock }
    public var postgresNode: String { "LockStmt" }
}
/// STUB: to be replaced by the real model.
public struct SetVariableStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .set }
    public var postgresNode: String { "VariableSetStmt" }
}
/// STUB: to be replaced by the real model.
public struct TransactionStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .transaction }
    public var postgresNode: String { "TransactionStmt" }
}
/// STUB: to be replaced by the real model.
public struct DoStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .doBlock }
    public var postgresNode: String { "DoStmt" }
}
/// STUB: to be replaced by the real model.
public struct CopyStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .copy }
    public var postgresNode: String { "CopyStmt" }
}
/// STUB: to be replaced by the real model.
public struct PragmaStatement: Hashable, Sendable {
    public var names: [QualifiedName]
    public var span: SourceSpan
    public init(names: [QualifiedName], span: SourceSpan) {
        self.names = names
        self.span = span
    }
    public var kind: StatementKind { .pragma }
    public var postgresNode: String { "PragmaStmt" }
}
