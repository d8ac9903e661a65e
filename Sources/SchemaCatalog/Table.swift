import SQLSyntax

/// A table (plain, partitioned, a partition, or foreign) with everything hung on it.
public struct Table: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case table
        /// `PARTITION BY` parent.
        case partitioned
        case foreign
    }

    // The fields live in one copy-on-write box (`CopyOnWrite`).
    private struct Fields: Hashable, Sendable {
        var key: ObjectKey
        var kind: Kind
        var persistence: TablePersistence
        var columns: [Column]
        var constraints: [Constraint]
        var partitionOf: ObjectKey?
        var inherits: [ObjectKey]
        var triggers: [Trigger]
        var policies: [Policy]
        var rowLevelSecurity: Bool
        var withoutRowid: Bool
        var strict: Bool
    }

    private var box: CopyOnWrite<Fields>

    /// Whether `other` is this very table, not a copy changed since: equal without comparing.
    public func isIdentical(to other: Table) -> Bool { box.isIdentical(to: other.box) }

    public var key: ObjectKey {
        get { box.fields.key }
        _modify { yield &box.fields.key }
    }
    public var kind: Kind {
        get { box.fields.kind }
        _modify { yield &box.fields.kind }
    }
    public var persistence: TablePersistence {
        get { box.fields.persistence }
        _modify { yield &box.fields.persistence }
    }
    public var columns: [Column] {
        get { box.fields.columns }
        _modify { yield &box.fields.columns }
    }
    public var constraints: [Constraint] {
        get { box.fields.constraints }
        _modify { yield &box.fields.constraints }
    }
    /// The parent when this table is a partition (`PARTITION OF` / `ATTACH PARTITION`).
    public var partitionOf: ObjectKey? {
        get { box.fields.partitionOf }
        _modify { yield &box.fields.partitionOf }
    }
    /// `INHERITS (...)` parents, in order.
    public var inherits: [ObjectKey] {
        get { box.fields.inherits }
        _modify { yield &box.fields.inherits }
    }
    public var triggers: [Trigger] {
        get { box.fields.triggers }
        _modify { yield &box.fields.triggers }
    }
    public var policies: [Policy] {
        get { box.fields.policies }
        _modify { yield &box.fields.policies }
    }
    public var rowLevelSecurity: Bool {
        get { box.fields.rowLevelSecurity }
        _modify { yield &box.fields.rowLevelSecurity }
    }
    /// SQLite `WITHOUT ROWID` / `STRICT`.
    public var withoutRowid: Bool {
        get { box.fields.withoutRowid }
        _modify { yield &box.fields.withoutRowid }
    }
    public var strict: Bool {
        get { box.fields.strict }
        _modify { yield &box.fields.strict }
    }

    public init(key: ObjectKey, kind: Kind = .table, persistence: TablePersistence = .permanent, columns: [Column] = []) {
        box = CopyOnWrite(Fields(key: key, kind: kind, persistence: persistence, columns: columns, constraints: [], partitionOf: nil, inherits: [], triggers: [], policies: [], rowLevelSecurity: false, withoutRowid: false, strict: false))
    }

    public func column(_ name: String) -> Column? {
        columns.first { $0.name == name }
    }

    public func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    public func constraint(_ name: String) -> Constraint? {
        constraints.first { $0.name == name }
    }

    /// The primary key, if the table has one.
    public var primaryKey: Constraint? {
        constraints.first { $0.kind == .primaryKey }
    }
}

/// A column as PostgreSQL's `pg_attribute` describes it.
public struct Column: Hashable, Sendable {
    // The fields live in one copy-on-write box (`CopyOnWrite`): the catalog
    // copies columns and constraints whole on every walk over a table.
    private struct Fields: Hashable, Sendable {
        var name: String
        var type: ColumnType
        var notNull: Bool
        var defaultValue: DefaultValue?
        var identity: Identity?
        var generated: GeneratedColumn?
        var collation: String?
    }

