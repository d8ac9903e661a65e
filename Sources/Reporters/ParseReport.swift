import Diagnostics
import SQLParser
import SQLSyntax

/// Renders the result of `switchgate parse` for one file.
public enum ParseReport {
    /// One JSON object on one line: `{"file": ..., "statements": [...]}`.
    public static func json(_ file: SourceFile, _ parsed: ParsedFile) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("file", file.path)
        w.key("statements")
        w.beginArray()
        for s in parsed.statements {
            let location = file.location(of: s.span.start)
            w.beginObject()
            w.field("kind", s.kind.rawValue)
            w.field("pg_node", s.postgresNode)
            w.field("start", s.span.start)
            w.field("end", s.span.end)
            w.field("line", location.line)
            w.field("column", location.column)
            w.field("error", s.error.map { message(file, $0) })
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output
    }

    /// A line per statement: `file:line:column kind (PgNode)` and any error under it.
    public static func text(_ file: SourceFile, _ parsed: ParsedFile) -> String {
        var out = ""
        for s in parsed.statements {
            let location = file.location(of: s.span.start)
            out += "\(file.path):\(location.line):\(location.column): \(s.kind.rawValue) (\(s.postgresNode))\n"
            if let error = s.error {
                out += "  error: \(message(file, error))\n"
            }
        }
        return out
    }

    /// `message at line:column`, the location being where the error is, not where
    /// the statement starts.
    public static func message(_ file: SourceFile, _ error: ParseError) -> String {
        let location = file.location(of: error.span.start)
        return "\(error.message) at \(location.line):\(location.column)"
    }
}
