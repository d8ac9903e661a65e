/// What an `ALTER TABLE`-shaped statement names after `ALTER`.
public enum AlteredRelationType: String, Hashable, Sendable {
    case table
    case index
    case view
    case materializedView = "materialized_view"
    case foreignTable = "foreign_table"
    /// `ALTER SEQUENCE ... OWNER TO` and friends, which PostgreSQL parses as ALTER TABLE.
    case sequence
    /// `ALTER TYPE ... ADD | DROP | ALTER ATTRIBUTE`, which PostgreSQL parses as ALTER TABLE.
    case type
}

/// `ALTER {TABLE | INDEX | VIEW | MATERIALIZED VIEW | FOREIGN TABLE} [IF EXISTS]
/// [ONLY] name action [, action ...]`, plus `ALTER ... ALL IN TABLESPACE` and
/// `ALTER INDEX ... [NO] DEPENDS ON EXTENSION`. Renames and `SET SCHEMA` are
/// `RenameStatement` and `AlterObjectSchemaStatement`.
///
/// PostgreSQL: https://www.postgresql.org/docs/current/sql-altertable.html
/// SQLite: https://www.sqlite.org/lang_altertable.html
public struct AlterTableStatement: Hashable, Sendable {
    public var objectType: AlteredRelationType
    /// The relation altered; for `ALL IN TABLESPACE`, the source tablespace.
    public var name: QualifiedName
    public var ifExists: Bool
    /// `ONLY name`: descendant tables are not altered.
    public var only: Bool
    public var actions: [AlterTableAction]
    /// Set for `ALTER ... ALL IN TABLESPACE ts [OWNED BY ...] SET TABLESPACE new [NOWAIT]`,
    /// whose `actions` then hold the single `.setTablespace`.
    public var allInTablespace: AllInTablespace?
    public var span: SourceSpan

    public init(
        objectType: AlteredRelationType = .table, name: QualifiedName, ifExists: Bool = false, only: Bool = false,
        actions: [AlterTableAction], allInTablespace: AllInTablespace? = nil, span: SourceSpan
    ) {
        self.objectType = objectType
        self.name = name
        self.ifExists = ifExists
        self.only = only
        self.actions = actions
        self.allInTablespace = allInTablespace
        self.span = span
    }

    public var kind: StatementKind {
        switch objectType {
        case .index: return .alterIndex
        case .view, .materializedView: return .alterView
        case .sequence: return .alterSequence
        case .type: return .alterType
        case .table, .foreignTable: return .alterTable
        }
    }

    public var postgresNode: String {
        if allInTablespace != nil { return "AlterTableMoveAllStmt" }
        if actions.count == 1, case .dependsOnExtension = actions[0] { return "AlterObjectDependsStmt" }
        return "AlterTableStmt"
    }
}

/// `ALL IN TABLESPACE ts [OWNED BY role, ...]`.
public struct AllInTablespace: Hashable, Sendable {
    public var tablespace: Identifier
    public var ownedBy: [Identifier]
    public var nowait: Bool
    public init(tablespace: Identifier, ownedBy: [Identifier] = [], nowait: Bool = false) {
        self.tablespace = tablespace
        self.ownedBy = ownedBy
        self.nowait = nowait
    }
}

/// One action of `ALTER TABLE`.
public enum AlterTableAction: Hashable, Sendable {
    /// `ADD [COLUMN] [IF NOT EXISTS] column_definition`.
    case addColumn(ColumnDefinition, ifNotExists: Bool)
    /// `DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]`.
    case dropColumn(Identifier, ifExists: Bool, behavior: DropBehavior?)
    /// `ALTER [COLUMN] name ...`. `ALTER INDEX` names a column by number, kept as its text.
    case alterColumn(Identifier, AlterColumnAction)
    /// `ADD table_constraint [NOT VALID]`.
    case addConstraint(ConstraintDefinition)
    /// `ALTER CONSTRAINT name [[NOT] DEFERRABLE] [INITIALLY ...] [[NOT] ENFORCED] [[NO] INHERIT]`.
    case alterConstraint(AlterConstraint)
    /// `VALIDATE CONSTRAINT name`.
    case validateConstraint(Identifier)
    /// `DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]`.
    case dropConstraint(Identifier, ifExists: Bool, behavior: DropBehavior?)
    /// `SET TABLESPACE ts [NOWAIT]`.
    case setTablespace(Identifier, nowait: Bool)
    /// `SET LOGGED` (true) / `SET UNLOGGED` (false).
    case setLogged(Bool)
    /// `SET ACCESS METHOD name`; nil for `DEFAULT`.
    case setAccessMethod(Identifier?)
    /// `SET (name = value, ...)`.
    case setOptions([OptionItem])
    /// `RESET (name, ...)`.
    case resetOptions([String])
    /// `SET WITHOUT CLUSTER`.
    case setWithoutCluster
    /// `SET WITHOUT OIDS` (a no-op kept for compatibility).
    case setWithoutOids
    /// `CLUSTER ON index`.
    case clusterOn(Identifier)
    /// `OWNER TO role`.
    case ownerTo(RoleSpec)
    /// `ENABLE [REPLICA | ALWAYS] TRIGGER t` / `DISABLE TRIGGER t`.
    case trigger(TriggerTarget, TriggerFiring)
    /// `ENABLE [REPLICA | ALWAYS] RULE r` / `DISABLE RULE r`.
    case rule(Identifier, TriggerFiring)
    /// `ENABLE | DISABLE | FORCE | NO FORCE ROW LEVEL SECURITY`.
    case rowLevelSecurity(RowLevelSecurityChange)
    /// `INHERIT parent`.
    case inherit(QualifiedName)
    /// `NO INHERIT parent`.
    case noInherit(QualifiedName)
    /// `OF type`.
    case of(QualifiedName)
    /// `NOT OF`.
    case notOf
    /// `ATTACH PARTITION name FOR VALUES ...`; `ALTER INDEX` attaches with no bound.
    case attachPartition(QualifiedName, bound: PartitionBound?)
    /// `DETACH PARTITION name [CONCURRENTLY | FINALIZE]`.
    case detachPartition(QualifiedName, mode: DetachMode)
    /// `REPLICA IDENTITY DEFAULT | FULL | NOTHING | USING INDEX name`.
    case replicaIdentity(ReplicaIdentity)
    /// `[NO] DEPENDS ON EXTENSION name` (PostgreSQL's AlterObjectDependsStmt).
    case dependsOnExtension(Identifier, remove: Bool)
    /// `OPTIONS ([ADD | SET | DROP] name ['value'], ...)` of a foreign table.
    case foreignOptions([ForeignOptionChange])
}

