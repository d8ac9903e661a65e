/// The kinds of object that DROP, RENAME and SET SCHEMA name.
public enum SchemaObjectType: String, Hashable, Sendable, CaseIterable {
    case table
    case view
    case materializedView = "materialized_view"
    case index
    case foreignTable = "foreign_table"
    case sequence
    /// A column of a table, view or foreign table (RENAME only).
    case column
    /// A table constraint (RENAME only).
    case constraint
    /// `ALTER DOMAIN d RENAME CONSTRAINT` (RENAME only).
    case domainConstraint = "domain_constraint"
    /// `ALTER TYPE t RENAME ATTRIBUTE` (RENAME only).
    case attribute
    case type
    case domain
    case schema
    case `extension`
    case function
    case procedure
    case routine
    case aggregate
    case trigger
    case eventTrigger = "event_trigger"
    case policy
    case rule
    case collation
    case conversion
    case statistics
    case textSearchParser = "text_search_parser"
    case textSearchDictionary = "text_search_dictionary"
    case textSearchTemplate = "text_search_template"
    case textSearchConfiguration = "text_search_configuration"
    case accessMethod = "access_method"
    case foreignDataWrapper = "foreign_data_wrapper"
    case server
    case language
    case publication
    case subscription
    case database
    case role
    case tablespace
    case operatorClass = "operator_class"
    case operatorFamily = "operator_family"
    /// `DROP OWNED BY role, ...`: the names are roles.
    case owned

    /// Whether the object is a relation (it lives in `pg_class`).
    public var isRelation: Bool {
        switch self {
        case .table, .view, .materializedView, .index, .foreignTable, .sequence: return true
        default: return false
        }
    }

    /// Whether the object is a function-like routine named with argument types.
    public var isRoutine: Bool {
        switch self {
        case .function, .procedure, .routine, .aggregate: return true
        default: return false
        }
    }

    /// Whether the object is named `name ON table` (PostgreSQL).
    public var belongsToTable: Bool {
        switch self {
        case .trigger, .policy, .rule: return true
        default: return false
        }
    }
}

/// An object as DDL names it: a dotted name, plus the argument types of a routine
/// and the table of an object that lives on one.
///
/// For columns, constraints and attributes `name` is the member's own name and
/// `table` the relation (or composite type, or domain) it belongs to.
public struct ObjectReference: Hashable, Sendable {
    public var name: QualifiedName
    /// Argument types of a function, procedure, routine or aggregate, OUT arguments
    /// left out as PostgreSQL does; nil when no list was written.
    public var arguments: [TypeName]?
    /// The table of a trigger, policy, rule, column or constraint.
    public var table: QualifiedName?
    public var span: SourceSpan

    public init(name: QualifiedName, arguments: [TypeName]? = nil, table: QualifiedName? = nil, span: SourceSpan? = nil)
    {
        self.name = name
        self.arguments = arguments
        self.table = table
        self.span = span ?? name.span
    }
}

/// `DROP type [CONCURRENTLY] [IF EXISTS] object, ... [CASCADE | RESTRICT]`, and the
/// PostgreSQL statements of the same shape with their own node (`DROP DATABASE`,
/// `DROP ROLE`, `DROP OWNED`, `DROP TABLESPACE`, `DROP SUBSCRIPTION`).
///
/// PostgreSQL: https://www.postgresql.org/docs/current/sql-droptable.html (and siblings)
/// SQLite: https://www.sqlite.org/lang_droptable.html
public struct DropStatement: Hashable, Sendable {
    public var objectType: SchemaObjectType
    public var ifExists: Bool
    /// `DROP INDEX CONCURRENTLY`.
    public var concurrently: Bool
    public var objects: [ObjectReference]
    public var behavior: DropBehavior?
    /// `DROP DATABASE ... WITH (FORCE)`.
    public var force: Bool
    public var span: SourceSpan

