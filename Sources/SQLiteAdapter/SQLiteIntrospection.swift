import SQLSyntax
import SchemaCatalog

/// Reads a live SQLite database's `main` schema into the same `Catalog` value that
/// DDL replay builds (`Catalog(dialect: .sqlite)`, schema `main`).
///
/// Sources: `sqlite_schema` (type, name, tbl_name, sql) for the list of objects;
/// `PRAGMA table_xinfo` (`table_info` before SQLite 3.26), `index_list`,
/// `index_xinfo`, `foreign_key_list` and `table_list` (3.37 and later) for what
/// they report; the stored CREATE text, parsed, for what no PRAGMA reports (CHECK
/// constraints, constraint names, expressions, predicates, trigger timing).
///
/// Naming, since SQLite names no constraint unless the DDL does:
/// - an index keeps its SQLite name, so UNIQUE and non-rowid PRIMARY KEY indexes are
///   `sqlite_autoindex_<table>_<N>`; an `INTEGER PRIMARY KEY` (rowid alias) has no index;
/// - a constraint keeps the name written with `CONSTRAINT name`; an unnamed one is
///   named from its table alone, as replay names it (`Table.nameImplicitConstraints`):
///   after its autoindex for PRIMARY KEY and UNIQUE, else `<table>_pkey`,
///   `<table>_<cols>_fkey`, `<table>_<col>_check` / `<table>_check`;
/// - a foreign key without a column list keeps an empty `ForeignKey.columns`
///   (`foreign_key_list.to` is NULL: the target's primary key, resolved by SQLite
///   only when rows are checked);
/// - `Constraint.index` and `Index.constraint` link a constraint and its autoindex.
public enum SQLiteIntrospection {
    /// Something read but not modelled, or read only in part.
    public struct Note: Hashable, Sendable, CustomStringConvertible {
        /// The object concerned (`table t`, `trigger tr`).
        public var object: String
        public var message: String

        public init(object: String, message: String) {
            self.object = object
            self.message = message
        }

        public var description: String { "\(object): \(message)" }
    }

    /// The catalog and what could not be put in it.
    public struct Result: Sendable {
        public var catalog: Catalog
        public var notes: [Note]
    }

    /// The `main` schema of `connection` as a catalog.
    public static func introspect(_ connection: SQLiteConnection) throws(SQLiteError) -> Catalog {
        try read(connection).catalog
    }

    /// The `main` schema of `connection`, with notes on what the catalog leaves out.
    public static func read(_ connection: SQLiteConnection) throws(SQLiteError) -> Result {
        var reader = SchemaReader(connection: connection)
        try reader.run()
        return Result(catalog: reader.catalog, notes: reader.notes)
    }
}

/// One row of `sqlite_schema`.
struct SchemaObject {
    var type: String
    var name: String
    var tableName: String
    var sql: String?
}

/// The state of one introspection run.
struct SchemaReader {
    let connection: SQLiteConnection
    var catalog = Catalog(dialect: .sqlite)
    var notes: [SQLiteIntrospection.Note] = []
    let schema = "main"
    /// `PRAGMA index_list` per table, read once.
    var indexLists: [ObjectKey: [IndexListEntry]] = [:]
    /// The FOREIGN KEY constraints each CREATE TABLE text writes, for their names.
    var writtenForeignKeys: [ObjectKey: [WrittenConstraint]] = [:]

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    var version: Int { SQLiteConnection.libraryVersionNumber }

    mutating func run() throws(SQLiteError) {
        // sqlite_master is sqlite_schema's older name; it works on every version.
        let rows = try connection.query("SELECT type, name, tbl_name, sql FROM main.sqlite_master ORDER BY rowid")
        let objects = rows.map { row in
            SchemaObject(type: row[0] ?? "", name: row[1] ?? "", tableName: row[2] ?? "", sql: row[3])
        }
        let flags = try tableFlags()
        let tables = objects.filter { $0.type == "table" && !SQLiteName.folded($0.name).hasPrefix("sqlite_") }
        var readTables: [ObjectKey] = []
        for object in tables {
            let kind = flags?[object.name]?.type
            if kind == "shadow" {
                note("table \(object.name)", "a virtual table's shadow table; left out")
                continue
            }
            let read = try guarded("table \(object.name)") { (r: inout SchemaReader) throws(SQLiteError) in
                try r.readTable(object, flags: flags?[object.name])
            }
            if read { readTables.append(ObjectKey(schema, object.name)) }
        }
        // Foreign keys last: a reference without columns means the target's primary key.
        for key in readTables {
            _ = try guarded("table \(key.name)") { (r: inout SchemaReader) throws(SQLiteError) in
                try r.readForeignKeys(key)
            }
        }
        let indexSQL = Dictionary(
            objects.filter { $0.type == "index" }.map { ($0.name, $0.sql) }, uniquingKeysWith: { first, _ in first })
        for key in readTables {
            _ = try guarded("table \(key.name)") { (r: inout SchemaReader) throws(SQLiteError) in
                try r.readIndexes(key, sql: indexSQL)
            }
        }
        for object in objects where object.type == "view" {
            try readView(object)
        }
        for object in objects where object.type == "trigger" {
            readTrigger(object)
        }
    }

    /// Runs `body`; a statement SQLite refuses for this one object (a virtual table
    /// whose module is not loaded, a view over a dropped table) becomes a note.
    /// Returns whether it succeeded.
    mutating func guarded(
        _ object: String, _ body: (inout SchemaReader) throws(SQLiteError) -> Void
    ) throws(SQLiteError) -> Bool {
        do {
            try body(&self)
            return true
        } catch {
            guard let failure = error.failure, failure.primaryCode == SQLiteResultCode.error else { throw error }
            note(object, "not read: \(failure.message)")
            return false
        }
    }

    mutating func note(_ object: String, _ message: String) {
        notes.append(SQLiteIntrospection.Note(object: object, message: message))
    }

    /// `PRAGMA table_list` (SQLite 3.37+): type (`table`, `virtual`, `shadow`), WITHOUT ROWID, STRICT.
    func tableFlags() throws(SQLiteError) -> [String: TableFlags]? {
        guard version >= 3_037_000 else { return nil }
        let rows = try connection.query("SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'")
        var flags: [String: TableFlags] = [:]
        for row in rows {
            guard let name = row[0] else { continue }
            flags[name] = TableFlags(type: row[1] ?? "table", withoutRowid: row[2] == "1", strict: row[3] == "1")
        }
        return flags
    }

    struct TableFlags {
        var type: String
        var withoutRowid: Bool
        var strict: Bool
    }
}
