import Diagnostics
import Foundation
import MigrationLayout
import SQLSyntax
import SchemaCatalog
import Testing

@testable import MigrationRules

/// Runs the analyzer and every rule over the PostgreSQL histories of `../shared/corpus`.
///
/// Each history runs twice: whole, from an empty database (every table is created in the
/// run, so no lock hazard may fire at all), and split, with the first 60% of the files as
/// the baseline S0 and the rest as the migration under review (lock hazards must then
/// name a table that existed before the migration). With `SWITCHGATE_FINDINGS_SAMPLE=path`
/// a sample of the PostgreSQL findings is written there for checking by hand. The SQLite
/// histories run too, for the exemption and for crashes.
@Suite(.serialized) struct CorpusRulesTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func load(_ relative: String) throws -> [MigrationFile] {
        try MigrationLoader.load(paths: [corpus.appendingPathComponent(relative).path]).files
    }

    /// temporal's versioned folders in manifest order (temporal/PROVENANCE.md).
    static func temporal(_ database: String, order: [String: [String]], skip: Set<String>) throws -> [MigrationFile] {
        let root = corpus.appendingPathComponent("temporal/v12/\(database)/versioned")
        let versions = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !skip.contains($0) }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        var files: [String] = []
        for version in versions {
            let folder = root.appendingPathComponent(version)
            let present = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
            files += (order[version] ?? present).map { folder.appendingPathComponent($0).path }
        }
        return try MigrationLoader.load(paths: files).files
    }

    static let histories = [
        "harness/postgres", "vaultwarden/postgresql", "lemmy", "temporal", "temporal-visibility", "harness/sqlite",
        "vaultwarden/sqlite",
    ]

    static func files(_ name: String) throws -> [MigrationFile] {
        switch name {
        case "temporal":
            return try temporal("temporal", order: [
                "v1.5": ["event.sql", "executions.sql", "cluster_membership.sql"],
                "v1.7": ["cluster_metadata_info.sql", "no_start_version.sql", "tiered_storage_tasks.sql"],
                "v1.8": ["drop_unused_tasks_table.sql", "alter_columns.sql"],
            ], skip: [])
        case "temporal-visibility":
            return try temporal("visibility", order: [
                "v1.3": ["add_history_size_bytes.sql", "add_build_ids_search_attribute.sql"],
                "v1.4": ["add_execution_duration.sql", "add_state_transition_count.sql", "add_parent_workflow_info.sql"],
                "v1.13": ["combined_v1.10_v1.13.sql"],
            ], skip: ["v1.10", "v1.11", "v1.12"])
        default:
            return try load(name)
        }
    }

    static let lockRules = Set(RuleRegistry.metadata.filter(\.lockHazard).map(\.id))

    /// lemmy's recent migrations need PostgreSQL 16+ (subqueries in FROM without an alias).
    static func version(_ name: String) -> Int { name == "lemmy" ? 17 : 15 }

    static func dialect(_ name: String) -> Dialect.Kind { name.hasSuffix("sqlite") ? .sqlite : .postgres }

    static func run(_ files: [MigrationFile], baseline: Catalog, version: Int) -> (MigrationAnalysis, [Diagnostic]) {
        let analysis = MigrationAnalyzer(dialect: Dialect(kind: baseline.dialect.kind, postgresVersion: version))
            .analyze(files: files, baseline: baseline)
        return (analysis, RuleEngine().run(analysis))
    }

    @Test(arguments: histories)
    func wholeHistoryHasNoLockHazardOnItsOwnTables(_ name: String) throws {
        let files = try Self.files(name)
        #expect(!files.isEmpty)
        let (_, found) = Self.run(files, baseline: Catalog(dialect: Dialect(kind: Self.dialect(name))), version: Self.version(name))
        let hazards = found.filter { Self.lockRules.contains($0.id) }
        // harness's first file alters the `migrations` table its Go code creates: the only
        // table the run did not make, so hazards there are right.
        let foreign = hazards.filter { !$0.file.hasSuffix("0000_alter_table_migrations.up.sql") }
        #expect(foreign.isEmpty, "\(foreign.prefix(5).map { "\($0.file):\($0.span.start) \($0.id) \($0.message)" })")
    }

    @Test(arguments: histories)
    func splitHistoryHazardsNameBaselineTables(_ name: String) throws {
        let files = try Self.files(name)
        let cut = files.count * 6 / 10
        let (head, _) = Self.run(Array(files[..<cut]), baseline: Catalog(dialect: Dialect(kind: Self.dialect(name))), version: Self.version(name))
        let (analysis, found) = Self.run(Array(files[cut...]), baseline: head.final, version: Self.version(name))
        // SQLite locks the whole database, not relations: the whole-history test covers it.
        for d in found where Self.lockRules.contains(d.id) && Self.dialect(name) == .postgres {
            guard let s = analysis.statements.first(where: { $0.file == d.file && $0.span.start <= d.span.start && d.span.end <= $0.span.end }) else {
                continue
            }
            let touched = Set(s.effects.locks.map(\.relation)).union(s.effects.rewrites).union(s.effects.scans)
                .union(analysis.transaction(s.transaction)?.statements.flatMap { analysis.statements[$0].effects.locks.map(\.relation) } ?? [])
            #expect(!touched.isSubset(of: analysis.createdInRun), "\(d.file) \(d.id): \(d.message)")
        }
        if Self.dialect(name) == .postgres { CorpusSample.shared.add(name, found, analysis) }
    }

    @Test func writeSample() throws {
        // Runs last in this serialized suite (declaration order); only writes when asked.
        guard let path = ProcessInfo.processInfo.environment["SWITCHGATE_FINDINGS_SAMPLE"] else { return }
        try CorpusSample.shared.write(to: path)
    }
}

/// Findings collected across histories, sampled evenly over rules.
final class CorpusSample: @unchecked Sendable {
    static let shared = CorpusSample()
    private let lock = NSLock()
    private var rows: [(history: String, rule: String, line: String)] = []

    func add(_ history: String, _ found: [Diagnostic], _ analysis: MigrationAnalysis) {
        lock.lock()
        defer { lock.unlock() }
        for d in found {
            let location = analysis.sources[d.file]?.location(of: d.span.start)
            let relative = d.file.components(separatedBy: "shared/corpus/").last ?? d.file
            rows.append((history, d.id, "\(relative):\(location?.line ?? 0): \(d.severity.rawValue) [\(d.id)] \(d.message)"))
        }
    }

    func write(to path: String) throws {
        lock.lock()
        defer { lock.unlock() }
        var byRule: [String: [String]] = [:]
        for row in rows { byRule[row.rule, default: []].append(row.line) }
        var sample: [String] = []
        var round = 0
        while sample.count < 50 && byRule.values.contains(where: { $0.count > round }) {
            for rule in byRule.keys.sorted() where sample.count < 50 {
                if let list = byRule[rule], list.count > round {
                    // Spread picks over each rule's findings.
                    sample.append(list[(round * 7919) % list.count == 0 ? round : (round * 7919) % list.count])
                }
            }
            round += 1
        }
        let counts = byRule.keys.sorted().map { "\($0): \(byRule[$0]?.count ?? 0)" }.joined(separator: ", ")
        let text = "# \(rows.count) findings in the split corpus runs (last 40% of each history on the first 60%)\n# per rule: \(counts)\n\n" + sample.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        if let all = ProcessInfo.processInfo.environment["SWITCHGATE_FINDINGS_ALL"] {
            try Data(rows.map(\.line).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: all))
        }
    }
}
