// Utility statements: comments, privileges, maintenance, locks, settings,
// transactions, anonymous blocks, COPY and SQLite's PRAGMA.

/// `COMMENT ON object IS 'text' | NULL`.
public struct CommentStatement: Hashable, Sendable {
    /// `column`, `constraint` and `domainConstraint` name a member: `object.name` is the
    /// member's own name and `object.table` its table (or domain).
    public var objectType: SchemaObjectType
    /// The object; routines carry their argument types, triggers, policies and rules their table.
    public var object: ObjectReference
    /// The comment; nil for `IS NULL`, which removes it.
    public var text: String?
    public var span: SourceSpan

    public init(objectType: SchemaObjectType, object: ObjectReference, text: String?, span: SourceSpan) {
        self.objectType = objectType
        self.object = object
        self.text = text
        self.span = span
    }

    public var kind: StatementKind { .comment }
    public var postgresNode: String { "CommentStmt" }
}

/// One privilege of `GRANT`/`REVOKE`: `SELECT`, `UPDATE (a, b)`, `ALL [PRIVILEGES]`, or a role name.
public struct Privilege: Hashable, Sendable {
    /// Lower case: `select`, `insert`, `all`, `usage`...; for role grants, the role.
    public var name: String
    public var columns: [Identifier]

    public init(name: String, columns: [Identifier] = []) {
        self.name = name
        self.columns = columns
    }
}

/// `GRANT | REVOKE privileges ON objects TO | FROM roles`, and `GRANT | REVOKE role TO | FROM role`.
public struct GrantStatement: Hashable, Sendable {
    public var isGrant: Bool
    /// `GRANT role TO role` (`GrantRoleStmt`): `privileges` then hold the granted roles.
    public var isRoleGrant: Bool
    public var privileges: [Privilege]
    /// The kind of object; `table` when no type is written (which covers views and sequences too).
    /// With `allInSchema`, the kind of the objects in the schemas: `table`, `sequence`,
    /// `function`, `procedure` or `routine`.
    public var objectType: SchemaObjectType
    /// `ON ALL TABLES IN SCHEMA s, ...`: `objects` then hold the schemas.
    public var allInSchema: Bool
    /// The objects; empty for role grants.
    public var objects: [ObjectReference]
    public var grantees: [RoleSpec]
    /// `WITH GRANT OPTION`, or for role grants `WITH ADMIN OPTION`; on REVOKE, `GRANT | ADMIN OPTION FOR`.
    public var grantOption: Bool
    /// Role grants: the other options (`WITH INHERIT TRUE`, `WITH SET FALSE`, `REVOKE INHERIT OPTION FOR`...).
    public var roleOptions: [OptionItem]
    public var grantedBy: RoleSpec?
    public var behavior: DropBehavior?
    public var span: SourceSpan

    public init(
        isGrant: Bool, isRoleGrant: Bool = false, privileges: [Privilege], objectType: SchemaObjectType = .table,
        allInSchema: Bool = false, objects: [ObjectReference] = [], grantees: [RoleSpec], grantOption: Bool = false,
        roleOptions: [OptionItem] = [], grantedBy: RoleSpec? = nil, behavior: DropBehavior? = nil, span: SourceSpan
    ) {
        self.isGrant = isGrant
        self.isRoleGrant = isRoleGrant
        self.privileges = privileges
        self.objectType = objectType
        self.allInSchema = allInSchema
        self.objects = objects
        self.grantees = grantees
        self.grantOption = grantOption
        self.roleOptions = roleOptions
        self.grantedBy = grantedBy
        self.behavior = behavior
        self.span = span
    }

    public var kind: StatementKind { isRoleGrant ? .grantRole : (isGrant ? .grant : .revoke) }
    public var postgresNode: String { isRoleGrant ? "GrantRoleStmt" : "GrantStmt" }
}

/// A table (and columns) named by `VACUUM`, `ANALYZE`, `CLUSTER`, `REINDEX` or `REFRESH`.
public struct MaintenanceTarget: Hashable, Sendable {
    public var name: QualifiedName
    public var columns: [Identifier]

    public init(name: QualifiedName, columns: [Identifier] = []) {
        self.name = name
        self.columns = columns
    }
}

/// `VACUUM`, `ANALYZE`, `CLUSTER`, `REINDEX` and `REFRESH MATERIALIZED VIEW`.
public struct MaintenanceStatement: Hashable, Sendable {
    public enum Command: String, Hashable, Sendable {
        case vacuum, analyze, cluster, reindex, refresh
    }

