import Diagnostics
import SQLParser
import SQLSyntax
import SchemaCatalog

/// Runs the enabled rules over an analysis and turns their findings into diagnostics:
/// configured severities, the created-in-run exemption and table sizes for lock
/// hazards, suppression comments, and `unused-ignore` for comments that suppress nothing.
public struct RuleEngine: Sendable {
    public var configuration: RuleConfiguration
    public var rules: [any Rule.Type]

    public init(configuration: RuleConfiguration = RuleConfiguration(), rules: [any Rule.Type] = RuleRegistry.all) {
        self.configuration = configuration
        self.rules = rules
    }

    /// Findings sorted by file (in the order given), then offset, then rule id.
    /// `yielding`: the rules' extra threads give way to streams still at work
    /// (`Workers.map(yielding:)`), for a caller that waits for one of them too.
    public func run(_ analysis: MigrationAnalysis, yielding: Bool = false) -> [Diagnostic] {
        let context = RuleContext(analysis: analysis, configuration: configuration)
        var used: [String: Set<Int>] = [:]
        var diagnostics: [Diagnostic] = []
        let threshold = configuration.smallTableRows
            ?? (configuration.tableStats != nil ? RuleConfiguration.defaultSmallTableRows : nil)

        let active = rules.filter { rule in
            let meta = rule.metadata
            guard configuration.isEnabled(meta), meta.dialects.contains(analysis.dialect.kind) else { return false }
            return analysis.dialect.kind != .postgres || meta.postgresVersions.contains(analysis.dialect.postgresVersion)
        }
        // Rules only read the analysis: they run side by side, their findings
        // taken in rule order as if one ran after another.
        let found = Workers.map(active.count, yielding: yielding) { active[$0].init().check(context) }
        for (rule, findings) in zip(active, found) {
            let meta = rule.metadata
            for finding in findings {
                guard analysis.statements.indices.contains(finding.statement) else { continue }
                let statement = analysis.statements[finding.statement]
                var severity = configuration.severity(meta, default: finding.severity ?? meta.severity)
                var message = finding.message
                if meta.lockHazard, let table = finding.table {
                    if analysis.createdInRun.contains(table) { continue }
                    if let threshold, let entry = configuration.tableStats?[table], entry.rows < threshold {
                        if severity == .error { severity = .warning }
                        message += " (\(table.schema).\(table.name) is small: \(SizeText.describe(entry)), below \(SizeText.grouped(threshold)) rows)"
                    }
                }
                if !analysis.suppressions.isEmpty, let suppressions = analysis.suppressions[statement.file] {
                    let hits = suppressions.applies(meta.id, toStatement: finding.statement)
                        + meta.aliases.flatMap { suppressions.applies($0, toStatement: finding.statement) }
                    if !hits.isEmpty {
                        used[statement.file, default: []].formUnion(hits)
                        continue
                    }
                }
                diagnostics.append(
                    Diagnostic(
                        id: meta.id, severity: severity, message: message, file: statement.file,
                        span: finding.span ?? statement.span,
                        notes: finding.notes.map { Diagnostic.Note(message: $0) },
                        help: finding.help ?? meta.safeAlternative))
            }
        }
        diagnostics += unusedIgnores(analysis, used: used)
        let order = Dictionary(analysis.files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // Each diagnostic's file position looked up once, not at every comparison
        // (and once for a run of diagnostics in one file: hashing a path is not free).
        var positions = RunLookup<String, Int>()
        let keyed = diagnostics.map { (file: positions.value($0.file) { order[$0] ?? Int.max }, diagnostic: $0) }
        return keyed.sorted { x, y in
            let (a, b) = (x.diagnostic, y.diagnostic)
            if x.file != y.file { return x.file < y.file }
            if a.file != b.file { return a.file < b.file }
            if a.span.start != b.span.start { return a.span.start < b.span.start }
            return a.id < b.id
        }.map(\.diagnostic)
    }

    func unusedIgnores(_ analysis: MigrationAnalysis, used: [String: Set<Int>]) -> [Diagnostic] {
        let meta = UnusedIgnore.metadata
        guard configuration.isEnabled(meta) else { return [] }
        let severity = configuration.severity(meta, default: meta.severity)
        let known = RuleRegistry.knownIDs
        var out: [Diagnostic] = []
        for file in analysis.files {
            guard let suppressions = analysis.suppressions[file] else { continue }
            for (i, s) in suppressions.all.enumerated() where !(used[file]?.contains(i) ?? false) {
                let unknown = s.ruleIDs.filter { !known.contains($0) }
                let message: String
                if s.ruleIDs.isEmpty {
                    message = "this suppression names no rule"
                } else if !unknown.isEmpty {
                    message = "this suppression names unknown rule\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", "))"
                } else if case .nothing = s.scope {
                    message = "this suppression is not followed by a statement"
                } else {
                    let what = s.scope == .file ? "in this file" : "on the next statement"
                    message = "\(s.ruleIDs.joined(separator: ", ")) reported nothing \(what): the suppression is unused"
                }
                out.append(
                    Diagnostic(
                        id: meta.id, severity: severity, message: message, file: file, span: s.span,
                        help: meta.safeAlternative))
            }
        }
        return out
    }
}
