import Diagnostics
import MigrationRules
import QueryBinding
import SQLSyntax
import SchemaCatalog

/// A statement as the check reports it: the analysis' facts and its phase.
public struct StatementReport: Sendable {
    public var statement: MigrationStatement
    public var placement: PlacedStatement
    public var phase: Phase { placement.phase }
}

/// A query's verdict on one schema, as the check reports it.
public struct QueryReport: Sendable {
    public var side: QuerySide
    public var query: Query
    public var stage: SchemaStage
    public var result: BindingResult
    /// The statement after which it stopped working.
    public var brokenBy: MigrationStatement?
    public var ok: Bool { result.ok }
}

/// Everything `switchgate check` reports (SPEC §5).
public struct CheckResult: Sendable {
    public var statements: [StatementReport]
    public var queries: [QueryReport]
    /// Rule findings and the planner's own, in file and offset order.
    public var findings: [Diagnostic]
    /// "unsafe" exactly when there is an error finding.
    public var isSafe: Bool { !findings.contains { $0.severity == .error } }
    public var intermediate: Catalog
    public var final: Catalog
}

/// Runs the phase planner over an analysis and the two sides' queries, and turns
/// its evidence into findings next to the rule engine's.
public struct Checker: Sendable {
    public let analysis: MigrationAnalysis
    public let blue: [Query]
    public let green: [Query]
    public let blueGiven: Bool
    public let greenGiven: Bool

    public init(analysis: MigrationAnalysis, blue: [Query], green: [Query], blueGiven: Bool? = nil, greenGiven: Bool? = nil) {
        self.analysis = analysis
        self.blue = blue
        self.green = green
        self.blueGiven = blueGiven ?? !blue.isEmpty
        self.greenGiven = greenGiven ?? !green.isEmpty
    }

    public func run(ruleFindings: [Diagnostic]) -> CheckResult {
        run(ruleFindings: ruleFindings, plan: plan())
    }

    /// The phases and query verdicts alone (the rules do not need them, so the two
    /// can run side by side).
    public func plan() -> PhasePlan {
        PhasePlanner(analysis: analysis, blue: blue, green: green, blueGiven: blueGiven, greenGiven: greenGiven).plan()
    }

    /// The check's result from the rules' findings and the plan.
    public func run(ruleFindings: [Diagnostic], plan: PhasePlan) -> CheckResult {
        let statements = plan.statements.map { StatementReport(statement: analysis.statements[$0.index], placement: $0) }
        let queries = plan.verdicts.map { verdict in
            QueryReport(
                side: verdict.side, query: verdict.side == .blue ? blue[verdict.query] : green[verdict.query],
                stage: verdict.stage, result: verdict.result,
                brokenBy: verdict.brokenBy.map { analysis.statements[$0] })
        }
        var findings = Self.withoutSettledCompatibilityFindings(ruleFindings, statements)
        findings += breakingFindings(statements)
        findings += queryFindings(queries)
        findings += starFindings(queries)
        findings.sort { ($0.file, $0.span.start, $0.id) < ($1.file, $1.span.start, $1.id) }
        return CheckResult(
            statements: statements, queries: queries, findings: findings, intermediate: plan.intermediate, final: plan.final)
    }

    /// A compatibility rule (drop, rename, ...) warns that a statement would break
    /// the running version. Once the phases are known that is settled for contract
    /// statements (applied after blue is retired: nothing left to break) and for
    /// breaking ones (the `breaking-change` error says it with the evidence); it
    /// stays for statements in expand and backfill.
    static func withoutSettledCompatibilityFindings(_ findings: [Diagnostic], _ statements: [StatementReport]) -> [Diagnostic] {
        // A file's statements come one after another: grouped in runs, each
        // file's spans are added to the map once.
        var runs: [(file: String, spans: [SourceSpan])] = []
        for report in statements where report.phase == .contract || report.phase == .breaking {
            let statement = report.statement
            if runs.last?.file == statement.file {
                runs[runs.count - 1].spans.append(statement.span)
            } else {
                runs.append((statement.file, [statement.span]))
            }
        }
        let settled = Dictionary(runs.map { ($0.file, $0.spans) }, uniquingKeysWith: +)
        var categories = RunLookup<String, RuleMetadata.Category?>()
        var settledIn = RunLookup<String, [SourceSpan]?>()
        return findings.filter { finding in
            guard categories.value(finding.id, RuleRegistry.category) == .compatibility else { return true }
            let spans = settledIn.value(finding.file) { settled[$0] }
            guard let spans else { return true }
            return !spans.contains { $0.start <= finding.span.start && finding.span.start < Swift.max($0.end, $0.start + 1) }
        }
    }

    func describe(_ query: Query) -> String {
        let name = query.name.map { " \($0)" } ?? ""
        return "\(query.file):\(query.line)\(name)"
    }

    func describe(_ statement: MigrationStatement) -> String {
        "\(statement.file):\(statement.line)"
    }

