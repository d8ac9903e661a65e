#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SQLParser
import SQLSyntax

/// Reads application queries from files and folders.
///
/// - `*.sql`: statements separated by `;`, split exactly where the server would
///   (SQLParser's splitter). A line comment `-- name: GetUser :one` before a
///   statement (sqlc) names it.
/// - `*.csv`: a `pg_stat_statements` export as `psql --csv -c 'select query,
///   calls from pg_stat_statements'` writes it: a header row with a `query`
///   column, RFC 4180 quoting, fields that span lines.
/// - `*.json`: an export as an array of objects with a `"query"` member (what
///   `select json_agg(s) from pg_stat_statements s` prints), an object holding
///   such an array under `"rows"` or `"queries"`, or an array of strings.
///
/// A query of an export keeps the line of its row (its object, for JSON) and no name.
public enum QuerySources {
    /// Files or folders (folders recursively: `*.sql`, `*.csv`, `*.json`, in sorted
    /// order), in the order given.
    public static func load(paths: [String], dialect: Dialect) throws(QuerySourceError) -> [Query] {
        var queries: [Query] = []
        for path in paths {
            for file in try files(path) {
                queries += try loadFile(file, dialect: dialect)
            }
        }
        return queries
    }

    /// The query files a path names: itself, or the files under a folder.
    static func files(_ path: String) throws(QuerySourceError) -> [String] {
        guard let isDirectory = kind(path) else {
            throw QuerySourceError(path: path, message: "no such file or directory")
        }
        guard isDirectory else { return [path] }
        guard let subpaths = try? FileManager.default.subpathsOfDirectory(atPath: path) else {
            throw QuerySourceError(path: path, message: "cannot read directory")
        }
        var found: [String] = []
        for relative in subpaths {
            let lowered = relative.lowercased()
            guard lowered.hasSuffix(".sql") || lowered.hasSuffix(".csv") || lowered.hasSuffix(".json") else { continue }
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            if kind(full) == false { found.append(full) }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Whether `path` (links followed) is a folder; `nil` when nothing is there.
    static func kind(_ path: String) -> Bool? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    static func loadFile(_ path: String, dialect: Dialect) throws(QuerySourceError) -> [Query] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw QuerySourceError(path: path, message: "cannot read file")
        }
        let bytes = [UInt8](data)
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") {
            return try StatementsExport.csv(bytes, path: path, dialect: dialect)
        }
        if lowered.hasSuffix(".json") {
            return try StatementsExport.json(bytes, path: path, dialect: dialect)
        }
        return sqlFile(bytes, path: path, dialect: dialect)
    }

    /// The statements of a SQL file, named by sqlc annotations.
    public static func sqlFile(_ bytes: [UInt8], path: String, dialect: Dialect) -> [Query] {
        let parsed = SQLParser(dialect: dialect).parse(bytes)
        let lines = LineTable(bytes)
        var queries: [Query] = []
        var previousEnd = 0
        var commentIndex = 0
        for statement in parsed.statements {
            // The last `-- name:` comment between the previous statement and this one.
            var name: String?
            while commentIndex < parsed.comments.count, parsed.comments[commentIndex].span.start < statement.span.start {
                let comment = parsed.comments[commentIndex]
                if comment.span.start >= previousEnd, let found = sqlcName(text(bytes, comment.span)) { name = found }
                commentIndex += 1
            }
            let location = lines.location(of: statement.span.start)
            queries.append(
                Query(
                    file: path, line: location.line, column: location.column, name: name,
                    sql: text(bytes, statement.span), statement: statement.statement,
                    parseError: statement.statement == nil ? (statement.error?.message ?? "syntax error") : nil,
                    span: statement.span, dialect: dialect))
            previousEnd = statement.span.end
        }
        return queries
    }

    /// `-- name: GetUser :one` → `GetUser`.
    static func sqlcName(_ comment: String) -> String? {
        var body = Substring(comment)
        guard body.hasPrefix("--") else { return nil }
        body = body.dropFirst(2)
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard words.count >= 2, words[0] == "name:" else { return nil }
        return String(words[1])
    }

    static func text(_ bytes: [UInt8], _ span: SourceSpan) -> String {
        let start = max(0, min(span.start, bytes.count))
        let end = max(start, min(span.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