    public init(
        objectType: SchemaObjectType, ifExists: Bool = false, concurrently: Bool = false, objects: [ObjectReference],
        behavior: DropBehavior? = nil, force: Bool = false, span: SourceSpan
    ) {
        self.objectType = objectType
        self.ifExists = ifExists
        self.concurrently = concurrently
        self.objects = objects
        self.behavior = behavior
        self.force = force
        self.span = span
    }

    /// The dropped objects' names.
    public var names: [QualifiedName] { objects.map(\.name) }

    public var kind: StatementKind { .drop }
    public var postgresNode: String {
        switch objectType {
        case .database: return "DropdbStmt"
        case .role: return "DropRoleStmt"
        case .owned: return "DropOwnedStmt"
        case .tablespace: return "DropTableSpaceStmt"
        case .subscription: return "DropSubscriptionStmt"
        default: return "DropStmt"
        }
    }
}

/// `TRUNCATE [TABLE] [ONLY] name [*], ... [RESTART | CONTINUE IDENTITY] [CASCADE | RESTRICT]`.
///
/// PostgreSQL: https://www.postgresql.org/docs/current/sql-truncate.html
public struct TruncateStatement: Hashable, Sendable {
    public struct Target: Hashable, Sendable {
        public var name: QualifiedName
        /// `ONLY name`: descendant tables are left alone.
        public var only: Bool
        public init(name: QualifiedName, only: Bool = false) {
            self.name = name
            self.only = only
        }
    }
    public var tables: [Target]
    /// `RESTART IDENTITY`: owned sequences restart.
    public var restartIdentity: Bool
    public var behavior: DropBehavior?
    public var span: SourceSpan

    public init(tables: [Target], restartIdentity: Bool = false, behavior: DropBehavior? = nil, span: SourceSpan) {
        self.tables = tables
        self.restartIdentity = restartIdentity
        self.behavior = behavior
        self.span = span
    }

    public var kind: StatementKind { .truncate }
    public var postgresNode: String { "TruncateStmt" }
}

/// `ALTER type [IF EXISTS] object RENAME [COLUMN | CONSTRAINT | ATTRIBUTE] [old] TO new`,
/// for any object type; SQLite's `ALTER TABLE ... RENAME [COLUMN] ... TO ...` too.
public struct RenameStatement: Hashable, Sendable {
    public var objectType: SchemaObjectType
    /// For columns and constraints: the kind of relation holding them.
    public var relationType: SchemaObjectType?
    /// The object renamed; for a column, constraint or attribute, `table` is its owner.
    public var object: ObjectReference
    public var newName: Identifier
    public var ifExists: Bool
    /// `ALTER TABLE ONLY t RENAME ...`: descendant tables are not renamed along.
    public var only: Bool
    /// `RENAME ATTRIBUTE ... CASCADE | RESTRICT`.
    public var behavior: DropBehavior?
    public var span: SourceSpan

    public init(
        objectType: SchemaObjectType, relationType: SchemaObjectType? = nil, object: ObjectReference,
        newName: Identifier, ifExists: Bool = false, only: Bool = false, behavior: DropBehavior? = nil, span: SourceSpan
    ) {
        self.objectType = objectType
        self.relationType = relationType
        self.object = object
        self.newName = newName
        self.ifExists = ifExists
        self.only = only
        self.behavior = behavior
        self.span = span
    }

    public var kind: StatementKind { .rename }
    public var postgresNode: String { "RenameStmt" }
}

/// `ALTER type [IF EXISTS] object SET SCHEMA new_schema`.
public struct AlterObjectSchemaStatement: Hashable, Sendable {
    public var objectType: SchemaObjectType
    public var object: ObjectReference
    public var newSchema: Identifier
    public var ifExists: Bool
    public var span: SourceSpan

    public init(
        objectType: SchemaObjectType, object: ObjectReference, newSchema: Identifier, ifExists: Bool = false,
        span: SourceSpan
    ) {
        self.objectType = objectType
        self.object = object
        self.newSchema = newSchema
        self.ifExists = ifExists
        self.span = span
    }

    public var kind: StatementKind { .alterObjectSchema }
    public var postgresNode: String { "AlterObjectSchemaStmt" }
}
