import Diagnostics
import MigrationPlanner
import SQLSyntax

/// SARIF 2.1.0 (OASIS), the format GitHub code scanning reads: one run, the rules
/// that fired in the driver, one result per finding with its physical location.
public enum SARIFReport {
    /// A rule's description for the driver's rule list.
    public struct RuleInfo: Sendable {
        public var id: String
        public var title: String
        public var help: String?
        public init(id: String, title: String, help: String? = nil) {
            self.id = id
            self.title = title
            self.help = help
        }
    }

    public static func sarif(
        _ result: CheckResult, sources: [String: SourceFile], rules: [String: RuleInfo], version: String
    ) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.field("version", "2.1.0")
        w.key("runs")
        w.beginArray()
        w.beginObject()
        w.key("tool")
        w.beginObject()
        w.key("driver")
        w.beginObject()
        w.field("name", "switchgate")
        w.field("semanticVersion", version)
        let ids = Array(Set(result.findings.map(\.id))).sorted()
        var index: [String: Int] = [:]
        w.key("rules")
        w.beginArray()
        for (i, id) in ids.enumerated() {
            index[id] = i
            let info = rules[id]
            w.beginObject()
            w.field("id", id)
            w.key("shortDescription")
            w.beginObject()
            w.field("text", info?.title ?? id)
            w.endObject()
            if let help = info?.help {
                w.key("help")
                w.beginObject()
                w.field("text", help)
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        w.key("results")
        w.beginArray()
        for finding in result.findings {
            w.beginObject()
            w.field("ruleId", finding.id)
            w.field("ruleIndex", index[finding.id])
            w.field("level", level(finding.severity))
            w.key("message")
            w.beginObject()
            var text = finding.message
            if let help = finding.help { text += "\nhelp: \(help)" }
            w.field("text", text)
            w.endObject()
            w.key("locations")
            w.beginArray()
            writeLocation(&w, file: finding.file, span: finding.span, sources: sources)
            w.endArray()
            let related = finding.notes.filter { $0.file != nil && $0.span != nil }
            if !related.isEmpty {
                w.key("relatedLocations")
                w.beginArray()
                for (i, note) in related.enumerated() {
                    if let file = note.file, let span = note.span {
                        writeLocation(&w, file: file, span: span, sources: sources, id: i, message: note.message)
                    }
                }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func writeLocation(
        _ w: inout JSONWriter, file: String, span: SourceSpan, sources: [String: SourceFile], id: Int? = nil, message: String? = nil
    ) {
        let start = sources[file]?.location(of: span.start) ?? SourceLocation(line: 1, column: 1)
        var end = sources[file]?.location(of: span.end) ?? start
        if end.line < start.line || (end.line == start.line && end.column <= start.column) {
            end = SourceLocation(line: start.line, column: start.column + 1)
        }
        w.beginObject()
        if let id { w.field("id", id) }
        w.key("physicalLocation")
        w.beginObject()
        w.key("artifactLocation")
        w.beginObject()
        w.field("uri", uri(file))
        w.endObject()
        w.key("region")
        w.beginObject()
        w.field("startLine", start.line)
        w.field("startColumn", start.column)
        w.field("endLine", end.line)
        w.field("endColumn", end.column)
        w.endObject()
        w.endObject()
        if let message {
            w.key("message")
            w.beginObject()
            w.field("text", message)
            w.endObject()
        }
        w.endObject()
    }

    /// A relative path as a URI reference: `./` dropped, spaces and `%` escaped.
    static func uri(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        var out = ""
        for scalar in p.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "%": out += "%25"
            case "#": out += "%23"
            case "?": out += "%3F"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
