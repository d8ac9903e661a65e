import SQLParser
import SQLSyntax

// `pg_stat_statements` exports: CSV as psql writes it and JSON. Each row's query
// is parsed on its own; its queries keep the row's line in the export.

enum StatementsExport {
    static func csv(_ bytes: [UInt8], path: String, dialect: Dialect) throws(QuerySourceError) -> [Query] {
        let records = try CSVReader.records(bytes, path: path)
        guard let header = records.first else { return [] }
        guard let column = header.fields.firstIndex(where: { $0.trimmed.lowercased() == "query" }) else {
            throw QuerySourceError(path: path, line: header.line, message: "the header has no \"query\" column")
        }
        var queries: [Query] = []
        for record in records.dropFirst() {
            if record.fields.count == 1, record.fields[0].isEmpty { continue }
            guard record.fields.count == header.fields.count else {
                throw QuerySourceError(
                    path: path, line: record.line,
                    message: "row has \(record.fields.count) fields, the header has \(header.fields.count)")
            }
            queries += parse(record.fields[column], path: path, line: record.line, dialect: dialect)
        }
        return queries
    }

    static func json(_ bytes: [UInt8], path: String, dialect: Dialect) throws(QuerySourceError) -> [Query] {
        var reader = JSONReader(bytes: bytes, path: path)
        let root = try reader.document()
        var rows: [JSONValue]
        switch root.kind {
        case .array(let items):
            rows = items
        case .object(let members):
            guard let list = members.first(where: { $0.0 == "rows" || $0.0 == "queries" })?.1,
                case .array(let items) = list.kind
            else {
                throw QuerySourceError(
                    path: path, line: root.line, message: "expected an array of rows, or an object with \"rows\"")
            }
            rows = items
        default:
            throw QuerySourceError(path: path, line: root.line, message: "expected an array of rows")
        }
        var queries: [Query] = []
        for row in rows {
            switch row.kind {
            case .string(let sql):
                queries += parse(sql, path: path, line: row.line, dialect: dialect)
            case .object(let members):
                guard let value = members.first(where: { $0.0 == "query" })?.1, case .string(let sql) = value.kind else {
                    throw QuerySourceError(path: path, line: row.line, message: "row has no \"query\" string")
                }
                queries += parse(sql, path: path, line: row.line, dialect: dialect)
            default:
                throw QuerySourceError(path: path, line: row.line, message: "expected an object with \"query\"")
            }
        }
        return queries
    }

    /// The statements of one exported query text.
    static func parse(_ sql: String, path: String, line: Int, dialect: Dialect) -> [Query] {
        // pg_stat_statements hides other users' queries behind this text.
        if sql == "<insufficient privilege>" || sql.trimmed.isEmpty { return [] }
        let bytes = Array(sql.utf8)
        let parsed = SQLParser(dialect: dialect).parse(bytes)
        return parsed.statements.map { statement in
            Query(
                file: path, line: line, column: 1, name: nil, sql: QuerySources.text(bytes, statement.span),
                statement: statement.statement,
                parseError: statement.statement == nil ? (statement.error?.message ?? "syntax error") : nil,
                span: statement.span, dialect: dialect)
        }
    }
}
