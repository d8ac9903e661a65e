import HashTreeCollections
import SQLSyntax

/// A schema object's address: its schema and its name, both as PostgreSQL stores
/// them (folded, unquoted, at most 63 bytes).
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var schema: String { didSet { bits = Self.bits(schema, name) } }
    public var name: String { didSet { bits = Self.bits(schema, name) } }
    /// The key's hash, worked out once: the catalog's maps look keys up far more
    /// often than they make them, and hashing two strings each time was a tenth
    /// of a long history's replay.
    private var bits: UInt64

    public init(_ schema: String, _ name: String) {
        self.schema = schema
        self.name = name
        self.bits = Self.bits(schema, name)
    }

    public static func == (a: ObjectKey, b: ObjectKey) -> Bool {
        a.bits == b.bits && a.name == b.name && a.schema == b.schema
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(bits) }

    // What `Dictionary`, `Set` and the catalog's hash trees ask for: the stored
    // hash mixed with their seed, without a `Hasher`.
    public func _rawHashValue(seed: Int) -> Int {
        Int(truncatingIfNeeded: Self.mixed(bits ^ UInt64(truncatingIfNeeded: seed)))
    }

    /// Both names eight bytes at a time (each with its length, so that the
    /// boundary between them counts), then mixed so that every bit of the result
    /// depends on every byte.
    private static func bits(_ schema: String, _ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        absorb(&h, schema)
        absorb(&h, name)
        return mixed(h)
    }

    private static func absorb(_ h: inout UInt64, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var i = 0
            while i + 8 <= raw.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
                h ^= h >> 32
                i += 8
            }
            // The last bytes (fewer than eight) as one little-endian word.
            var last: UInt64 = 0
            withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[i...])) }
            let tail = UInt64(littleEndian: last) ^ UInt64(truncatingIfNeeded: raw.count) << 56
            h = (h ^ tail) &* 0x9e37_79b9_7f4a_7c15
            h ^= h >> 32
        }
    }

    /// MurmurHash3's finalizer.
    private static func mixed(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
        (lhs.schema, lhs.name) < (rhs.schema, rhs.name)
    }

    /// `schema.name`, quoted where PostgreSQL would quote.
    public var description: String { "\(SQLName.quoted(schema)).\(SQLName.quoted(name))" }
}

/// Schema objects by key, in a persistent hash tree: a copy shares every node
/// with the original, and changing one object copies only the path to it. A
/// migration's analysis keeps the catalog before every statement, so a change
/// must not copy the whole map the way a `Dictionary` would.
public typealias ObjectMap<Value> = TreeDictionary<ObjectKey, Value>

/// The whole schema of one database at one point in time, as a value.
///
/// Applying a migration returns a new `Catalog`; the snapshots S0, S1 and S2 of a
/// rollout, and the catalog before each statement, are plain copies that share
/// their storage (`ObjectMap`). Replay
/// (`Catalog+Apply*.swift`) and the database adapters both produce this type, so
/// every rule can be tested without a database.
public struct Catalog: Hashable, Sendable {
    // The fields live in one copy-on-write box (`CopyOnWrite`): the analysis keeps
    // a catalog per statement and hands them around, each copy one reference count.
    private struct Fields: Hashable, Sendable {
        var dialect: Dialect
        var searchPath: [String]
        var schemas: [String: SchemaInfo]
        var tables: TableMap
        var views: ObjectMap<View>
        var sequences: ObjectMap<Sequence>
        var indexes: IndexMap
        var types: ObjectMap<UserType>
        var functions: ObjectMap<[Function]>
        var extensions: [String: Extension]
    }

    private var box: CopyOnWrite<Fields>

    public var dialect: Dialect {
        get { box.fields.dialect }
        _modify { yield &box.fields.dialect }
    }
    /// Schemas searched for unqualified names, in order (`SET search_path`).
    public var searchPath: [String] {
        get { box.fields.searchPath }
        _modify { yield &box.fields.searchPath }
    }
    public var schemas: [String: SchemaInfo] {
        get { box.fields.schemas }
        _modify { yield &box.fields.schemas }
    }
    public var tables: TableMap {
        get { box.fields.tables }
        _modify { yield &box.fields.tables }
    }
    public var views: ObjectMap<View> {
        get { box.fields.views }
        _modify { yield &box.fields.views }
    }
    public var sequences: ObjectMap<Sequence> {
        get { box.fields.sequences }
        _modify { yield &box.fields.sequences }
    }
    /// Indexes by their own name; `Index.table` says which table they belong to.
    public var indexes: IndexMap {
        get { box.fields.indexes }
        _modify { yield &box.fields.indexes }
    }
    public var types: ObjectMap<UserType> {
        get { box.fields.types }
        _modify { yield &box.fields.types }
    }
    /// Functions and procedures by name; overloads differ by argument types.
    public var functions: ObjectMap<[Function]> {
        get { box.fields.functions }
        _modify { yield &box.fields.functions }
    }
    public var extensions: [String: Extension] {
        get { box.fields.extensions }
        _modify { yield &box.fields.extensions }
    }