    public var command: Command
    /// Parenthesized options and the old bare words (`FULL`, `FREEZE`, `VERBOSE`, `ANALYZE`),
    /// names in lower case.
    public var options: [OptionItem]
    /// The tables (or for REINDEX the index, schema or database); empty for the whole database.
    public var targets: [MaintenanceTarget]
    /// REINDEX: `index`, `table`, `schema`, `database` or `system`; nil for SQLite's bare `REINDEX name`.
    public var reindexObject: String?
    /// `REINDEX ... CONCURRENTLY`, `REFRESH MATERIALIZED VIEW CONCURRENTLY`.
    public var concurrently: Bool
    /// `CLUSTER table USING index`.
    public var clusterIndex: Identifier?
    /// `REFRESH ... WITH NO DATA` (false); nil when not written.
    public var withData: Bool?
    /// SQLite `VACUUM [schema] INTO 'file'`.
    public var into: String?
    public var span: SourceSpan

    public init(
        command: Command, options: [OptionItem] = [], targets: [MaintenanceTarget] = [], reindexObject: String? = nil,
        concurrently: Bool = false, clusterIndex: Identifier? = nil, withData: Bool? = nil, into: String? = nil,
        span: SourceSpan
    ) {
        self.command = command
        self.options = options
        self.targets = targets
        self.reindexObject = reindexObject
        self.concurrently = concurrently
        self.clusterIndex = clusterIndex
        self.withData = withData
        self.into = into
        self.span = span
    }

    public var kind: StatementKind {
        switch command {
        case .vacuum: return .vacuum
        case .analyze: return .analyze
        case .cluster: return .cluster
        case .reindex: return .reindex
        case .refresh: return .refreshMaterializedView
        }
    }

    public var postgresNode: String {
        switch command {
        case .vacuum, .analyze: return "VacuumStmt"
        case .cluster: return "ClusterStmt"
        case .reindex: return "ReindexStmt"
        case .refresh: return "RefreshMatViewStmt"
        }
    }

    /// Whether an option (`full`, `verbose`, ...) was given and not turned off.
    public func hasOption(_ name: String) -> Bool {
        options.contains { option in
            option.name == name && !["false", "off", "0"].contains(option.value?.lowercased() ?? "true")
        }
    }
}

/// `LOCK [TABLE] [ONLY] name [*], ... [IN mode MODE] [NOWAIT]`.
public struct LockStatement: Hashable, Sendable {
    public struct Target: Hashable, Sendable {
        public var name: QualifiedName
        /// `ONLY name`: descendant tables are not locked.
        public var only: Bool

        public init(name: QualifiedName, only: Bool = false) {
            self.name = name
            self.only = only
        }
    }

    public var tables: [Target]
    /// Upper case with single spaces (`ACCESS EXCLUSIVE`); nil means ACCESS EXCLUSIVE.
    public var mode: String?
    public var nowait: Bool
    public var span: SourceSpan

    public init(tables: [Target], mode: String? = nil, nowait: Bool = false, span: SourceSpan) {
        self.tables = tables
        self.mode = mode
        self.nowait = nowait
        self.span = span
    }

    /// The lock mode taken: the one written, else ACCESS EXCLUSIVE.
    public var effectiveMode: String { mode ?? "ACCESS EXCLUSIVE" }

    public var kind: StatementKind { .lock }
    public var postgresNode: String { "LockStmt" }
}

/// `SET`, `RESET`, `SHOW` and `SET CONSTRAINTS`.
///
/// Special forms are stored under the name PostgreSQL gives them: `SET TIME ZONE` as
/// `timezone`, `SET NAMES` as `client_encoding`, `SET SCHEMA` as `search_path`, `SET ROLE`
/// as `role`, `SET SESSION AUTHORIZATION` as `session_authorization`, `SET TRANSACTION` as
/// `transaction`, `SET SESSION CHARACTERISTICS AS TRANSACTION` as `session characteristics`.
public struct SetVariableStatement: Hashable, Sendable {
    public enum Action: String, Hashable, Sendable {
        /// `SET name TO value, ...`.
        case set
        /// `SET name TO DEFAULT`.
        case setDefault
        /// `SET name FROM CURRENT`.
        case setFromCurrent
        /// `RESET name`; `RESET ALL` has the name `all`.
        case reset
        /// `SHOW name`; `SHOW ALL` has the name `all`.
        case show
        /// `SET CONSTRAINTS ALL | names DEFERRED | IMMEDIATE`: `values` hold the constraint
        /// names (or `all`) and then `deferred` or `immediate`.
        case setConstraints
    }

    public enum Scope: String, Hashable, Sendable {
        case session, local
    }

    public var action: Action
    /// `SET LOCAL` or `SET SESSION`; nil when not written (session).
    public var scope: Scope?
    /// Lower case, dotted for custom settings (`myapp.user_id`).
    public var name: String
    /// String values unquoted, names folded, numbers as written (sign included).
    public var values: [String]
    public var span: SourceSpan

    public init(action: Action, scope: Scope? = nil, name: String, values: [String] = [], span: SourceSpan) {
        self.action = action
        self.scope = scope
        self.name = name
        self.values = values
        self.span = span
    }

    public var kind: StatementKind {
        switch action {
        case .set, .setDefault, .setFromCurrent, .setConstraints: return .set
        case .reset: return .reset
        case .show: return .show
        }
    }

