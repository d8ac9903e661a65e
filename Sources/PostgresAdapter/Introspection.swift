import SQLSyntax
import SchemaCatalog

/// Reads a live database's schema from `pg_catalog` into the same `Catalog` value
/// that DDL replay builds. Read-only: the catalog is read inside a `READ ONLY`
/// transaction, which the server itself keeps from writing anything.
///
/// ```swift
/// let conn = try PostgresConnection(url: url)
/// let catalog = try introspect(conn)
/// ```
public func introspect(_ conn: PostgresConnection) throws(PostgresError) -> Catalog {
    try Introspector().introspect(conn).catalog
}

/// A column (or attribute, or argument) whose `ColumnType.sql` differs from what the
/// server's `format_type()` prints for it: a gap in the type model or in the decoding.
public struct TypeSpellingMismatch: Hashable, Sendable, CustomStringConvertible {
    /// `schema.relation.column`, `schema.domain`, `schema.function(argument 1)`.
    public var object: String
    /// What `format_type(oid, typmod)` prints.
    public var formatType: String
    /// What the model prints.
    public var modelSQL: String

    public var description: String { "\(object): format_type gives \(formatType), ColumnType.sql gives \(modelSQL)" }
}

/// What introspection found, with the checks it made on the way.
public struct IntrospectionResult: Sendable {
    public var catalog: Catalog
    /// Every type whose model spelling differs from `format_type()`; empty when the
    /// model reproduces the server exactly.
    public var typeSpellingMismatches: [TypeSpellingMismatch]
}

/// Reads `pg_catalog` into a `Catalog`.
///
/// What is read, and the conventions used where the model leaves a choice:
/// - Schemas other than `pg_catalog`, `information_schema`, `pg_toast*` and `pg_temp*`.
/// - Objects that belong to an extension (`pg_depend.deptype = 'e'`): relations
///   (tables, views, sequences, indexes) are left out; types and functions are kept
///   with `extensionOwner` set (columns and queries use them: a `citext` column
///   needs the `citext` type to resolve), unless `includeExtensionMembers` is false.
///   Functions a type made for itself (range constructors) are left out.
/// - Expressions (defaults, CHECKs, predicates, policies) are the server's
///   deparsed text (`pg_get_expr` / `pg_get_constraintdef` with pretty-printing),
///   which differs in spelling from the text a migration wrote. A CHECK keeps
///   only its expression (no `CHECK (...)`, `NO INHERIT` or `NOT VALID`); an
///   EXCLUDE keeps its whole definition (`EXCLUDE USING gist (r WITH &&)`), as replay does.
/// - Type spellings are computed with `search_path = pg_catalog, public`, the
///   convention of `ColumnType.sql`; `Catalog.searchPath` is the session's own
///   (`current_schemas(false)`).
/// - A default's volatility follows `NodeTree.volatility`; identity columns have no
///   default (their sequence is found through `Sequence.ownedBy`).
/// - FOREIGN KEY `match` is nil for the default MATCH SIMPLE, else `full` / `partial`.
/// - Trigger timing and events use the parser's words: `before`, `after`,
///   `instead_of`; `insert`, `delete`, `update`, `truncate` (in PostgreSQL's order).
/// - Objects are listed in creation order (by OID) where the model keeps an order.
public struct Introspector: Sendable {
    /// Whether types and functions owned by an extension are listed (with
    /// `extensionOwner` set) or left out.
    public var includeExtensionMembers: Bool

    public init(includeExtensionMembers: Bool = true) {
        self.includeExtensionMembers = includeExtensionMembers
    }

    /// Reads the database `conn` is connected to. The connection must be idle (not
    /// inside a transaction block); it is left idle, with its settings unchanged.
    public func introspect(_ conn: PostgresConnection) throws(PostgresError) -> IntrospectionResult {
        guard conn.transactionStatus == .idle else {
            throw .invalidState("introspection needs a connection that is not inside a transaction block")
        }
        try conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let searchPath = try conn.query("SELECT current_schemas(false) AS path").namedRows.first?.strings("path") ?? []
            // SET LOCAL ends with the transaction; nothing outlives the call.
            try conn.execute("SET LOCAL search_path = pg_catalog, public; SET LOCAL lock_timeout = '10s'")
            var run = try IntrospectionRun(conn, includeExtensionMembers: includeExtensionMembers)
            if !searchPath.isEmpty { run.catalog.searchPath = searchPath }
            try run.readAll()
            try conn.execute("COMMIT")
            return IntrospectionResult(catalog: run.catalog, typeSpellingMismatches: run.mismatches)
        } catch {
            _ = try? conn.execute("ROLLBACK")
            throw error
        }
    }
}