    /// An empty database as `CREATE DATABASE` leaves it: the `public` schema
    /// (PostgreSQL) or `main` (SQLite).
    public init(dialect: Dialect) {
        let home = dialect.kind == .sqlite ? "main" : "public"
        box = CopyOnWrite(
            Fields(
                dialect: dialect, searchPath: [home], schemas: [home: SchemaInfo(name: home)], tables: [:], views: [:],
                sequences: [:], indexes: [:], types: [:], functions: [:], extensions: [:]))
    }

    /// The schema an unqualified new object goes into: the first schema of the
    /// search path that exists.
    public var creationSchema: String {
        searchPath.first { schemas[$0] != nil } ?? searchPath.first ?? "public"
    }

    /// A name as the dialect stores it: PostgreSQL truncates to 63 bytes, SQLite
    /// keeps it whole.
    public func identifierName(_ name: String) -> String {
        dialect.maximumIdentifierLength == nil ? name : SQLName.truncated(name)
    }

    /// What kind of relation (table, view, sequence, index) holds `key`, if any.
    /// PostgreSQL keeps all of them, and composite types, in one namespace per schema.
    public func relationKind(_ key: ObjectKey) -> RelationKind? {
        if let table = tables[key] { return table.kind == .foreign ? .foreignTable : .table }
        if let view = views[key] { return view.materialized ? .materializedView : .view }
        if sequences[key] != nil { return .sequence }
        if indexes[key] != nil { return .index }
        if let type = types[key], case .composite = type.definition { return .compositeType }
        return nil
    }

    /// Resolves a possibly unqualified name to the key of an existing object, using
    /// the search path; `exists` says whether a key holds the wanted kind of object.
    public func resolve(_ name: QualifiedName, exists: (ObjectKey) -> Bool) -> ObjectKey? {
        let objectName = identifierName(name.name)
        if let schema = name.qualifier {
            let key = ObjectKey(identifierName(schema), objectName)
            return exists(key) ? key : nil
        }
        if let found = firstImplicit({ exists(ObjectKey($0, objectName)) }) { return ObjectKey(found, objectName) }
        guard dialect.namesIgnoreASCIICase else { return nil }
        for schema in implicitSchemas {
            if let key = relationKeys(matching: ObjectKey(schema, objectName)).first(where: exists) { return key }
        }
        return nil
    }

    /// Keys of relations and types whose name equals `key`'s but for ASCII case,
    /// in the same schema (for dialects where names ignore case).
    func relationKeys(matching key: ObjectKey) -> [ObjectKey] {
        let folded = Catalog.asciiFolded(key.name)
        let all = Set(tables.keys).union(views.keys).union(indexes.keys).union(sequences.keys).union(types.keys)
        return all.filter { $0.schema == key.schema && Catalog.asciiFolded($0.name) == folded }.sorted()
    }

    /// The relation already holding `key`'s name: the key itself, or (where names
    /// ignore case) one that differs only in ASCII case.
    func existingRelation(_ key: ObjectKey) -> ObjectKey? {
        if relationKind(key) != nil { return key }
        guard dialect.namesIgnoreASCIICase else { return nil }
        return relationKeys(matching: key).first { relationKind($0) != nil }
    }

