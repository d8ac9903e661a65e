import Diagnostics
import Foundation
import MigrationLayout
import PostgresAdapter
import SchemaCatalog
import SQLParser
import SQLSyntax
import Testing

/// Replays each PostgreSQL history of `../shared/corpus` file by file both into
/// switchgate's catalog and into a scratch database on a real PostgreSQL, and
/// compares what `switchgate schema` prints with what the server's catalog holds
/// after every file. Where the server refuses a file, switchgate must refuse the
/// same statement with the same SQLSTATE.
@Suite(.serialized) struct CatalogFidelityTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    struct History: Sendable, CustomStringConvertible {
        var name: String
        var files: @Sendable () throws -> [MigrationFile]
        var description: String { name }
    }

    static func layout(_ relative: String) -> @Sendable () throws -> [MigrationFile] {
        { try MigrationLoader.load(paths: [corpus.appendingPathComponent(relative).path]).files }
    }

    /// temporal's versioned folders, in the order of their manifest.json files
    /// (written out in temporal/PROVENANCE.md): versions numerically, and within a
    /// version the manifest's order; visibility v1.10 to v1.12 are empty manifests.
    static func temporal(_ database: String, order: [String: [String]], skip: Set<String>) -> @Sendable () throws -> [MigrationFile] {
        {
            let root = corpus.appendingPathComponent("temporal/v12/\(database)/versioned")
            let versions = try FileManager.default.contentsOfDirectory(atPath: root.path)
                .filter { !skip.contains($0) }
                .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
            var files: [String] = []
            for version in versions {
                let folder = root.appendingPathComponent(version)
                let present = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
                let names = order[version] ?? present
                files += names.map { folder.appendingPathComponent($0).path }
            }
            return try MigrationLoader.load(paths: files).files
        }
    }

    static let histories: [History] = [
        History(name: "harness", files: layout("harness/postgres")),
        // harness's first file alters a table that its Go code creates; the rest of
        // the history is still worth comparing, so it runs again without that file.
        History(name: "harness-after-0000", files: {
            try layout("harness/postgres")().filter { !$0.path.hasSuffix("0000_alter_table_migrations.up.sql") }
        }),
        History(name: "vaultwarden", files: layout("vaultwarden/postgresql")),
        History(name: "lemmy", files: layout("lemmy")),
        History(
            name: "temporal",
            files: temporal(
                "temporal",
                order: [
                    "v1.5": ["event.sql", "executions.sql", "cluster_membership.sql"],
                    "v1.7": ["cluster_metadata_info.sql", "no_start_version.sql", "tiered_storage_tasks.sql"],
                    "v1.8": ["drop_unused_tasks_table.sql", "alter_columns.sql"],
                ], skip: [])),
        History(
            name: "temporal-visibility",
            files: temporal(
                "visibility",
                order: [
                    "v1.3": ["add_history_size_bytes.sql", "add_build_ids_search_attribute.sql"],
                    "v1.4": ["add_execution_duration.sql", "add_state_transition_count.sql", "add_parent_workflow_info.sql"],
                    "v1.13": ["combined_v1.10_v1.13.sql"],
                ], skip: ["v1.10", "v1.11", "v1.12"])),
    ]

    @Test(.enabled(if: FidelityServer.enabled, FidelityServer.disabledReason), arguments: histories)
    func replayMatchesTheServer(_ history: History) throws {
        let files = try history.files()
        #expect(!files.isEmpty)
        let report = try FidelityRun.run(files, serverURL: try FidelityServer.url())
        print("fidelity \(history.name): \(report.summary)")
        for line in report.differences.prefix(40) { print("  " + line) }
        #expect(report.differences.isEmpty, "\(history.name): \(report.differences.count) differences")
    }
}

/// The server, as the adapter tests find it (`SWITCHGATE_TEST_PG_URL`, required when CI=true).
enum FidelityServer {
    static let url_: String? = ProcessInfo.processInfo.environment["SWITCHGATE_TEST_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    static let enabled = url_ != nil || isCI
    static let disabledReason: Testing.Comment = "SWITCHGATE_TEST_PG_URL is not set: start PostgreSQL (see .ci/run) to run fidelity tests"
    struct Missing: Error, CustomStringConvertible {
        var description: String { "SWITCHGATE_TEST_PG_URL is not set but CI=true: .ci/run must start PostgreSQL" }
    }
    static func url() throws -> String {
        guard let url_ else { throw Missing() }
        return url_
    }
}