    private var box: CopyOnWrite<Fields>

    /// Whether `other` is this very value, not a copy changed since: equal without comparing.
    public func isIdentical(to other: Column) -> Bool { box.isIdentical(to: other.box) }

    public var name: String {
        get { box.fields.name }
        _modify { yield &box.fields.name }
    }
    public var type: ColumnType {
        get { box.fields.type }
        _modify { yield &box.fields.type }
    }
    public var notNull: Bool {
        get { box.fields.notNull }
        _modify { yield &box.fields.notNull }
    }
    /// The default expression, as SQL text; nil when there is none.
    public var defaultValue: DefaultValue? {
        get { box.fields.defaultValue }
        _modify { yield &box.fields.defaultValue }
    }
    public var identity: Identity? {
        get { box.fields.identity }
        _modify { yield &box.fields.identity }
    }
    /// `GENERATED ALWAYS AS (expr) STORED | VIRTUAL`: the expression text.
    public var generated: GeneratedColumn? {
        get { box.fields.generated }
        _modify { yield &box.fields.generated }
    }
    public var collation: String? {
        get { box.fields.collation }
        _modify { yield &box.fields.collation }
    }

    public init(name: String, type: ColumnType, notNull: Bool = false, defaultValue: DefaultValue? = nil) {
        box = CopyOnWrite(Fields(name: name, type: type, notNull: notNull, defaultValue: defaultValue, identity: nil, generated: nil, collation: nil))
    }

    public enum Identity: String, Hashable, Sendable {
        case always
        case byDefault = "by default"
    }

    /// Whether an INSERT that leaves this column out still succeeds.
    public var isFilledWhenOmitted: Bool {
        !notNull || defaultValue != nil || identity != nil || generated != nil
    }
}

public struct DefaultValue: Hashable, Sendable {
    /// The expression as written (or as the server printed it when introspected).
    public var sql: String
    public var volatility: Volatility
    /// A sequence the default draws from (`nextval('seq')`), for serial and identity columns.
    public var sequence: ObjectKey?

    public init(sql: String, volatility: Volatility, sequence: ObjectKey? = nil) {
        self.sql = sql
        self.volatility = volatility
        self.sequence = sequence
    }
}

public struct GeneratedColumn: Hashable, Sendable {
    public var sql: String
    public var stored: Bool
    public init(sql: String, stored: Bool) {
        self.sql = sql
        self.stored = stored
    }
}

/// `IMMUTABLE`, `STABLE` or `VOLATILE`, as in `pg_proc.provolatile`.
public enum Volatility: String, Hashable, Sendable, Comparable {
    case immutable, stable, volatile

    private var rank: Int {
        switch self {
        case .immutable: return 0
        case .stable: return 1
        case .volatile: return 2
        }
    }

    public static func < (lhs: Volatility, rhs: Volatility) -> Bool { lhs.rank < rhs.rank }
}