    static func asciiFolded(_ name: String) -> String {
        String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The key a new object named `name` gets: its schema, or the creation schema.
    public func keyForNew(_ name: QualifiedName) -> ObjectKey {
        ObjectKey(name.qualifier.map { identifierName($0) } ?? creationSchema, identifierName(name.name))
    }

    /// Schemas searched for unqualified names: SQLite's `temp` once it exists, then
    /// `pg_catalog` (as PostgreSQL does when it is not listed), then the search
    /// path; PostgreSQL's `pg_temp` schemas are not modelled.
    public var implicitSchemas: [String] {
        var all: [String] = []
        _ = firstImplicit { all.append($0); return false }
        return all
    }

    /// The first of `implicitSchemas` for which `found` holds, in their order,
    /// without building the list (name resolution asks this for every name).
    func firstImplicit(_ found: (String) -> Bool) -> String? {
        if let temporary = dialect.temporarySchema, schemas[temporary] != nil, found(temporary) { return temporary }
        if !searchPath.contains("pg_catalog"), found("pg_catalog") { return "pg_catalog" }
        for schema in searchPath where found(schema) { return schema }
        return nil
    }

    /// The key a new object gets, `temporary` or not: a TEMP object (or one named
    /// in it) goes to the dialect's temporary schema when it has one.
    mutating func keyForNew(_ name: QualifiedName, temporary: Bool) -> ObjectKey {
        guard let schema = dialect.temporarySchema,
            (temporary && name.qualifier == nil) || name.qualifier.map(Catalog.asciiFolded) == schema
        else { return keyForNew(name) }
        if schemas[schema] == nil { schemas[schema] = SchemaInfo(name: schema) }
        return ObjectKey(schema, identifierName(name.name))
    }

    public func table(_ name: QualifiedName) -> ObjectKey? {
        resolve(name) { tables[$0] != nil }
    }

    public func view(_ name: QualifiedName) -> ObjectKey? {
        resolve(name) { views[$0] != nil }
    }

    public func sequence(_ name: QualifiedName) -> ObjectKey? {
        resolve(name) { sequences[$0] != nil }
    }

    public func index(_ name: QualifiedName) -> ObjectKey? {
        resolve(name) { indexes[$0] != nil }
    }

    public func type(_ name: QualifiedName) -> ObjectKey? {
        resolve(name) { types[$0] != nil }
    }

    /// Indexes that belong to `table`, by name.
    public func indexes(on table: ObjectKey) -> [Index] {
        Self.byName(indexes.values(on: table))
    }

    static func byName(_ indexes: [Index]) -> [Index] { indexes.sorted { $0.name < $1.name } }

    /// The foreign keys that reference `table`, each with the table that holds it
    /// (`table` itself when it references itself): tables in key order, a table's
    /// keys in their order. The table map keeps which tables reference which, so
    /// no other table is looked at.
    public func foreignKeys(referencing table: ObjectKey) -> [(table: ObjectKey, constraint: Constraint)] {
        tables.referencing(table).flatMap { other in
            (tables[other]?.constraints ?? []).filter { $0.foreignKey?.table == table }.map { (other, $0) }
        }
    }
}

public enum RelationKind: String, Sendable, Hashable {
    case table, foreignTable = "foreign table", view, materializedView = "materialized view", sequence, index
    case compositeType = "composite type"
}

/// Helpers for names as PostgreSQL stores and prints them.
public enum SQLName {
    /// PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes.
    public static let maximumLength = 63

    public static func truncated(_ name: String) -> String {
        // (Nearly every name is short: it is returned as it is, without a copy of its bytes.)
        guard name.utf8.count > maximumLength else { return name }
        var utf8 = Array(name.utf8.prefix(maximumLength))
        // Do not cut a multi-byte character in half.
        while let last = utf8.last, last & 0xC0 == 0x80 { utf8.removeLast() }
        if let last = utf8.last, last >= 0xC0 { utf8.removeLast() }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The name as `quote_ident` would print it.
    public static func quoted(_ name: String) -> String {
        var name = name
        // (Read through `withUTF8`: the bytes of a native string in place.)
        let plain = name.withUTF8 { bytes in
            guard let first = bytes.first, !(first >= 48 && first <= 57) else { return false }
            for b in bytes where !((b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95) { return false }
            return true
        }
        if plain, let keyword = KeywordLookup.keyword(name), keyword.postgresCategory != .unreserved,
            keyword.postgresCategory != .none
        {
            return "\"\(name)\""
        }
        if plain { return name }
        return "\"" + name.replacingQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for c in self {
            if c == "\"" { out += "\"\"" } else { out.append(c) }
        }
        return out
    }
}

public struct SchemaInfo: Hashable, Sendable {
    public var name: String
    public var owner: String?
    public init(name: String, owner: String? = nil) {
        self.name = name
        self.owner = owner
    }
}
