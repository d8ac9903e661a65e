// User-defined types (CREATE / ALTER TYPE) and domains (CREATE / ALTER DOMAIN).

/// One attribute of a composite type: `name type [COLLATE collation]`.
public struct TypeAttribute: Hashable, Sendable {
    public var name: Identifier
    public var type: TypeName
    public var collation: QualifiedName?
    public var span: SourceSpan

    public init(name: Identifier, type: TypeName, collation: QualifiedName? = nil, span: SourceSpan = .zero) {
        self.name = name
        self.type = type
        self.collation = collation
        self.span = span
    }
}

/// `CREATE TYPE name ...` in each of its forms.
public struct CreateTypeStatement: Hashable, Sendable {
    public enum Definition: Hashable, Sendable {
        /// `AS ENUM ('a', 'b')` (`CreateEnumStmt`).
        case enumeration([String])
        /// `AS (a int, b text)` (`CompositeTypeStmt`).
        case composite([TypeAttribute])
        /// `AS RANGE (SUBTYPE = float8, ...)` (`CreateRangeStmt`).
        case range([OptionItem])
        /// `(INPUT = f, OUTPUT = g, ...)`: a base type (`DefineStmt`).
        case base([OptionItem])
        /// `CREATE TYPE name`: a shell type to be defined later (`DefineStmt`).
        case shell
    }

    public var name: QualifiedName
    public var definition: Definition
    public var span: SourceSpan

    public init(name: QualifiedName, definition: Definition, span: SourceSpan) {
        self.name = name
        self.definition = definition
        self.span = span
    }

    public var kind: StatementKind { .createType }
    public var postgresNode: String {
        switch definition {
        case .enumeration: return "CreateEnumStmt"
        case .composite: return "CompositeTypeStmt"
        case .range: return "CreateRangeStmt"
        case .base, .shell: return "DefineStmt"
        }
    }

    /// The labels of an enum type; empty for other types.
    public var enumValues: [String] {
        if case .enumeration(let values) = definition { return values }
        return []
    }
}

/// One change to a composite type's attributes (`ALTER TYPE ... ADD | DROP | ALTER ATTRIBUTE`).
public enum TypeAttributeAction: Hashable, Sendable {
    case add(TypeAttribute, behavior: DropBehavior?)
    case drop(Identifier, ifExists: Bool, behavior: DropBehavior?)
    /// `ALTER ATTRIBUTE name [SET DATA] TYPE type [COLLATE c]`.
    case alterType(Identifier, type: TypeName, collation: QualifiedName?, behavior: DropBehavior?)
}

/// `ALTER TYPE name ...` other than `RENAME TO`, `RENAME ATTRIBUTE` and `SET SCHEMA`.
public struct AlterTypeStatement: Hashable, Sendable {
    /// Where `ADD VALUE` puts the new label.
    public enum ValuePosition: Hashable, Sendable {
        case before(String)
        case after(String)
    }

    public enum Action: Hashable, Sendable {
        /// `ADD VALUE [IF NOT EXISTS] 'v' [BEFORE | AFTER 'w']` (`AlterEnumStmt`).
        case addValue(String, ifNotExists: Bool, position: ValuePosition?)
        /// `RENAME VALUE 'a' TO 'b'` (`AlterEnumStmt`).
        case renameValue(from: String, to: String)
        /// `ADD | DROP | ALTER ATTRIBUTE ...` (`AlterTableStmt`).
        case attributes([TypeAttributeAction])
        /// `OWNER TO role` (`AlterOwnerStmt`).
        case owner(RoleSpec)
        /// `SET (property = value, ...)` (`AlterTypeStmt`).
        case setOptions([OptionItem])
    }

    public var name: QualifiedName
    public var action: Action
    public var span: SourceSpan

    public init(name: QualifiedName, action: Action, span: SourceSpan) {
        self.name = name
        self.action = action
        self.span = span
    }

    public var kind: StatementKind {
        if case .owner = action { return .alterOwner }
        return .alterType
    }

    public var postgresNode: String {
        switch action {
        case .addValue, .renameValue: return "AlterEnumStmt"
        case .attributes: return "AlterTableStmt"
        case .owner: return "AlterOwnerStmt"
        case .setOptions: return "AlterTypeStmt"
        }
    }
}

// MARK: Domains

/// A constraint on a domain: `[CONSTRAINT name] NOT NULL | NULL | CHECK (expr)`.
public struct DomainConstraint: Hashable, Sendable {
    public enum Body: Hashable, Sendable {
        case notNull
        case null
        case check(Expr)
    }

    public var name: Identifier?
    public var body: Body
    /// `NOT VALID` (only in `ALTER DOMAIN ... ADD`).
    public var notValid: Bool
    public var span: SourceSpan

    public init(name: Identifier? = nil, body: Body, notValid: Bool = false, span: SourceSpan = .zero) {
        self.name = name
        self.body = body
        self.notValid = notValid
        self.span = span
    }
}

/// `CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT expr] [constraints]`.
public struct CreateDomainStatement: Hashable, Sendable {
    public var name: QualifiedName
    public var type: TypeName
    public var collation: QualifiedName?
    public var defaultValue: Expr?
    public var constraints: [DomainConstraint]
    public var span: SourceSpan

    public init(
        name: QualifiedName, type: TypeName, collation: QualifiedName? = nil, defaultValue: Expr? = nil,
        constraints: [DomainConstraint] = [], span: SourceSpan
    ) {
        self.name = name
        self.type = type
        self.collation = collation
        self.defaultValue = defaultValue
        self.constraints = constraints
        self.span = span
    }

    public var kind: StatementKind { .createDomain }
    public var postgresNode: String { "CreateDomainStmt" }
}

/// `ALTER DOMAIN name ...` other than the `RENAME` and `SET SCHEMA` forms.
public struct AlterDomainStatement: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// `SET DEFAULT expr`, or `DROP DEFAULT` (nil).
        case setDefault(Expr?)
        /// `SET NOT NULL` (true) or `DROP NOT NULL` (false).
        case setNotNull(Bool)
        /// `ADD constraint [NOT VALID]`.
        case addConstraint(DomainConstraint)
        /// `DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]`.
        case dropConstraint(Identifier, ifExists: Bool, behavior: DropBehavior?)
        /// `VALIDATE CONSTRAINT name`.
        case validateConstraint(Identifier)
        /// `OWNER TO role` (`AlterOwnerStmt`).
        case owner(RoleSpec)
    }

    public var name: QualifiedName
    public var action: Action
    public var span: SourceSpan

    public init(name: QualifiedName, action: Action, span: SourceSpan) {
        self.name = name
        self.action = action
        self.span = span
    }

    public var kind: StatementKind {
        if case .owner = action { return .alterOwner }
        return .alterDomain
    }

    public var postgresNode: String {
        if case .owner = action { return "AlterOwnerStmt" }
        return "AlterDomainStmt"
    }
}
