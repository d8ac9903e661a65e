import Diagnostics
import MigrationPlanner
import MigrationRules
import QueryBinding
import SQLParser
import SQLSyntax
import SchemaCatalog

/// Renders a `CheckResult`: the JSON of SPEC §5, text for a terminal, SARIF 2.1.0
/// for code scanning and GitHub workflow commands. Pure functions of their inputs.
public enum CheckReport {
    /// Where a finding points, in 1-based line and column.
    static func location(_ file: String, _ span: SourceSpan, _ sources: [String: SourceFile]) -> SourceLocation {
        sources[file]?.location(of: span.start) ?? SourceLocation(line: 1, column: 1)
    }

    // MARK: JSON (SPEC §5)

    public static func json(_ result: CheckResult, sources: [String: SourceFile]) -> String {
        String(decoding: jsonBytes(result, sources: sources), as: UTF8.self)
    }

    /// The first fields of each statement's JSON object (file, position, text,
    /// kind), by statement index. They come from the migration alone and are most
    /// of a long history's report, so `check` writes them piece by piece while the
    /// history is replayed (`heads(of:)` on a stream's thread) rather than after.
    public struct StatementHeads: Sendable {
        fileprivate var heads: [[UInt8]]

        /// The heads written for the pieces of a history.
        public init(pieces: [[(index: Int, head: [UInt8])]]) {
            let count = pieces.lazy.compactMap { $0.last?.index }.max().map { $0 + 1 } ?? 0
            heads = [[UInt8]](repeating: [], count: count)
            for piece in pieces {
                for (index, head) in piece where index >= 0 && index < count { heads[index] = head }
            }
        }

        fileprivate func head(_ index: Int) -> [UInt8]? {
            heads.indices.contains(index) && !heads[index].isEmpty ? heads[index] : nil
        }
    }

    /// The heads of some statements (a piece of the history), by statement index.
    public static func heads(of statements: [MigrationStatement]) -> [(index: Int, head: [UInt8])] {
        statements.map { ($0.index, head($0)) }
    }

    /// One statement's head, as bytes of its own.
    static func head(_ s: MigrationStatement) -> [UInt8] {
        var w = JSONWriter()
        // The text and the path, a few escapes, the keys and numbers.
        w.reserveCapacity(s.sql.utf8.count + s.file.utf8.count + 96)
        writeHead(&w, s)
        return w.utf8
    }

    /// Statements per chunk of the report written side by side: a few chunks per
    /// processor, so none is left with most of the work (2,664 statements in
    /// chunks of 2,048 kept one thread busy with three quarters of them).
    static func chunkSize(_ count: Int) -> Int {
        max(256, (count + 4 * Workers.processorCount - 1) / (4 * Workers.processorCount))
    }

    static func writeHead(_ w: inout JSONWriter, _ s: MigrationStatement) {
        w.field("file", s.file)
        w.field("line", s.line)
        w.field("column", s.column)
        w.field("sql", s.sql)
        w.field("kind", s.kind)
    }

    /// The JSON report as UTF-8.
    public static func jsonBytes(
        _ result: CheckResult, sources: [String: SourceFile], heads: StatementHeads? = nil
    ) -> [UInt8] {
        Array(jsonPieces(result, sources: sources, heads: heads).joined())
    }