    public var postgresNode: String {
        switch action {
        case .setConstraints: return "ConstraintsSetStmt"
        case .show: return "VariableShowStmt"
        default: return "VariableSetStmt"
        }
    }
}

/// Transaction control: `BEGIN`, `COMMIT`, `ROLLBACK`, savepoints, two-phase commit.
public struct TransactionStatement: Hashable, Sendable {
    public enum Action: String, Hashable, Sendable {
        /// `BEGIN` or `START TRANSACTION`.
        case begin
        /// `COMMIT` or `END`.
        case commit
        /// `ROLLBACK` or `ABORT`.
        case rollback
        case savepoint
        /// `RELEASE [SAVEPOINT] name`.
        case releaseSavepoint
        /// `ROLLBACK TO [SAVEPOINT] name`.
        case rollbackToSavepoint
        /// `PREPARE TRANSACTION 'id'`.
        case prepare
        /// `COMMIT PREPARED 'id'`.
        case commitPrepared
        /// `ROLLBACK PREPARED 'id'`.
        case rollbackPrepared
    }

    public var action: Action
    /// Transaction modes in lower case: `isolation level serializable`, `read only`,
    /// `deferrable`, `not deferrable`; SQLite's `deferred`, `immediate`, `exclusive`.
    public var modes: [String]
    /// `COMMIT | ROLLBACK AND CHAIN`.
    public var chain: Bool
    public var savepoint: Identifier?
    /// The global id of two-phase commit statements.
    public var transactionId: String?
    public var span: SourceSpan

    public init(
        action: Action, modes: [String] = [], chain: Bool = false, savepoint: Identifier? = nil,
        transactionId: String? = nil, span: SourceSpan
    ) {
        self.action = action
        self.modes = modes
        self.chain = chain
        self.savepoint = savepoint
        self.transactionId = transactionId
        self.span = span
    }

    public var kind: StatementKind {
        switch action {
        case .begin: return .begin
        case .commit, .commitPrepared: return .commit
        case .rollback, .rollbackToSavepoint, .rollbackPrepared: return .rollback
        case .savepoint: return .savepoint
        case .releaseSavepoint: return .releaseSavepoint
        case .prepare: return .transaction
        }
    }

    public var postgresNode: String { "TransactionStmt" }
}

/// `DO [LANGUAGE lang] 'code'` (the language may also follow the code).
public struct DoStatement: Hashable, Sendable {
    /// Lower case; nil means `plpgsql`.
    public var language: String?
    /// The code, dollar quotes or quotes removed.
    public var body: String
    public var span: SourceSpan

    public init(language: String? = nil, body: String, span: SourceSpan) {
        self.language = language
        self.body = body
        self.span = span
    }

    public var kind: StatementKind { .doBlock }
    public var postgresNode: String { "DoStmt" }
}

/// `COPY table [(cols)] | (query) FROM | TO file | PROGRAM cmd | STDIN | STDOUT [options] [WHERE]`.
public struct CopyStatement: Hashable, Sendable {
    public enum Endpoint: Hashable, Sendable {
        case file(String)
        case program(String)
        case stdin
        case stdout
    }

    /// The table; nil when copying out of a query.
    public var table: QualifiedName?
    public var columns: [Identifier]
    /// `COPY (query) TO ...`: a SELECT, or an INSERT / UPDATE / DELETE / MERGE with RETURNING.
    public var query: StatementNode?
    /// `FROM` (data comes into the table) rather than `TO`.
    public var isFrom: Bool
    public var endpoint: Endpoint
    /// `WITH (FORMAT csv, ...)` and the old bare words (`BINARY`, `CSV`, `HEADER`, `DELIMITER ','`...),
    /// names in lower case.
    public var options: [OptionItem]
    /// `COPY ... FROM ... WHERE condition`.
    public var whereClause: Expr?
    public var span: SourceSpan

    public init(
        table: QualifiedName? = nil, columns: [Identifier] = [], query: StatementNode? = nil, isFrom: Bool,
        endpoint: Endpoint, options: [OptionItem] = [], whereClause: Expr? = nil, span: SourceSpan
    ) {
        self.table = table
        self.columns = columns
        self.query = query
        self.isFrom = isFrom
        self.endpoint = endpoint
        self.options = options
        self.whereClause = whereClause
        self.span = span
    }

    public var kind: StatementKind { .copy }
    public var postgresNode: String { "CopyStmt" }
}

/// SQLite `PRAGMA [schema.]name [= value | (value)]`.
public struct PragmaStatement: Hashable, Sendable {
    public var schema: Identifier?
    public var name: Identifier
    /// The value as a string (quotes removed, signs kept); nil when the pragma is only read.
    public var value: String?
    public var span: SourceSpan

    public init(schema: Identifier? = nil, name: Identifier, value: String? = nil, span: SourceSpan) {
        self.schema = schema
        self.name = name
        self.value = value
        self.span = span
    }

    public var kind: StatementKind { .pragma }
    public var postgresNode: String { "PragmaStmt" }
}