/// One pass over `pg_catalog`, holding the lookups the steps share.
struct IntrospectionRun {
    let conn: PostgresConnection
    let version: Int
    let types: TypeResolver
    let includeExtensionMembers: Bool
    var catalog: Catalog
    var mismatches: [TypeSpellingMismatch] = []

    struct Relation {
        var key: ObjectKey
        /// `pg_class.relkind`: r, p, f, v, m, S, i, I, c.
        var kind: String
    }
    /// Every relation in a user schema that no extension owns, by OID.
    var relations: [UInt32: Relation] = [:]
    /// Columns (or attributes) of those relations in attnum order.
    var columns: [UInt32: [(number: Int, column: Column)]] = [:]

    init(_ conn: PostgresConnection, includeExtensionMembers: Bool) throws(PostgresError) {
        self.conn = conn
        self.includeExtensionMembers = includeExtensionMembers
        version = conn.serverMajorVersion
        guard version >= 10 else {
            throw .unexpectedResult("PostgreSQL \(version) is older than 10, the oldest version switchgate reads")
        }
        types = try TypeResolver(conn)
        catalog = Catalog(dialect: Dialect(kind: .postgres, postgresVersion: version))
    }

    mutating func readAll() throws(PostgresError) {
        try readSchemas()
        try readRelations()
        try readColumns()
        try readTables()
        try readConstraints()
        try readInheritance()
        try readTriggers()
        try readPolicies()
        try readIndexes()
        try readViews()
        try readSequences()
        try readTypes()
        try readFunctions()
        try readExtensions()
    }

    // MARK: - Shared SQL

    /// Keeps namespaces `n` that hold user objects.
    static let userSchema = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'"

    /// A query for the name of the extension that owns an object, if any.
    static func owningExtension(_ catalog: String, _ oid: String) -> String {
        """
        SELECT x.extname FROM pg_depend e JOIN pg_extension x ON x.oid = e.refobjid
        WHERE e.classid = '\(catalog)'::regclass AND e.objid = \(oid) AND e.deptype = 'e'
          AND e.refclassid = 'pg_extension'::regclass
        LIMIT 1
        """
    }

    /// Drops objects an extension owns (`catalog` is the system catalog holding them).
    static func notFromExtension(_ catalog: String, _ oid: String) -> String {
        "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '\(catalog)'::regclass AND e.objid = \(oid) AND e.deptype = 'e')"
    }

    func rows(_ sql: String) throws(PostgresError) -> [Row] {
        try conn.query(sql).namedRows
    }

    /// Builds a type and records it when its spelling differs from the server's.
    mutating func columnType(oid: UInt32, typmod: Int, formatted: String, object: @autoclosure () -> String)
        throws(PostgresError) -> ColumnType
    {
        let type = try types.columnType(oid: oid, typmod: typmod, formatted: formatted)
        if type.sql != formatted {
            mismatches.append(TypeSpellingMismatch(object: object(), formatType: formatted, modelSQL: type.sql))
        }
        return type
    }

    // MARK: - Schemas and relations

    mutating func readSchemas() throws(PostgresError) {
        catalog.schemas = [:]
        for row in try rows(
            """
            SELECT n.nspname, pg_get_userbyid(n.nspowner) AS owner
            FROM pg_namespace n
            WHERE \(Self.userSchema) AND \(Self.notFromExtension("pg_namespace", "n.oid"))
            """)
        {
            let name = try row.string("nspname")
            catalog.schemas[name] = SchemaInfo(name: name, owner: row["owner"])
        }
    }

    mutating func readRelations() throws(PostgresError) {
        for row in try rows(
            """
            SELECT c.oid, n.nspname, c.relname, c.relkind
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I', 'c') AND \(Self.userSchema)
              AND \(Self.notFromExtension("pg_class", "c.oid"))
            """)
        {
            let key = ObjectKey(try row.string("nspname"), try row.string("relname"))
            relations[try row.oid("oid")] = Relation(key: key, kind: try row.string("relkind"))
        }
    }

    /// The name of column `number` of relation `oid`, when it is a user column.
    func columnName(_ oid: UInt32, _ number: Int) -> String? {
        columns[oid]?.first { $0.number == number }?.column.name
    }

    func relationKey(_ row: Row, _ column: String) throws(PostgresError) -> ObjectKey? {
        relations[try row.oid(column)]?.key
    }
}