/// What `ALTER [COLUMN] name ...` does.
public enum AlterColumnAction: Hashable, Sendable {
    /// `[SET DATA] TYPE type [COLLATE c] [USING expr]`.
    case setDataType(TypeName, collation: QualifiedName?, using: Expr?)
    /// `SET DEFAULT expr`.
    case setDefault(Expr)
    case dropDefault
    case setNotNull
    case dropNotNull
    /// `SET EXPRESSION AS (expr)` of a generated column.
    case setExpression(Expr)
    /// `DROP EXPRESSION [IF EXISTS]`: the generated column becomes a plain one.
    case dropExpression(ifExists: Bool)
    /// `ADD GENERATED ALWAYS | BY DEFAULT AS IDENTITY [(options)]`.
    case addIdentity(always: Bool, options: [SequenceOption])
    /// `SET GENERATED ALWAYS | BY DEFAULT` (`generatedAlways`, nil when not written),
    /// `SET INCREMENT BY ...`, `RESTART [WITH n]` (`options`), in any number and order.
    case setIdentity(generatedAlways: Bool?, options: [SequenceOption])
    /// `DROP IDENTITY [IF EXISTS]`.
    case dropIdentity(ifExists: Bool)
    /// `SET STATISTICS n`; nil for `DEFAULT`.
    case setStatistics(Int?)
    /// `SET (n_distinct = ...)`.
    case setOptions([OptionItem])
    /// `RESET (n_distinct, ...)`.
    case resetOptions([String])
    /// `SET STORAGE PLAIN | EXTERNAL | EXTENDED | MAIN | DEFAULT`, lower case.
    case setStorage(String)
    /// `SET COMPRESSION method | DEFAULT`, lower case.
    case setCompression(String)
    /// `OPTIONS (...)` of a foreign-table column.
    case foreignOptions([ForeignOptionChange])
}

/// `ALTER CONSTRAINT name` and the attributes it changes (nil: unchanged).
public struct AlterConstraint: Hashable, Sendable {
    public var name: Identifier
    public var deferrable: Bool?
    public var initiallyDeferred: Bool?
    public var enforced: Bool?
    /// `INHERIT` (true) / `NO INHERIT` (false), PostgreSQL 18.
    public var inherit: Bool?

    public init(
        name: Identifier, deferrable: Bool? = nil, initiallyDeferred: Bool? = nil, enforced: Bool? = nil,
        inherit: Bool? = nil
    ) {
        self.name = name
        self.deferrable = deferrable
        self.initiallyDeferred = initiallyDeferred
        self.enforced = enforced
        self.inherit = inherit
    }
}

/// Which triggers an `ENABLE | DISABLE TRIGGER` applies to.
public enum TriggerTarget: Hashable, Sendable {
    case named(Identifier)
    /// `ALL`: internal (constraint) triggers included.
    case all
    /// `USER`: every trigger but the internal ones.
    case user
}

/// When an enabled trigger or rule fires; `.disabled` for DISABLE.
public enum TriggerFiring: String, Hashable, Sendable {
    /// `ENABLE`: fires in origin and local sessions.
    case origin
    case replica
    case always
    case disabled
}

public enum RowLevelSecurityChange: String, Hashable, Sendable {
    case enable, disable, force
    case noForce = "no_force"
}

public enum DetachMode: String, Hashable, Sendable {
    case normal, concurrently, finalize
}

public enum ReplicaIdentity: Hashable, Sendable {
    case `default`, full, nothing
    case usingIndex(Identifier)
}

/// One entry of a foreign object's `OPTIONS (...)` list.
public struct ForeignOptionChange: Hashable, Sendable {
    public enum Operation: String, Hashable, Sendable { case add, set, drop }
    public var operation: Operation
    public var name: String
    /// The string value; nil for DROP.
    public var value: String?

    public init(operation: Operation, name: String, value: String?) {
        self.operation = operation
        self.name = name
        self.value = value
    }
}