/// A table constraint (`pg_constraint`), NOT NULL excluded (it lives on the column).
public struct Constraint: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case primaryKey = "primary_key"
        case unique
        case check
        case foreignKey = "foreign_key"
        case exclusion
    }

    // The fields live in one copy-on-write box (`CopyOnWrite`): the catalog
    // copies columns and constraints whole on every walk over a table.
    private struct Fields: Hashable, Sendable {
        var name: String
        var kind: Kind
        var columns: [String]
        var expression: String?
        var foreignKey: ForeignKey?
        var validated: Bool
        var deferrable: Bool
        var initiallyDeferred: Bool
        var index: String?
        var nullsNotDistinct: Bool
        var noInherit: Bool
        var implicitName: Bool
        var writtenOnColumn: String?
    }

    private var box: CopyOnWrite<Fields>

    /// Whether `other` is this very value, not a copy changed since: equal without comparing.
    public func isIdentical(to other: Constraint) -> Bool { box.isIdentical(to: other.box) }

    public var name: String {
        get { box.fields.name }
        _modify { yield &box.fields.name }
    }
    public var kind: Kind {
        get { box.fields.kind }
        _modify { yield &box.fields.kind }
    }
    /// Key columns (PRIMARY KEY, UNIQUE, FOREIGN KEY, EXCLUDE); columns named by a CHECK.
    public var columns: [String] {
        get { box.fields.columns }
        _modify { yield &box.fields.columns }
    }
    /// `CHECK (...)` expression or EXCLUDE elements, as SQL text.
    public var expression: String? {
        get { box.fields.expression }
        _modify { yield &box.fields.expression }
    }
    public var foreignKey: ForeignKey? {
        get { box.fields.foreignKey }
        _modify { yield &box.fields.foreignKey }
    }
    /// False after `NOT VALID` until `VALIDATE CONSTRAINT`.
    public var validated: Bool {
        get { box.fields.validated }
        _modify { yield &box.fields.validated }
    }
    public var deferrable: Bool {
        get { box.fields.deferrable }
        _modify { yield &box.fields.deferrable }
    }
    public var initiallyDeferred: Bool {
        get { box.fields.initiallyDeferred }
        _modify { yield &box.fields.initiallyDeferred }
    }
    /// The index that enforces a PRIMARY KEY, UNIQUE or EXCLUDE constraint.
    public var index: String? {
        get { box.fields.index }
        _modify { yield &box.fields.index }
    }
    /// `UNIQUE NULLS NOT DISTINCT` (PostgreSQL 15+).
    public var nullsNotDistinct: Bool {
        get { box.fields.nullsNotDistinct }
        _modify { yield &box.fields.nullsNotDistinct }
    }
    /// `NO INHERIT` on a CHECK.
    public var noInherit: Bool {
        get { box.fields.noInherit }
        _modify { yield &box.fields.noInherit }
    }
    /// SQLite: the DDL gave no name, so the name is derived from the table and
    /// derived again when the table changes (`Table.nameImplicitConstraints`).
    /// Always false for PostgreSQL, whose chosen names are fixed at creation.
    public var implicitName: Bool {
        get { box.fields.implicitName }
        _modify { yield &box.fields.implicitName }
    }
    /// SQLite: the column a column constraint is written on (`b INT CHECK (b > 0)`);
    /// nil for a table constraint (and for PostgreSQL). SQLite's DROP COLUMN takes
    /// the column's own constraints with it and refuses when a table constraint
    /// names the column.
    public var writtenOnColumn: String? {
        get { box.fields.writtenOnColumn }
        _modify { yield &box.fields.writtenOnColumn }
    }

    public init(name: String, kind: Kind, columns: [String] = [], expression: String? = nil, foreignKey: ForeignKey? = nil, validated: Bool = true) {
        box = CopyOnWrite(Fields(name: name, kind: kind, columns: columns, expression: expression, foreignKey: foreignKey, validated: validated, deferrable: false, initiallyDeferred: false, index: nil, nullsNotDistinct: false, noInherit: false, implicitName: false, writtenOnColumn: nil))
    }
}

public struct ForeignKey: Hashable, Sendable {
    public var table: ObjectKey
    /// The referenced columns. Empty when the DDL named none in a dialect that
    /// resolves the target's primary key only when rows are checked (SQLite's
    /// `foreign_key_list.to` is NULL); PostgreSQL resolves it at creation.
    public var columns: [String]
    public var onDelete: ForeignKeyAction
    public var onUpdate: ForeignKeyAction
    public var match: String?

    public init(table: ObjectKey, columns: [String], onDelete: ForeignKeyAction = .noAction, onUpdate: ForeignKeyAction = .noAction, match: String? = nil) {
        self.table = table
        self.columns = columns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.match = match
    }
}

