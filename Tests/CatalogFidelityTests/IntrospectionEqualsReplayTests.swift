import Diagnostics
import Foundation
import MigrationLayout
import PostgresAdapter
import SQLParser
import SchemaCatalog
import Testing

/// For each PostgreSQL history of the corpus: replay it into a scratch database
/// and print the catalog twice with the built `switchgate` — replayed
/// (`switchgate schema FILES...`) and read back from the database
/// (`switchgate schema --database-url URL`) — and require the two JSON outputs to
/// agree in every field. Expression texts are compared in the server's spelling
/// (`ServerSpelling`); see docs/catalog-fidelity.md.
///
/// Where the server refuses a file (lemmy's PostgreSQL 16 syntax), switchgate must
/// refuse the same file with the same SQLSTATE, and the catalogs are compared as
/// they stood before it.
@Suite(.serialized) struct IntrospectionEqualsReplayTests {
    static let names: Set<String> = ["harness-after-0000", "vaultwarden", "lemmy", "temporal", "temporal-visibility"]
    static let histories = CatalogFidelityTests.histories.filter { names.contains($0.name) }

    @Test(.enabled(if: FidelityServer.enabled, FidelityServer.disabledReason), arguments: histories)
    func introspectionEqualsReplay(_ history: CatalogFidelityTests.History) throws {
        let files = try history.files()
        #expect(!files.isEmpty)
        let report = try IntrospectionComparison.run(files, serverURL: try FidelityServer.url())
        print("introspection = replay \(history.name): \(report.summary)")
        for line in report.differences.prefix(60) { print("  " + line) }
        #expect(report.differences.isEmpty, "\(history.name): \(report.differences.count) differences")
    }
}

/// One history replayed into a scratch database and compared through the CLI.
struct IntrospectionComparison {
    var filesApplied = 0
    var objectsCompared = 0
    var respelled = 0
    var differences: [String] = []
    var stoppedAt: String?
    /// Expression texts sent to the server for its spelling, and those it refused.
    var probes = 0
    var refusedProbes: [String] = []

    var summary: String {
        "\(filesApplied) files, \(objectsCompared) objects compared, \(respelled) expressions respelled, "
            + "\(probes) probes (\(refusedProbes.count) refused), \(differences.count) differences"
            + (stoppedAt.map { ", both refused \($0)" } ?? "")
    }

    static func run(_ files: [MigrationFile], serverURL: String) throws -> IntrospectionComparison {
        var report = IntrospectionComparison()
        let scratch = try ScratchDatabase(serverURL: serverURL)
        defer { try? scratch.drop() }
        var accepted: [MigrationFile] = []
        do {
            let conn = try scratch.connect()
            var replay = Replay(catalog: Catalog(dialect: .postgres))
            for file in files {
                let name = URL(fileURLWithPath: file.path).pathComponents.suffix(2).joined(separator: "/")
                let serverError = try applyOnServer(file, conn)
                replay.apply(
                    SourceFile(path: file.path, bytes: file.bytes),
                    range: file.applied == 0..<file.bytes.count ? nil : file.applied)
                if let serverError {
                    if let failure = replay.failure, failure.sqlState == serverError.sqlState {
                        report.stoppedAt = "\(name) (\(serverError.sqlState))"
                    } else {
                        report.differences.append(
                            "\(name): the server refused it with \(serverError.sqlState) (\(serverError.message)); "
                                + "switchgate \(replay.failure.map { "with \($0.sqlState)" } ?? "accepted it")")
                    }
                    break
                }
                if let failure = replay.failure {
                    report.differences.append(
                        "\(name):\(failure.line): switchgate refused with \(failure.sqlState) \(failure.message); "
                            + "the server accepted")
                    return report
                }
                accepted.append(file)
            }
        }
        report.filesApplied = accepted.count

        let replayed = try SwitchgateBinary.run(["schema", "--format", "json"] + accepted.map(\.path))
        guard replayed.status == 0 else {
            report.differences.append("switchgate schema FILES... exited \(replayed.status): \(replayed.stderr)")
            return report
        }
        let introspected = try SwitchgateBinary.run(["schema", "--format", "json", "--database-url", scratch.url])
        guard introspected.status == 0 else {
            report.differences.append("switchgate schema --database-url exited \(introspected.status): \(introspected.stderr)")
            return report
        }
        // The same read in process: every type the model spells as format_type() does.
        let read = try PostgresBaseline.read(url: scratch.url, introspector: Introspector())
        report.differences += read.typeSpellingMismatches.map { "type spelling: \($0)" }

        let spelling = try ServerSpelling(scratch: scratch)
        var comparison = SchemaJSONComparison(spelling: spelling)
        try comparison.compare(replay: replayed.stdout, server: introspected.stdout)
        report.objectsCompared = comparison.objectsCompared
        report.respelled = comparison.respelled
        report.differences += comparison.differences
        report.probes = spelling.probes
        report.refusedProbes = spelling.refused
        return report
    }

    /// Runs a file on the server as FidelityRun does: as one script (the way the
    /// migration tools send it), or statement by statement for a file that runs
    /// outside a transaction. Returns the server's refusal, if any.
    static func applyOnServer(_ file: MigrationFile, _ conn: PostgresConnection) throws -> ServerError? {
        let bytes = Array(file.bytes[file.applied])
        do {
            if file.transaction == .none {
                for statement in SQLParser(dialect: .postgres).parse(bytes).statements {
                    _ = try conn.execute(
                        String(decoding: bytes[statement.span.start..<statement.span.end], as: UTF8.self))
                }
            } else {
                _ = try conn.execute(String(decoding: bytes, as: UTF8.self))
            }
        } catch {
            guard let serverError = error.serverError else { throw error }
            return serverError
        }
        return nil
    }
}
