/// One parsed statement with its span (first token to last token, `;` excluded).
public struct Statement: Hashable, Sendable {
    public var node: StatementNode
    public var span: SourceSpan

    public init(node: StatementNode, span: SourceSpan) {
        self.node = node
        self.span = span
    }
}

/// Every statement form the analyzer models in full, plus `.other` for the rest,
/// which still carries its kind, PostgreSQL node name and the objects it names.
public indirect enum StatementNode: Hashable, Sendable {
    // Queries and data changes (AST/Select.swift, AST/DML.swift).
    case select(SelectStatement)
    case insert(InsertStatement)
    case update(UpdateStatement)
    case delete(DeleteStatement)
    case merge(MergeStatement)

    // Tables, indexes, drops (AST/Table.swift, AST/AlterTable.swift).
    case createTable(CreateTableStatement)
    case createTableAs(CreateTableAsStatement)
    case alterTable(AlterTableStatement)
    case createIndex(CreateIndexStatement)
    case drop(DropStatement)
    case truncate(TruncateStatement)
    case rename(RenameStatement)
    case alterObjectSchema(AlterObjectSchemaStatement)

    // Other schema objects and utility statements (AST/Objects.swift, AST/Utility.swift).
    case createView(CreateViewStatement)
    case createSequence(CreateSequenceStatement)
    case alterSequence(AlterSequenceStatement)
    case createType(CreateTypeStatement)
    case alterType(AlterTypeStatement)
    case createDomain(CreateDomainStatement)
    case alterDomain(AlterDomainStatement)
    case createSchema(CreateSchemaStatement)
    case createExtension(CreateExtensionStatement)
    case createFunction(CreateFunctionStatement)
    case createTrigger(CreateTriggerStatement)
    case createPolicy(CreatePolicyStatement)
    case comment(CommentStatement)
    case grant(GrantStatement)
    case maintenance(MaintenanceStatement)
    case lock(LockStatement)
    case setVariable(SetVariableStatement)
    case transaction(TransactionStatement)
    case doBlock(DoStatement)
    case copy(CopyStatement)
    case pragma(PragmaStatement)

    /// A statement that is recognised but not modelled in full.
    case other(OtherStatement)
}

/// A statement recognised by its leading words but not modelled in full.
public struct OtherStatement: Hashable, Sendable {
    public var kind: StatementKind
    /// The node name PostgreSQL's raw parser gives it (`CreateRoleStmt`, ...).
    public var postgresNode: String
    /// The objects it names, as far as they could be read.
    public var names: [QualifiedName]

    public init(kind: StatementKind, postgresNode: String, names: [QualifiedName] = []) {
        self.kind = kind
        self.postgresNode = postgresNode
        self.names = names
    }
}