public enum ForeignKeyAction: String, Hashable, Sendable {
    case noAction = "no action"
    case restrict
    case cascade
    case setNull = "set null"
    case setDefault = "set default"
}

/// An index (`pg_index`), whether made by CREATE INDEX or by a constraint.
public struct Index: Hashable, Sendable {

    // The fields live in one copy-on-write box (`CopyOnWrite`).
    private struct Fields: Hashable, Sendable {
        var key: ObjectKey
        var table: ObjectKey
        var unique: Bool
        var method: String
        var keys: [IndexPart]
        var include: [String]
        var predicate: String?
        var valid: Bool
        var constraint: String?
        var nullsNotDistinct: Bool
    }

    private var box: CopyOnWrite<Fields>

    public var key: ObjectKey {
        get { box.fields.key }
        _modify { yield &box.fields.key }
    }
    public var table: ObjectKey {
        get { box.fields.table }
        _modify { yield &box.fields.table }
    }
    public var unique: Bool {
        get { box.fields.unique }
        _modify { yield &box.fields.unique }
    }
    /// `btree`, `gin`, `gist`, ...
    public var method: String {
        get { box.fields.method }
        _modify { yield &box.fields.method }
    }
    public var keys: [IndexPart] {
        get { box.fields.keys }
        _modify { yield &box.fields.keys }
    }
    public var include: [String] {
        get { box.fields.include }
        _modify { yield &box.fields.include }
    }
    /// The partial-index predicate, as SQL text.
    public var predicate: String? {
        get { box.fields.predicate }
        _modify { yield &box.fields.predicate }
    }
    /// False while a CONCURRENTLY build has failed or not finished (`indisvalid`).
    public var valid: Bool {
        get { box.fields.valid }
        _modify { yield &box.fields.valid }
    }
    /// The constraint this index enforces, if any.
    public var constraint: String? {
        get { box.fields.constraint }
        _modify { yield &box.fields.constraint }
    }
    public var nullsNotDistinct: Bool {
        get { box.fields.nullsNotDistinct }
        _modify { yield &box.fields.nullsNotDistinct }
    }

    public init(key: ObjectKey, table: ObjectKey, unique: Bool = false, method: String = "btree", keys: [IndexPart]) {
        box = CopyOnWrite(Fields(key: key, table: table, unique: unique, method: method, keys: keys, include: [], predicate: nil, valid: true, constraint: nil, nullsNotDistinct: false))
    }

    public var name: String { key.name }

    /// Plain column names of the key, when every key part is a column.
    public var columnNames: [String]? {
        var names: [String] = []
        for k in keys {
            guard case .column(let name) = k else { return nil }
            names.append(name)
        }
        return names
    }
}

public enum IndexPart: Hashable, Sendable {
    case column(String)
    /// An expression key, as SQL text, with the columns it reads.
    case expression(String, columns: [String])

    /// Columns this key reads.
    public var columns: [String] {
        switch self {
        case .column(let name): return [name]
        case .expression(_, let columns): return columns
        }
    }
}

public struct Trigger: Hashable, Sendable {
    public var name: String
    /// The function it runs (PostgreSQL) — nil for SQLite triggers with inline bodies.
    public var function: ObjectKey?
    public var timing: String
    public var events: [String]
    public var forEachRow: Bool
    public init(name: String, function: ObjectKey?, timing: String, events: [String], forEachRow: Bool) {
        self.name = name
        self.function = function
        self.timing = timing
        self.events = events
        self.forEachRow = forEachRow
    }
}

public struct Policy: Hashable, Sendable {
    public var name: String
    public var command: String
    public var permissive: Bool
    public var roles: [String]
    public var using: String?
    public var withCheck: String?
    public init(name: String, command: String = "all", permissive: Bool = true, roles: [String] = [], using: String? = nil, withCheck: String? = nil) {
        self.name = name
        self.command = command
        self.permissive = permissive
        self.roles = roles
        self.using = using
        self.withCheck = withCheck
    }
}
