// Schema objects other than tables and indexes: views, sequences, schemas,
// extensions and row-level security policies, plus the small shared values
// (option items, roles, CASCADE | RESTRICT). User-defined types and domains are in
// AST/UserTypes.swift, functions and triggers in AST/Functions.swift, utility
// statements in AST/Utility.swift.

/// `name [= value]` inside an option list: `WITH (security_barrier)`,
/// `CREATE TYPE t (INPUT = f)`, `VACUUM (VERBOSE)`, `COPY ... WITH (FORMAT csv)`.
public struct OptionItem: Hashable, Sendable {
    /// The option name, folded to lower case (`toast.autovacuum_enabled` keeps its dots).
    public var name: String
    /// The value as a string: a string literal's value, a name folded to lower case,
    /// or the source text of anything else (numbers, types, operators). Nil when absent.
    public var value: String?
    public var span: SourceSpan

    public init(name: String, value: String? = nil, span: SourceSpan = .zero) {
        self.name = name
        self.value = value
        self.span = span
    }
}

/// A role as named in `OWNER TO`, `GRANT ... TO`, `AUTHORIZATION` and policies.
public enum RoleSpec: Hashable, Sendable {
    case name(Identifier)
    case currentUser
    case currentRole
    case sessionUser
    /// `PUBLIC` in GRANT and policies.
    case `public`
}

/// `CASCADE` or `RESTRICT` at the end of a dropping clause.
public enum DropBehavior: String, Hashable, Sendable {
    case cascade, restrict
}

// MARK: Views

/// `CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW` and `CREATE MATERIALIZED VIEW`.
///
/// PostgreSQL names a view `ViewStmt` and a materialized view `CreateTableAsStmt`.
public struct CreateViewStatement: Hashable, Sendable {
    /// `WITH [CASCADED | LOCAL] CHECK OPTION`.
    public enum CheckOption: String, Hashable, Sendable {
        case cascaded, local
    }

    public var name: QualifiedName
    public var columns: [Identifier]
    public var query: SelectStatement
    public var materialized: Bool
    public var orReplace: Bool
    public var temporary: Bool
    public var recursive: Bool
    /// `CREATE MATERIALIZED VIEW IF NOT EXISTS`, and SQLite's `CREATE VIEW IF NOT EXISTS`.
    public var ifNotExists: Bool
    /// `WITH (security_barrier = true, ...)` storage or view options.
    public var options: [OptionItem]
    /// Materialized views: `USING method`.
    public var accessMethod: Identifier?
    /// Materialized views: `TABLESPACE name`.
    public var tablespace: Identifier?
    public var checkOption: CheckOption?
    /// Materialized views: `WITH DATA` (true), `WITH NO DATA` (false), or not said (nil, which means with data).
    public var withData: Bool?
    public var span: SourceSpan

    public init(
        name: QualifiedName, columns: [Identifier] = [], query: SelectStatement, materialized: Bool = false,
        orReplace: Bool = false, temporary: Bool = false, recursive: Bool = false, ifNotExists: Bool = false,
        options: [OptionItem] = [], accessMethod: Identifier? = nil, tablespace: Identifier? = nil,
        checkOption: CheckOption? = nil, withData: Bool? = nil, span: SourceSpan
    ) {
        self.name = name
        self.columns = columns
        self.query = query
        self.materialized = materialized
        self.orReplace = orReplace
        self.temporary = temporary
        self.recursive = recursive
        self.ifNotExists = ifNotExists
        self.options = options
        self.accessMethod = accessMethod
        self.tablespace = tablespace
        self.checkOption = checkOption
        self.withData = withData
        self.span = span
    }

    public var kind: StatementKind { materialized ? .createMaterializedView : .createView }
    public var postgresNode: String { materialized ? "CreateTableAsStmt" : "ViewStmt" }
    /// Whether the materialized view is filled when created (`WITH NO DATA` leaves it empty).
    public var populates: Bool { withData ?? true }
}

// MARK: Sequences

/// One option of `CREATE SEQUENCE`, `ALTER SEQUENCE` or an identity column.
///
/// Numbers are kept as written (sign included) so that the full `bigint` range survives.
public enum SequenceOption: Hashable, Sendable {
    /// `AS type`.
    case type(TypeName)
    /// `INCREMENT [BY] n`.
    case increment(String)
    /// `MINVALUE n`, or `NO MINVALUE` (nil).
    case minValue(String?)
    /// `MAXVALUE n`, or `NO MAXVALUE` (nil).
    case maxValue(String?)
    /// `START [WITH] n`.
    case start(String)
    /// `RESTART [[WITH] n]`: nil restarts from the start value.
    case restart(String?)
    /// `CACHE n`.
    case cache(String)
    /// `CYCLE` (true) or `NO CYCLE` (false).
    case cycle(Bool)
    /// `OWNED BY table.column`, or `OWNED BY NONE` (nil).
    case ownedBy(QualifiedName?)
    /// `SEQUENCE NAME name` (identity columns only).
    case sequenceName(QualifiedName)
    /// `LOGGED` / `UNLOGGED` (identity columns only).
    case logged(Bool)
}