    /// The JSON report as pieces of UTF-8 to write one after the other. The
    /// statements' heads (most of the bytes) are pieces of their own, written to
    /// the output as they are rather than copied into one buffer.
    public static func jsonPieces(
        _ result: CheckResult, sources: [String: SourceFile], heads: StatementHeads? = nil
    ) -> [[UInt8]] {
        var w = JSONWriter()
        w.beginObject()
        w.field("verdict", result.isSafe ? "safe" : "unsafe")
        w.key("statements")
        w.beginArray()
        // Each statement is its head (file, position, text, kind) and its tail
        // (phase, locks, evidence); tails are written in chunks side by side.
        let evidence = EvidenceQueries(result)
        let heads = heads ?? StatementHeads(pieces: [])
        let chunkSize = Self.chunkSize(result.statements.count)
        let chunks = Workers.map((result.statements.count + chunkSize - 1) / chunkSize) { c in
            var relations = RelationNames()
            var pieces: [[UInt8]] = []
            for i in c * chunkSize..<min(result.statements.count, (c + 1) * chunkSize) {
                let report = result.statements[i]
                let head = heads.head(report.statement.index) ?? Self.head(report.statement)
                var tail = JSONWriter(continuingObject: ())
                tail.reserveCapacity(256)
                tail.field("phase", report.phase.rawValue)
                writeMiddle(&tail, report.statement, &relations)
                writeEvidence(&tail, report, evidence)
                tail.endObject()
                pieces.append(i == 0 ? Self.openFirst : Self.openNext)
                pieces.append(head)
                pieces.append(tail.utf8)
            }
            return pieces
        }
        var pieces = [w.utf8]
        for chunk in chunks { pieces += chunk }
        w = JSONWriter(continuingArray: ())
        w.endArray()
        w.key("queries")
        w.beginArray()
        for report in result.queries {
            let q = report.query
            w.beginObject()
            w.field("side", report.side.rawValue)
            w.field("file", q.file)
            w.field("line", q.line)
            w.field("name", q.name)
            w.field("schema", report.stage.rawValue)
            w.field("ok", report.ok)
            w.key("problems")
            w.beginArray()
            for problem in report.result.problems {
                w.beginObject()
                w.field("code", problem.code)
                w.field("message", problem.message)
                w.endObject()
            }
            w.endArray()
            if let statement = report.brokenBy {
                w.key("broken_by")
                w.beginObject()
                w.field("file", statement.file)
                w.field("line", statement.line)
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.key("findings")
        w.beginArray()
        for finding in result.findings {
            let at = location(finding.file, finding.span, sources)
            w.beginObject()
            w.field("rule", finding.id)
            w.field("severity", finding.severity.rawValue)
            w.field("file", finding.file)
            w.field("line", at.line)
            w.field("column", at.column)
            w.field("message", finding.message)
            w.field("help", finding.help)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.appendNewline()
        pieces.append(w.utf8)
        return pieces
    }

    /// The queries a statement's evidence points into, by index: blue on S1, green on S2.
    struct EvidenceQueries {
        var blue: [Query]
        var green: [Query]

        init(_ result: CheckResult) {
            blue = result.queries.filter { $0.side == .blue && $0.stage == .intermediate }.map(\.query)
            green = result.queries.filter { $0.side == .green && $0.stage == .final }.map(\.query)
        }
    }

    /// Relations as the report names them (`schema.name`, quoted where needed),
    /// worked out once per relation: the same tables are locked over and over.
    /// A batch of one backfill shares one list of locks, written once.
    struct RelationNames {
        /// Each relation's `{"relation":"schema.name","mode":`, written once.
        private var prefixes: [ObjectKey: [UInt8]] = [:]
        private var last: (locks: [RelationLock], json: [UInt8])?

        private mutating func prefix(_ key: ObjectKey) -> [UInt8] {
            if let prefix = prefixes[key] { return prefix }
            var prefix = Array(#"{"relation":"#.utf8)
            JSONWriter.appendString(key.description, to: &prefix)
            prefix += Array(#","mode":"#.utf8)
            prefixes[key] = prefix
            return prefix
        }

        /// The JSON array of `locks`: what `JSONWriter` writes for an array of
        /// `{"relation": ..., "mode": ...}` objects, made from the relations'
        /// prefixes (a history takes locks on the same tables over and over).
        mutating func locks(_ locks: [RelationLock]) -> [UInt8] {
            if let last, last.locks.sharesStorage(with: locks) { return last.json }
            var json: [UInt8] = []
            json.reserveCapacity(2 + 72 * locks.count)
            json.append(UInt8(ascii: "["))
            for (i, lock) in locks.enumerated() {
                if i > 0 { json.append(UInt8(ascii: ",")) }
                json += prefix(lock.relation)
                JSONWriter.appendString(lock.mode.description, to: &json)
                json.append(UInt8(ascii: "}"))
            }
            json.append(UInt8(ascii: "]"))
            last = (locks, json)
            return json
        }
    }

    static let openFirst = Array("{".utf8)
    static let openNext = Array(",{".utf8)

    /// A statement's fields after its phase that come from the migration alone.
    static func writeMiddle(_ w: inout JSONWriter, _ s: MigrationStatement, _ relations: inout RelationNames) {
        // Read once: each `s.effects` is a copy of all of them.
        let effects = s.effects
        w.field("locks", json: relations.locks(effects.locks))
        w.field("rewrite", !effects.rewrites.isEmpty)
        w.field("scan", !effects.scans.isEmpty)
        w.field("transaction", s.transaction)
        if let failure = s.failure {
            w.key("error")
            w.beginObject()
            w.field("code", failure.sqlState)
            w.field("message", failure.message)
            w.endObject()
        }
    }

    static func writeEvidence(_ w: inout JSONWriter, _ report: StatementReport, _ evidence: EvidenceQueries) {
        let placement = report.placement
        let blue = evidence.blue
        let green = evidence.green
        w.key("breaks_blue")
        w.beginArray()
        for q in placement.breaksBlue where q < blue.count {
            w.beginObject()
            w.field("file", blue[q].file)
            w.field("line", blue[q].line)
            w.field("name", blue[q].name)
            w.endObject()
        }
        w.endArray()
        w.key("needed_by_green")
        w.beginArray()
        for q in placement.neededByGreen where q < green.count {
            w.beginObject()
            w.field("file", green[q].file)
            w.field("line", green[q].line)
            w.field("name", green[q].name)
            w.endObject()
        }
        w.endArray()
    }

    // MARK: Text

    /// A person's view: statements grouped by phase, then each finding with its
    /// source line and a caret under the problem, and the fix.
    public static func text(_ result: CheckResult, sources: [String: SourceFile], color: Bool) -> String {
        let style = TextStyle(enabled: color)
        var out = ""
        for phase in Phase.allCases {
            let members = result.statements.filter { $0.phase == phase && !isTransactionControl($0.statement) }
            guard !members.isEmpty else { continue }
            out += style.bold("\(phase.rawValue) (\(members.count))") + "\n"
            for report in members {
                let s = report.statement
                var facts: [String] = []
                let strongest = s.effects.locks.map(\.mode).max()
                if let strongest { facts.append(strongest.description) }
                if !s.effects.rewrites.isEmpty { facts.append("rewrite") }
                if !s.effects.scans.isEmpty { facts.append("scan") }
                let suffix = facts.isEmpty ? "" : style.dim("  [\(facts.joined(separator: ", "))]")
                out += "  \(s.file):\(s.line)  \(oneLine(s.sql, limit: 72))\(suffix)\n"
            }
        }
        let blueBad = result.queries.filter { $0.side == .blue && !$0.ok }.count
        let greenBad = result.queries.filter { $0.side == .green && !$0.ok }.count
        let blueCount = result.queries.filter { $0.side == .blue }.count
        let greenCount = result.queries.filter { $0.side == .green }.count
        if blueCount + greenCount > 0 {
            out += "\nqueries: blue \(blueCount - blueBad)/\(blueCount) work on S1; "
            out += "green \(greenCount - greenBad)/\(greenCount) checks work on S1 and S2\n"
        }
        if !result.findings.isEmpty { out += "\n" }
        for finding in result.findings {
            out += render(finding, sources: sources, style: style)
        }
        let errors = result.findings.filter { $0.severity == .error }.count
        let warnings = result.findings.filter { $0.severity == .warning }.count
        let verdict = result.isSafe ? style.green("safe") : style.red("unsafe")
        out += "\n\(verdict): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        return out
    }

    static func isTransactionControl(_ statement: MigrationStatement) -> Bool {
        if case .transaction? = statement.statement?.node { return true }
        return false
    }

    /// The statement on one line (whitespace runs made one space), cut to `limit`
    /// characters with an ellipsis.
    static func oneLine(_ sql: String, limit: Int) -> String {
        if let ascii = asciiOneLine(sql, limit: limit) { return ascii }
        // Only the start of a long statement (a view, a function body) is shown:
        // it is flattened a growing prefix at a time, not whole. A prefix's
        // flattening is the start of the whole one's, so once it is longer than
        // `limit` the cut is the same.
        var length = 4 * limit
        while true {
            let head = sql.prefix(length)
            let flat = head.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " })
                .joined(separator: " ")
            if flat.count > limit { return String(flat.prefix(limit - 1)) + "…" }
            if head.endIndex == sql.endIndex { return flat }
            length *= 4
        }
    }

    /// `oneLine` by bytes, for a statement whose start is ASCII without a CR LF
    /// pair (each byte is then one character); nil otherwise.
    static func asciiOneLine(_ sql: String, limit: Int) -> String? {
        var sql = sql
        return sql.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(limit + 1)
            var pendingSpace = false
            for (i, byte) in bytes.enumerated() {
                switch byte {
                case 0x80...: return nil
                case UInt8(ascii: "\r") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n"): return nil
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), UInt8(ascii: " "):
                    pendingSpace = !out.isEmpty
                default:
                    if pendingSpace {
                        out.append(UInt8(ascii: " "))
                        pendingSpace = false
                    }
                    out.append(byte)
                    if out.count > limit { return String(decoding: out[..<(limit - 1)], as: UTF8.self) + "…" }
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `file:line:column: severity[rule]: message`, the source line, a caret, notes and help.
    public static func render(_ finding: Diagnostic, sources: [String: SourceFile], style: TextStyle) -> String {
        let at = location(finding.file, finding.span, sources)
        let severity: String
        switch finding.severity {
        case .error: severity = style.red("error")
        case .warning: severity = style.yellow("warning")
        case .info: severity = "info"
        }
        var out = "\(finding.file):\(at.line):\(at.column): \(severity)[\(finding.id)]: \(finding.message)\n"
        if let source = sources[finding.file] {
            let line = source.lines.lineText(at.line)
            if !line.isEmpty {
                let end = source.location(of: finding.span.end)
                let width = end.line == at.line ? Swift.max(1, end.column - at.column) : Swift.max(1, line.count - at.column + 1)
                let gutter = String(at.line)
                out += "  \(gutter) | \(line)\n"
                let pad = String(repeating: " ", count: gutter.count)
                let indent = String(line.prefix(Swift.max(0, at.column - 1)).map { $0 == "\t" ? "\t" : " " })
                out += "  \(pad) | \(indent)\(style.red(String(repeating: "^", count: Swift.min(width, 120))))\n"
            }
        }
        for note in finding.notes {
            if let file = note.file, let span = note.span {
                let where_ = location(file, span, sources)
                out += "  note: \(note.message) (\(file):\(where_.line):\(where_.column))\n"
            } else {
                out += "  note: \(note.message)\n"
            }
        }
        if let help = finding.help { out += "  help: \(help)\n" }
        return out
    }

    // MARK: GitHub workflow commands

    /// `::error file=...,line=...,col=...,title=...::message` per finding.
    public static func github(_ result: CheckResult, sources: [String: SourceFile]) -> String {
        var out = ""
        for finding in result.findings {
            let at = location(finding.file, finding.span, sources)
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var message = finding.message
            if let help = finding.help { message += "\nhelp: \(help)" }
            out += "::\(command) file=\(escapeProperty(finding.file)),line=\(at.line),col=\(at.column),"
            out += "title=\(escapeProperty("switchgate " + finding.id))::\(escapeData(message))\n"
        }
        return out
    }

    /// Workflow-command escaping of a message (`%`, CR, LF).
    static func escapeData(_ s: String) -> String { escape(s, property: false) }

    /// Workflow-command escaping of a property value (also `:` and `,`).
    static func escapeProperty(_ s: String) -> String { escape(s, property: true) }

    /// One pass over the bytes: every escaped character is ASCII, and no byte of
    /// a multi-byte UTF-8 sequence is. (A pass per character replaced, each over
    /// grapheme clusters, took a fifth of lemmy's check with `--format github`.)
    static func escape(_ s: String, property: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            let code: StaticString
            switch byte {
            case UInt8(ascii: "%"): code = "%25"
            case UInt8(ascii: "\r"): code = "%0D"
            case UInt8(ascii: "\n"): code = "%0A"
            case UInt8(ascii: ":") where property: code = "%3A"
            case UInt8(ascii: ",") where property: code = "%2C"
            default:
                out.append(byte)
                continue
            }
            code.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// ANSI styling, on only when writing to a terminal.
public struct TextStyle: Sendable {
    public var enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }
    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
}
