/// A view or materialized view with its output columns and what it reads.
public struct View: Hashable, Sendable {

    // The fields live in one copy-on-write box (`CopyOnWrite`).
    private struct Fields: Hashable, Sendable {
        var key: ObjectKey
        var materialized: Bool
        var columns: [ViewColumn]
        var query: String
        var dependencies: [ObjectKey: Set<String>]
        var functionDependencies: Set<ObjectKey>
    }

    private var box: CopyOnWrite<Fields>

    public var key: ObjectKey {
        get { box.fields.key }
        _modify { yield &box.fields.key }
    }
    public var materialized: Bool {
        get { box.fields.materialized }
        _modify { yield &box.fields.materialized }
    }
    public var columns: [ViewColumn] {
        get { box.fields.columns }
        _modify { yield &box.fields.columns }
    }
    /// The defining query, as SQL text.
    public var query: String {
        get { box.fields.query }
        _modify { yield &box.fields.query }
    }
    /// Tables, views and their columns the query reads: a DROP or a column change
    /// of any of them is refused without CASCADE (PostgreSQL's `pg_depend`).
    public var dependencies: [ObjectKey: Set<String>] {
        get { box.fields.dependencies }
        _modify { yield &box.fields.dependencies }
    }
    /// Functions the query calls.
    public var functionDependencies: Set<ObjectKey> {
        get { box.fields.functionDependencies }
        _modify { yield &box.fields.functionDependencies }
    }

    public init(key: ObjectKey, materialized: Bool = false, columns: [ViewColumn], query: String) {
        box = CopyOnWrite(Fields(key: key, materialized: materialized, columns: columns, query: query, dependencies: [:], functionDependencies: []))
    }
}

public struct ViewColumn: Hashable, Sendable {
    public var name: String
    /// Unknown when the binder could not work it out from the query.
    public var type: ColumnType?
    public init(name: String, type: ColumnType?) {
        self.name = name
        self.type = type
    }
}

public struct Sequence: Hashable, Sendable {

    // The fields live in one copy-on-write box (`CopyOnWrite`).
    private struct Fields: Hashable, Sendable {
        var key: ObjectKey
        var dataType: ColumnType
        var ownedBy: ColumnReference?
        var increment: Int64
        var minValue: Int64?
        var maxValue: Int64?
        var start: Int64?
        var cycle: Bool
    }

    private var box: CopyOnWrite<Fields>

    public var key: ObjectKey {
        get { box.fields.key }
        _modify { yield &box.fields.key }
    }
    /// `smallint`, `integer` or `bigint`.
    public var dataType: ColumnType {
        get { box.fields.dataType }
        _modify { yield &box.fields.dataType }
    }
    /// `OWNED BY table.column`: dropped with the column.
    public var ownedBy: ColumnReference? {
        get { box.fields.ownedBy }
        _modify { yield &box.fields.ownedBy }
    }
    public var increment: Int64 {
        get { box.fields.increment }
        _modify { yield &box.fields.increment }
    }
    public var minValue: Int64? {
        get { box.fields.minValue }
        _modify { yield &box.fields.minValue }
    }
    public var maxValue: Int64? {
        get { box.fields.maxValue }
        _modify { yield &box.fields.maxValue }
    }
    public var start: Int64? {
        get { box.fields.start }
        _modify { yield &box.fields.start }
    }
    public var cycle: Bool {
        get { box.fields.cycle }
        _modify { yield &box.fields.cycle }
    }

    public init(key: ObjectKey, dataType: ColumnType = .bigint, ownedBy: ColumnReference? = nil) {
        box = CopyOnWrite(Fields(key: key, dataType: dataType, ownedBy: ownedBy, increment: 1, minValue: nil, maxValue: nil, start: nil, cycle: false))
    }
}

public struct ColumnReference: Hashable, Sendable, Comparable {
    public var table: ObjectKey
    public var column: String
    public init(table: ObjectKey, column: String) {
        self.table = table
        self.column = column
    }
    public static func < (lhs: ColumnReference, rhs: ColumnReference) -> Bool {
        (lhs.table, lhs.column) < (rhs.table, rhs.column)
    }
}

/// A user-defined type: enum, composite, domain, range or base/shell type.
public struct UserType: Hashable, Sendable {
    public enum Definition: Hashable, Sendable {
        /// Enum labels in their sort order.
        case enumeration([String])
        case composite([CompositeAttribute])
        case domain(Domain)
        case range(subtype: ColumnType)
        case base
    }
    public var key: ObjectKey
    public var definition: Definition
    /// The extension that created it (`citext`, `hstore`), if any; such objects
    /// belong to the extension and are not printed as part of the schema.
    public var extensionOwner: String?

    public init(key: ObjectKey, definition: Definition, extensionOwner: String? = nil) {
        self.key = key
        self.definition = definition
        self.extensionOwner = extensionOwner
    }

    public var kindName: String {
        switch definition {
        case .enumeration: return "enum"
        case .composite: return "composite"
        case .domain: return "domain"
        case .range: return "range"
        case .base: return "base"
        }
    }
}

public struct CompositeAttribute: Hashable, Sendable {
    public var name: String
    public var type: ColumnType
    public init(name: String, type: ColumnType) {
        self.name = name
        self.type = type
    }
}

public struct Domain: Hashable, Sendable {
    public var baseType: ColumnType
    public var notNull: Bool
    public var defaultValue: String?
    /// Named CHECK constraints with their expressions.
    public var checks: [String: String]
    public init(baseType: ColumnType, notNull: Bool = false, defaultValue: String? = nil, checks: [String: String] = [:]) {
        self.baseType = baseType
        self.notNull = notNull
        self.defaultValue = defaultValue
        self.checks = checks
    }
}

public struct Function: Hashable, Sendable {
    public var key: ObjectKey
    /// Input argument types, canonical spelling; this is the overload's identity.
    public var argumentTypes: [ColumnType]
    /// Declared names of the arguments (empty strings where unnamed).
    public var argumentNames: [String]
    /// The result type as text (`integer`, `trigger`, `SETOF record`, `TABLE(...)`); nil for procedures.
    public var returns: String?
    public var volatility: Volatility
    public var language: String
    public var isProcedure: Bool
    /// The extension that created it, if any.
    public var extensionOwner: String?

    public init(key: ObjectKey, argumentTypes: [ColumnType], argumentNames: [String] = [], returns: String?, volatility: Volatility = .volatile, language: String = "sql", isProcedure: Bool = false) {
        self.key = key
        self.argumentTypes = argumentTypes
        self.argumentNames = argumentNames
        self.returns = returns
        self.volatility = volatility
        self.language = language
        self.isProcedure = isProcedure
        self.extensionOwner = nil
    }

    /// `name(type, type)` as PostgreSQL prints a function's identity.
    public var signature: String {
        "\(key.name)(\(argumentTypes.map(\.sql).joined(separator: ", ")))"
    }
}

public struct Extension: Hashable, Sendable {
    public var name: String
    public var schema: String
    public var version: String?
    public init(name: String, schema: String, version: String? = nil) {
        self.name = name
        self.schema = schema
        self.version = version
    }
}
