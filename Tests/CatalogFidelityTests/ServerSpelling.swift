import Foundation

@testable import PostgresAdapter

/// The server's own spelling of an expression, used as the canonical form when
/// replay (which keeps the text a migration wrote) and introspection (which reads
/// the server's deparsed text) spell the same expression differently:
/// `FALSE` / `false`, `''` / `''::text`, `LOWER(x)` / `lower(x::text)`,
/// `x IN ('a', 'b')` / `x = ANY (ARRAY['a'::text, 'b'::text])`.
///
/// Each text is put back where it came from on a scratch database that holds the
/// same schema (a column's default, a CHECK on its table, an index key or
/// predicate on its table), inside a transaction that is always rolled back, and
/// the server's deparsed form is read back with the functions introspection uses
/// (`pg_get_expr`, `pg_get_constraintdef`, `pg_get_indexdef`, all pretty-printed)
/// under the introspector's `search_path = pg_catalog, public`. Two texts are the
/// same expression when they come back identical: PostgreSQL's parser and
/// deparser decide, not a hand-written approximation of them.
///
/// Only ever used on a `ScratchDatabase`: it writes (and rolls back) DDL.
final class ServerSpelling {
    /// Where an expression lives, which decides how the server coerces and prints it.
    enum Place: Hashable {
        /// `ALTER COLUMN ... SET DEFAULT`.
        case columnDefault(table: String, column: String)
        /// A stored generated column of this type.
        case generated(table: String, type: String)
        /// A CHECK constraint's expression.
        case check(table: String)
        /// One index key (an expression, not a plain column).
        case indexKey(table: String, method: String)
        /// An index's WHERE clause.
        case indexPredicate(table: String)
    }

    private let conn: PostgresConnection
    private var cache: [Key: String?] = [:]
    /// Texts the server refused in their place (the comparison then shows them raw).
    private(set) var refused: [String] = []
    /// How many texts were sent to the server.
    private(set) var probes = 0

    private struct Key: Hashable {
        var place: Place
        var text: String?
    }

    init(scratch: ScratchDatabase) throws {
        conn = try scratch.connect()
    }

    /// The server's spelling of `text` in `place`; nil when the server keeps no
    /// expression there (a `DEFAULT NULL` it drops); `text` itself when refused.
    func canonical(_ text: String?, in place: Place) throws -> String? {
        guard let text else { return nil }
        let key = Key(place: place, text: text)
        if let known = cache[key] { return known }
        let result = try probe(text, in: place)
        cache[key] = result
        return result
    }

    private func probe(_ text: String, in place: Place) throws -> String? {
        probes += 1
        try conn.execute("BEGIN; SET LOCAL search_path = pg_catalog, public; SET LOCAL lock_timeout = '10s'")
        defer { _ = try? conn.execute("ROLLBACK") }
        do {
            switch place {
            case .columnDefault(let table, let column):
                try conn.execute("ALTER TABLE \(table) ALTER COLUMN \(Self.quoted(column)) SET DEFAULT \(text)")
                return try conn.query(
                    """
                    SELECT pg_get_expr(d.adbin, d.adrelid, true) AS e
                    FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE a.attrelid = $1::regclass AND a.attname = $2
                    """, parameters: [table, column]
                ).namedRows.first?["e"]
            case .generated(let table, let type):
                try conn.execute(
                    "ALTER TABLE \(table) ADD COLUMN switchgate_probe \(type) GENERATED ALWAYS AS (\(text)) STORED")
                return try conn.query(
                    """
                    SELECT pg_get_expr(d.adbin, d.adrelid, true) AS e
                    FROM pg_attribute a JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE a.attrelid = $1::regclass AND a.attname = 'switchgate_probe'
                    """, parameters: [table]
                ).namedRows.first?["e"]
            case .check(let table):
                try conn.execute("ALTER TABLE \(table) ADD CONSTRAINT switchgate_probe CHECK (\(text)) NOT VALID")
                let definition = try conn.query(
                    """
                    SELECT pg_get_constraintdef(oid, true) AS e FROM pg_constraint
                    WHERE conrelid = $1::regclass AND conname = 'switchgate_probe'
                    """, parameters: [table]
                ).namedRows.first?["e"]
                return definition.map(DefinitionText.checkExpression)
            case .indexKey(let table, let method):
                // btree first: the key's operator class is not in the JSON, and a GIN or
                // GiST key without one may have no default class for its type.
                try conn.execute("SAVEPOINT btree")
                do {
                    try conn.execute("CREATE INDEX switchgate_probe ON \(table) USING btree ((\(text)))")
                } catch {
                    try conn.execute("ROLLBACK TO SAVEPOINT btree")
                    try conn.execute("CREATE INDEX switchgate_probe ON \(table) USING \(method) ((\(text)))")
                }
                return try conn.query(
                    """
                    SELECT pg_get_indexdef(i.indexrelid, 1, true) AS e FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indexrelid
                    WHERE i.indrelid = $1::regclass AND c.relname = 'switchgate_probe'
                    """, parameters: [table]
                ).namedRows.first?["e"]
            case .indexPredicate(let table):
                try conn.execute("CREATE INDEX switchgate_probe ON \(table) USING btree ((true)) WHERE \(text)")
                return try conn.query(
                    """
                    SELECT pg_get_expr(i.indpred, i.indrelid, true) AS e FROM pg_index i
                    JOIN pg_class c ON c.oid = i.indexrelid
                    WHERE i.indrelid = $1::regclass AND c.relname = 'switchgate_probe'
                    """, parameters: [table]
                ).namedRows.first?["e"]
            }
        } catch {
            guard error.serverError != nil else { throw error }
            refused.append("\(place): \(text): \(error)")
            return text
        }
    }

    /// `"schema"."name"`, for a table key.
    static func qualified(_ schema: String, _ name: String) -> String {
        quoted(schema) + "." + quoted(name)
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
