/// What each statement is called: our kind and PostgreSQL's node name.
extension StatementNode {
    public var kind: StatementKind {
        switch self {
        case .select: return .select
        case .insert: return .insert
        case .update: return .update
        case .delete: return .delete
        case .merge: return .merge
        case .createTable(let s): return s.kind
        case .createTableAs(let s): return s.kind
        case .alterTable(let s): return s.kind
        case .createIndex(let s): return s.kind
        case .drop(let s): return s.kind
        case .truncate(let s): return s.kind
        case .rename(let s): return s.kind
        case .alterObjectSchema(let s): return s.kind
        case .createView(let s): return s.kind
        case .createSequence(let s): return s.kind
        case .alterSequence(let s): return s.kind
        case .createType(let s): return s.kind
        case .alterType(let s): return s.kind
        case .createDomain(let s): return s.kind
        case .alterDomain(let s): return s.kind
        case .createSchema(let s): return s.kind
        case .createExtension(let s): return s.kind
        case .createFunction(let s): return s.kind
        case .createTrigger(let s): return s.kind
        case .createPolicy(let s): return s.kind
        case .comment(let s): return s.kind
        case .grant(let s): return s.kind
        case .maintenance(let s): return s.kind
        case .lock(let s): return s.kind
        case .setVariable(let s): return s.kind
        case .transaction(let s): return s.kind
        case .doBlock(let s): return s.kind
        case .copy(let s): return s.kind
        case .pragma(let s): return s.kind
        case .other(let s): return s.kind
        }
    }

    /// The node name PostgreSQL's raw parser (libpg_query) gives this statement.
    public var postgresNode: String {
        switch self {
        case .select: return "SelectStmt"
        case .insert: return "InsertStmt"
        case .update: return "UpdateStmt"
        case .delete: return "DeleteStmt"
        case .merge: return "MergeStmt"
        case .createTable(let s): return s.postgresNode
        case .createTableAs(let s): return s.postgresNode
        case .alterTable(let s): return s.postgresNode
        case .createIndex(let s): return s.postgresNode
        case .drop(let s): return s.postgresNode
        case .truncate(let s): return s.postgresNode
        case .rename(let s): return s.postgresNode
        case .alterObjectSchema(let s): return s.postgresNode
        case .createView(let s): return s.postgresNode
        case .createSequence(let s): return s.postgresNode
        case .alterSequence(let s): return s.postgresNode
        case .createType(let s): return s.postgresNode
        case .alterType(let s): return s.postgresNode
        case .createDomain(let s): return s.postgresNode
        case .alterDomain(let s): return s.postgresNode
        case .createSchema(let s): return s.postgresNode
        case .createExtension(let s): return s.postgresNode
        case .createFunction(let s): return s.postgresNode
        case .createTrigger(let s): return s.postgresNode
        case .createPolicy(let s): return s.postgresNode
        case .comment(let s): return s.postgresNode
        case .grant(let s): return s.postgresNode
        case .maintenance(let s): return s.postgresNode
        case .lock(let s): return s.postgresNode
        case .setVariable(let s): return s.postgresNode
        case .transaction(let s): return s.postgresNode
        case .doBlock(let s): return s.postgresNode
        case .copy(let s): return s.postgresNode
        case .pragma(let s): return s.postgresNode
        case .other(let s): return s.postgresNode
        }
    }
}
