/// The rows a statement returned, every value in PostgreSQL's text format
/// (nil for SQL NULL).
public struct QueryResult: Hashable, Sendable {
    /// Column names, in order.
    public var columns: [String]
    /// Each row's values, in column order.
    public var rows: [[String?]]
    /// The command tag (`SELECT 3`, `CREATE TABLE`).
    public var commandTag: String

    public init(columns: [String], rows: [[String?]], commandTag: String = "") {
        self.columns = columns
        self.rows = rows
        self.commandTag = commandTag
    }

    /// The rows with their values addressable by column name.
    public var namedRows: [Row] {
        var indexes: [String: Int] = [:]
        for (i, name) in columns.enumerated() where indexes[name] == nil { indexes[name] = i }
        return rows.map { Row(values: $0, columnIndexes: indexes) }
    }
}

/// One row, read by column name with typed accessors that throw
/// `PostgresError.unexpectedResult` instead of crashing on a surprise.
public struct Row: Sendable {
    /// The values in column order.
    public var values: [String?]
    var columnIndexes: [String: Int]

    /// The value of `column`, nil for NULL or a missing column.
    public subscript(_ column: String) -> String? {
        guard let i = columnIndexes[column], i < values.count else { return nil }
        return values[i]
    }

    /// A non-NULL value.
    public func string(_ column: String) throws(PostgresError) -> String {
        guard let value = self[column] else { throw .unexpectedResult("\(column) is NULL") }
        return value
    }

    /// A non-NULL integer.
    public func int(_ column: String) throws(PostgresError) -> Int {
        let text = try string(column)
        guard let value = Int(text) else { throw .unexpectedResult("\(column) is not an integer: \(text)") }
        return value
    }

    /// A non-NULL `bigint`.
    public func int64(_ column: String) throws(PostgresError) -> Int64 {
        let text = try string(column)
        guard let value = Int64(text) else { throw .unexpectedResult("\(column) is not an integer: \(text)") }
        return value
    }

    /// An `oid` or other unsigned 32-bit value.
    public func oid(_ column: String) throws(PostgresError) -> UInt32 {
        let text = try string(column)
        guard let value = UInt32(text) else { throw .unexpectedResult("\(column) is not an oid: \(text)") }
        return value
    }

    /// An OID, nil for NULL or 0 (`InvalidOid`).
    public func optionalOID(_ column: String) throws(PostgresError) -> UInt32? {
        guard self[column] != nil else { return nil }
        let value = try oid(column)
        return value == 0 ? nil : value
    }

    /// A `boolean` in text format (`t` / `f`).
    public func bool(_ column: String) throws(PostgresError) -> Bool {
        switch try string(column) {
        case "t", "true", "on", "1": return true
        case "f", "false", "off", "0": return false
        case let other: throw .unexpectedResult("\(column) is not a boolean: \(other)")
        }
    }

    /// A one-dimensional array in text format (`{a,"b c",NULL}`); NULL gives `[]`.
    public func array(_ column: String) throws(PostgresError) -> [String?] {
        guard let text = self[column] else { return [] }
        guard let parsed = PostgresArray.parse(text) else {
            throw .unexpectedResult("\(column) is not a one-dimensional array: \(text)")
        }
        return parsed
    }

    /// A one-dimensional array with no NULL elements.
    public func strings(_ column: String) throws(PostgresError) -> [String] {
        let values = try array(column)
        var out: [String] = []
        for value in values {
            guard let value else { throw .unexpectedResult("\(column) holds a NULL element") }
            out.append(value)
        }
        return out
    }

    /// An `int2vector`/`oidvector`/`int2[]` of numbers; the vectors print space-separated.
    public func ints(_ column: String) throws(PostgresError) -> [Int] {
        guard let text = self[column] else { return [] }
        let items: [String]
        if text.hasPrefix("{") {
            items = try strings(column)
        } else {
            items = text.split(separator: " ").map(String.init)
        }
        var out: [Int] = []
        for item in items {
            guard let value = Int(item) else { throw .unexpectedResult("\(column) holds a non-integer: \(item)") }
            out.append(value)
        }
        return out
    }
}

/// PostgreSQL's text format for one-dimensional arrays.
enum PostgresArray {
    /// Parses `{a,"b \"c\"",NULL}`; nil for anything else (nested arrays included).
    static func parse(_ text: String) -> [String?]? {
        var chars = text.unicodeScalars[...]
        // An explicit lower bound (`[0:2]={...}`) precedes the braces.
        if chars.first == "[" {
            guard let eq = chars.firstIndex(of: "=") else { return nil }
            chars = chars[chars.index(after: eq)...]
        }
        guard chars.first == "{", chars.last == "}" else { return nil }
        chars = chars.dropFirst().dropLast()
        if chars.isEmpty { return [] }
        var items: [String?] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var escaped = false
        for c in chars {
            if escaped {
                current.unicodeScalars.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                quoted.toggle()
                wasQuoted = true
            } else if c == "," && !quoted {
                items.append(wasQuoted || current != "NULL" ? current : nil)
                current = ""
                wasQuoted = false
            } else if c == "{" && !quoted {
                return nil
            } else {
                current.unicodeScalars.append(c)
            }
        }
        guard !quoted, !escaped else { return nil }
        items.append(wasQuoted || current != "NULL" ? current : nil)
        return items
    }
}
