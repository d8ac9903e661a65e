#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Diagnostics
import QueryBinding
import SchemaCatalog

/// Row counts and sizes of the tables of the real database, from `--table-stats FILE`
/// (or a live database): a lock hazard on a small table is only a warning.
public struct TableStatistics: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var rows: Int
        public var bytes: Int?
        public init(rows: Int, bytes: Int? = nil) {
            self.rows = rows
            self.bytes = bytes
        }
    }

    public var tables: [ObjectKey: Entry]

    public init(tables: [ObjectKey: Entry] = [:]) { self.tables = tables }

    public subscript(table: ObjectKey) -> Entry? { tables[table] }

    /// Reads a CSV (header row naming the columns) or JSON (an array of objects, or an
    /// object with a `tables` array) file. Column names follow the shape of a query over
    /// `pg_class` or `pg_stat_user_tables`: `schema`/`schemaname`/`nspname`,
    /// `table`/`relname`/`tablename`, `rows`/`n_live_tup`/`reltuples`,
    /// `bytes`/`size`/`total_bytes`. A missing schema means `public`.
    public static func load(path: String) throws(ConfigurationError) -> TableStatistics {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: nil, message: "cannot read the table statistics file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{FEFF}" }
        if trimmed.first == "[" || trimmed.first == "{" {
            return try parseJSON(data, path: path)
        }
        return try parseCSV(text, path: path)
    }

    static let schemaNames = ["schema", "schemaname", "schema_name", "nspname", "table_schema"]
    static let tableNames = ["table", "relname", "tablename", "table_name", "name"]
    static let rowNames = ["rows", "n_live_tup", "reltuples", "row_count", "estimated_rows", "count"]
    static let byteNames = ["bytes", "size", "total_bytes", "size_bytes", "pg_total_relation_size", "table_bytes"]

    public static func parseCSV(_ text: String, path: String) throws(ConfigurationError) -> TableStatistics {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        guard let headerLine = lines.first else {
            throw ConfigurationError(file: path, line: 1, message: "empty table statistics file")
        }
        let header = splitCSV(headerLine).map { $0.lowercased().trimmingSpaces }
        func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
        guard let tableColumn = column(tableNames), let rowColumn = column(rowNames) else {
            throw ConfigurationError(
                file: path, line: 1,
                message: "the header must name a table column (table, relname) and a row count column (rows, n_live_tup, reltuples)")
        }
        let schemaColumn = column(schemaNames)
        let bytesColumn = column(byteNames)
        var stats = TableStatistics()
        for (n, line) in lines.enumerated().dropFirst() where !line.trimmingSpaces.isEmpty {
            let fields = splitCSV(line)
            func field(_ i: Int?) -> String? { i.flatMap { fields.indices.contains($0) ? fields[$0].trimmingSpaces : nil } }
            guard let table = field(tableColumn), !table.isEmpty else {
                throw ConfigurationError(file: path, line: n + 1, message: "missing table name")
            }
            guard let rowsText = field(rowColumn), let rows = number(rowsText) else {
                throw ConfigurationError(file: path, line: n + 1, message: "the row count is not a number")
            }
            let schema = field(schemaColumn).flatMap { $0.isEmpty ? nil : $0 } ?? "public"
            let bytes = field(bytesColumn).flatMap(number)
            stats.tables[ObjectKey(schema, table)] = Entry(rows: rows, bytes: bytes)
        }
        return stats
    }

    public static func parseJSON(_ data: Data, path: String) throws(ConfigurationError) -> TableStatistics {
        var reader = JSONReader(bytes: [UInt8](data), path: path)
        let document: JSONValue
        do {
            document = try reader.document()
        } catch {
            throw ConfigurationError(file: path, line: error.line, message: error.message)
        }
        let rows: [JSONValue]
        switch document.kind {
        case .array(let array):
            rows = array
        case .object(let members):
            if let tables = members.first(where: { $0.0 == "tables" })?.1, case .array(let array) = tables.kind {
                rows = array
            } else {
                throw ConfigurationError(file: path, line: nil, message: "expected an array of tables or {\"tables\": [...]}")
            }
        default:
            throw ConfigurationError(file: path, line: nil, message: "expected an array of tables or {\"tables\": [...]}")
        }
        var stats = TableStatistics()
        for (n, item) in rows.enumerated() {
            guard case .object(let members) = item.kind else {
                throw ConfigurationError(file: path, line: item.line, message: "entry \(n + 1) is not an object")
            }
            func value(_ names: [String]) -> JSONValue.Kind? {
                members.first { names.contains($0.0.lowercased()) }?.1.kind
            }
            func string(_ v: JSONValue.Kind?) -> String? {
                if case .string(let s)? = v { return s }
                return nil
            }
            func int(_ v: JSONValue.Kind?) -> Int? {
                switch v {
                case .number(let text)?, .string(let text)?: return number(text)
                case .bool(let b)?: return b ? 1 : 0
                default: return nil
                }
            }
            guard let table = string(value(tableNames)) else {
                throw ConfigurationError(file: path, line: item.line, message: "entry \(n + 1) has no table name")
            }
            guard let rowCount = int(value(rowNames)) else {
                throw ConfigurationError(file: path, line: item.line, message: "entry \(n + 1) (\(table)) has no row count")
            }
            let schema = string(value(schemaNames)) ?? "public"
            stats.tables[ObjectKey(schema, table)] = Entry(rows: rowCount, bytes: int(value(byteNames)))
        }
        return stats
    }

    /// `123`, `1e6`, `-1` (reltuples of a never-analyzed table) as an integer.
    static func number(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        if let d = Double(text), d.isFinite { return Int(d) }
        return nil
    }

    /// One CSV line, RFC 4180 quotes.
    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}

/// Human-readable sizes for messages: `12,345 rows, 1.2 MB`.
enum SizeText {
    static func describe(_ entry: TableStatistics.Entry) -> String {
        var text = "\(grouped(entry.rows)) rows"
        if let bytes = entry.bytes { text += ", \(size(bytes))" }
        return text
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }

    static func size(_ bytes: Int) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : "\(value.decimalText(fractionDigits: 1)) \(units[unit])"
    }
}