/// `CREATE [TEMP | UNLOGGED] SEQUENCE [IF NOT EXISTS] name [options]`.
public struct CreateSequenceStatement: Hashable, Sendable {
    public var name: QualifiedName
    public var options: [SequenceOption]
    public var ifNotExists: Bool
    public var temporary: Bool
    public var unlogged: Bool
    public var span: SourceSpan

    public init(
        name: QualifiedName, options: [SequenceOption] = [], ifNotExists: Bool = false, temporary: Bool = false,
        unlogged: Bool = false, span: SourceSpan
    ) {
        self.name = name
        self.options = options
        self.ifNotExists = ifNotExists
        self.temporary = temporary
        self.unlogged = unlogged
        self.span = span
    }

    public var kind: StatementKind { .createSequence }
    public var postgresNode: String { "CreateSeqStmt" }
}

/// `ALTER SEQUENCE [IF EXISTS] name options` (`AlterSeqStmt`).
///
/// `OWNER TO`, `SET LOGGED` (ALTER TABLE forms), `RENAME TO` and `SET SCHEMA` are other statements.
public struct AlterSequenceStatement: Hashable, Sendable {
    public var name: QualifiedName
    public var options: [SequenceOption]
    public var ifExists: Bool
    public var span: SourceSpan

    public init(name: QualifiedName, options: [SequenceOption], ifExists: Bool = false, span: SourceSpan) {
        self.name = name
        self.options = options
        self.ifExists = ifExists
        self.span = span
    }

    public var kind: StatementKind { .alterSequence }
    public var postgresNode: String { "AlterSeqStmt" }
}

// MARK: Schemas and extensions

/// `CREATE SCHEMA [IF NOT EXISTS] [name] [AUTHORIZATION role] [elements]`.
public struct CreateSchemaStatement: Hashable, Sendable {
    /// Nil when only `AUTHORIZATION role` is given (the schema is named after the role).
    public var name: Identifier?
    public var authorization: RoleSpec?
    public var ifNotExists: Bool
    /// `CREATE TABLE`, `CREATE VIEW`, `GRANT`... written inside the statement.
    public var elements: [Statement]
    public var span: SourceSpan

    public init(
        name: Identifier?, authorization: RoleSpec? = nil, ifNotExists: Bool = false, elements: [Statement] = [],
        span: SourceSpan
    ) {
        self.name = name
        self.authorization = authorization
        self.ifNotExists = ifNotExists
        self.elements = elements
        self.span = span
    }

    public var kind: StatementKind { .createSchema }
    public var postgresNode: String { "CreateSchemaStmt" }

    /// The schema's name: the one written, else the role's.
    public var effectiveName: String? {
        if let name { return name.value }
        if case .name(let role) = authorization { return role.value }
        return nil
    }
}

/// `CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]`.
public struct CreateExtensionStatement: Hashable, Sendable {
    public var name: Identifier
    public var ifNotExists: Bool
    public var schema: Identifier?
    public var version: String?
    public var cascade: Bool
    public var span: SourceSpan

    public init(
        name: Identifier, ifNotExists: Bool = false, schema: Identifier? = nil, version: String? = nil,
        cascade: Bool = false, span: SourceSpan
    ) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.schema = schema
        self.version = version
        self.cascade = cascade
        self.span = span
    }

    public var kind: StatementKind { .createExtension }
    public var postgresNode: String { "CreateExtensionStmt" }
}

// MARK: Policies

/// `CREATE POLICY name ON table [AS PERMISSIVE | RESTRICTIVE] [FOR command] [TO roles]
/// [USING (expr)] [WITH CHECK (expr)]`, and `ALTER POLICY name ON table [TO roles] [USING] [WITH CHECK]`.
public struct CreatePolicyStatement: Hashable, Sendable {
    public enum Command: String, Hashable, Sendable {
        case all, select, insert, update, delete
    }

    public var name: Identifier
    public var table: QualifiedName
    /// `ALTER POLICY` rather than `CREATE POLICY`.
    public var isAlter: Bool
    /// False for `AS RESTRICTIVE`; policies are permissive by default.
    public var permissive: Bool
    /// Nil when not written (`ALL` for CREATE; unchanged for ALTER).
    public var command: Command?
    /// Empty when not written (`PUBLIC` for CREATE; unchanged for ALTER).
    public var roles: [RoleSpec]
    public var using: Expr?
    public var withCheck: Expr?
    public var span: SourceSpan

    public init(
        name: Identifier, table: QualifiedName, isAlter: Bool = false, permissive: Bool = true,
        command: Command? = nil, roles: [RoleSpec] = [], using: Expr? = nil, withCheck: Expr? = nil,
        span: SourceSpan
    ) {
        self.name = name
        self.table = table
        self.isAlter = isAlter
        self.permissive = permissive
        self.command = command
        self.roles = roles
        self.using = using
        self.withCheck = withCheck
        self.span = span
    }

    public var kind: StatementKind { isAlter ? .alterPolicy : .createPolicy }
    public var postgresNode: String { isAlter ? "AlterPolicyStmt" : "CreatePolicyStmt" }
}