    /// One error per breaking statement (the first of its transaction carries it).
    func breakingFindings(_ statements: [StatementReport]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var reportedUnits: Set<[Int]> = []
        for report in statements where report.phase == .breaking {
            let placement = report.placement
            // A SET or BEGIN takes the phase of the statement it prepares; the error
            // belongs to that statement.
            if placement.breaksBlue.isEmpty && placement.assumedBlueBreaks.isEmpty { continue }
            let unitKey = placement.breaksBlue + [-1] + placement.neededByGreen + [report.statement.transaction ?? -report.statement.index - 2]
            if report.statement.transaction != nil && reportedUnits.contains(unitKey) { continue }
            reportedUnits.insert(unitKey)
            var reasons: [String] = []
            var notes: [Diagnostic.Note] = []
            if !placement.breaksBlue.isEmpty {
                let names = placement.breaksBlue.map { describe(blue[$0]) }
                reasons.append("it breaks blue query \(names.joined(separator: ", "))")
                for q in placement.breaksBlue {
                    notes.append(.init(message: "blue query that stops working", file: blue[q].file, span: blue[q].span))
                }
            } else if !placement.assumedBlueBreaks.isEmpty {
                reasons.append(
                    "without blue queries, blue is assumed to use \(Self.list(placement.assumedBlueBreaks)), which it removes")
            }
            if !placement.neededByGreen.isEmpty {
                let names = placement.neededByGreen.map { describe(green[$0]) }
                reasons.append("green query \(names.joined(separator: ", ")) needs it")
                for q in placement.neededByGreen {
                    notes.append(.init(message: "green query that needs it", file: green[q].file, span: green[q].span))
                }
            } else if !placement.assumedGreenNeeds.isEmpty {
                reasons.append("without green queries, green is assumed to use \(Self.list(placement.assumedGreenNeeds)), which it creates")
            }
            findings.append(
                Diagnostic(
                    id: "breaking-change", severity: .error,
                    message: "statement fits no phase: \(reasons.joined(separator: ", and "))",
                    file: report.statement.file, span: report.statement.span, notes: notes,
                    help: "split it into an expand step that adds the new shape next to the old one (both versions keep working), "
                        + "a backfill, and a contract step that removes the old shape after blue is retired"))
        }
        return findings
    }

    /// SPEC §3's warning: a query that reads `*` from a relation whose columns the
    /// migration changes gets a different row shape on the old and the new schema
    /// (an INSERT ... SELECT * or a positional reader breaks even when both bind).
    func starFindings(_ queries: [QueryReport]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var seen: Set<String> = []
        for report in queries where report.ok && !report.result.starRelations.isEmpty {
            let query = report.query
            let id = "\(report.side.rawValue) \(query.file) \(query.span.start)"
            guard !seen.contains(id) else { continue }
            var changed: [String] = []
            for key in report.result.starRelations.sorted() {
                let before = Self.columnSignature(key, in: analysis.baseline)
                let after = Self.columnSignature(key, in: analysis.final)
                guard let before, let after, before != after else { continue }
                let added = after.filter { !before.contains($0) }.map(\.name)
                let removed = before.filter { !after.contains($0) }.map(\.name)
                var parts: [String] = []
                if !added.isEmpty { parts.append("new or changed: \(added.joined(separator: ", "))") }
                if !removed.isEmpty { parts.append("gone or changed: \(removed.joined(separator: ", "))") }
                if parts.isEmpty { parts.append("reordered") }
                changed.append("\(key) (\(parts.joined(separator: "; ")))")
            }
            guard !changed.isEmpty else { continue }
            seen.insert(id)
            findings.append(
                Diagnostic(
                    id: "select-star-columns-change", severity: .warning,
                    message: "\(report.side.rawValue) query depends on every column of \(changed.joined(separator: ", ")) (through * or an INSERT without a column list), and this migration changes them: its rows have another shape on the new schema",
                    file: query.file, span: query.span,
                    help: "name the columns the query reads or writes instead of relying on * or on column order"))
        }
        return findings
    }

    static func columnSignature(_ key: ObjectKey, in catalog: Catalog) -> [StarColumn]? {
        if let table = catalog.tables[key] { return table.columns.map { StarColumn(name: $0.name, type: $0.type.sql) } }
        if let view = catalog.views[key] { return view.columns.map { StarColumn(name: $0.name, type: $0.type?.sql ?? "") } }
        return nil
    }

    struct StarColumn: Hashable {
        var name: String
        var type: String
    }

    static func list(_ names: [String]) -> String {
        let shown = names.prefix(3).joined(separator: ", ")
        return names.count > 3 ? "\(shown) and \(names.count - 3) more" : shown
    }

    /// An error for every query that fails where it must work.
    func queryFindings(_ queries: [QueryReport]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for report in queries where !report.ok {
            let query = report.query
            let schema = report.stage == .intermediate ? "the intermediate schema (S1)" : "the final schema (S2)"
            let problem = report.result.problems.first.map { "\($0.message) (SQLSTATE \($0.code))" } ?? "it does not bind"
            var message = "\(report.side.rawValue) query fails on \(schema): \(problem)"
            var notes: [Diagnostic.Note] = []
            if let statement = report.brokenBy {
                message += "; broken by \(describe(statement))"
                notes.append(.init(message: "the statement that breaks it", file: statement.file, span: statement.span))
            }
            let span = report.result.problems.first?.span ?? query.span
            let help: String
            switch (report.side, report.stage) {
            case (.blue, _):
                help = "keep what blue uses until blue is retired: move the breaking statement to a later (contract) migration"
            case (.green, .intermediate):
                help = "green must run on the intermediate schema too: add what it needs in expand, or keep green off it until contract"
            case (.green, .final):
                help = "green must keep working after contract: do not drop or rename what green still uses"
            }
            findings.append(
                Diagnostic(
                    id: report.side == .blue ? "blue-query-fails" : "green-query-fails", severity: .error, message: message,
                    file: query.file, span: span, notes: notes, help: help))
        }
        return findings
    }
}
