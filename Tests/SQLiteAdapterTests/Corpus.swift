import Diagnostics
import Foundation
import SQLParser
import SchemaCatalog
import Testing

@testable import SQLiteAdapter

/// The SQLite migration histories of the shared corpus (`<repo>/../shared/corpus`).
struct History: Sendable, CustomTestStringConvertible {
    enum Layout: Sendable {
        /// `NNNN_name.up.sql` (and harness's `NNNN_name_up.sql`), by numeric version then name.
        case golangMigrate
        /// `<version>_<name>/up.sql`, by the version with `-` removed, then the folder name.
        case diesel
    }

    /// A statement SQLite is known to refuse, and why that is not a failure.
    struct KnownRefusal: Sendable {
        var file: String
        var message: String
        /// The SQLite version from which the statement is accepted, if a newer one does.
        var acceptedFrom: Int?
        var reason: String
    }

    var name: String
    var folder: String
    var layout: Layout
    /// What the migration tool creates before the first migration runs.
    var prelude: String?
    var knownRefusals: [KnownRefusal]

    var testDescription: String { name }

    static let all: [History] = [
        History(
            name: "harness/sqlite", folder: "harness/sqlite", layout: .golangMigrate,
            // harness's migrator keeps its bookkeeping table `migrations`, which the
            // first migration rebuilds with a primary key.
            prelude: "CREATE TABLE migrations (version TEXT NOT NULL);",
            knownRefusals: [
                KnownRefusal(
                    file: "0170.up.sql", message: "no such function: unhex", acceptedFrom: 3_041_000,
                    reason: "unhex() arrived in SQLite 3.41; the file is a single DELETE, so the schema is unaffected")
            ]),
        History(
            name: "vaultwarden/sqlite", folder: "vaultwarden/sqlite", layout: .diesel, prelude: nil, knownRefusals: []),
    ]

    /// `<repo>/../shared/corpus`, found from this file's path (CI clones the repository
    /// with `shared/` beside it, as on a developer machine).
    static var corpusRoot: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // SQLiteAdapterTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // the repository
            .deletingLastPathComponent()
            .appendingPathComponent("shared/corpus").standardizedFileURL.path
    }

    var path: String { (History.corpusRoot as NSString).appendingPathComponent(folder) }

    /// The up scripts in the order the migration tool applies them.
    func upFiles() throws -> [String] {
        let entries = try FileManager.default.contentsOfDirectory(atPath: path)
        switch layout {
        case .golangMigrate:
            let ups = entries.compactMap { name -> (version: String, name: String)? in
                guard name.hasSuffix(".up.sql") || name.hasSuffix("_up.sql") else { return nil }
                let version = String(name.prefix { $0.isASCII && $0.isNumber })
                return version.isEmpty ? nil : (version, name)
            }
            return ups.sorted { a, b in
                let x = a.version.drop { $0 == "0" }
                let y = b.version.drop { $0 == "0" }
                if x.count != y.count { return x.count < y.count }
                if x != y { return x < y }
                return Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8))
            }.map { (path as NSString).appendingPathComponent($0.name) }
        case .diesel:
            let folders = entries.filter { name in
                var isDirectory: ObjCBool = false
                let full = (path as NSString).appendingPathComponent(name)
                return FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) && isDirectory.boolValue
            }
            func version(_ folder: String) -> String {
                String(folder.prefix { $0 != "_" }).replacingOccurrences(of: "-", with: "")
            }
            return folders.sorted { (version($0), $0) < (version($1), $1) }.map {
                ((path as NSString).appendingPathComponent($0) as NSString).appendingPathComponent("up.sql")
            }
        }
    }

    /// The corpus-relative name of a script: `0170.up.sql`, `2018-01-14-171611_create_tables/up.sql`.
    func displayName(_ file: String) -> String {
        String(file.dropFirst(path.count + 1))
    }
}

/// What applying a history to a fresh in-memory SQLite gave.
struct AppliedHistory {
    var connection: SQLiteConnection
    var files: [String]
    var applied = 0
    /// Files SQLite refused, with the refusal; the statements after it in that file did not run.
    var refusals: [(file: String, failure: SQLiteError)] = []
}

extension History {
    func applyToSQLite() throws -> AppliedHistory {
        let connection = try SQLiteConnection.inMemory()
        if let prelude { try connection.execute(prelude) }
        var result = AppliedHistory(connection: connection, files: try upFiles())
        for file in result.files {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
            do {
                try connection.execute(text)
                result.applied += 1
            } catch {
                result.refusals.append((displayName(file), error))
            }
        }
        return result
    }

    /// Replays the same files (and prelude) with SchemaCatalog's `Replay`, one
    /// statement at a time. `Replay` stops at the first statement it refuses; here a
    /// refused statement is recorded and left out (the catalog from before it is
    /// kept) and replay goes on, so that one refusal does not hide every later
    /// difference. SQLite itself accepted all of these statements.
    func replay() throws -> (catalog: Catalog, refusals: [Replay.Failure]) {
        var catalog = Catalog(dialect: .sqlite)
        var refusals: [Replay.Failure] = []
        var sources: [SourceFile] = []
        if let prelude { sources.append(SourceFile(path: "prelude.sql", text: prelude)) }
        for file in try upFiles() {
            sources.append(
                SourceFile(path: displayName(file), bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))))
        }
        let parser = SQLParser(dialect: .sqlite)
        for source in sources {
            for statement in parser.parse(source.bytes).statements {
                var replay = Replay(catalog: catalog)
                replay.apply(source, range: statement.span.start..<statement.span.end)
                if let failure = replay.failure {
                    refusals.append(failure)
                } else {
                    catalog = replay.catalog
                }
            }
        }
        return (catalog, refusals)
    }
}

/// How replay and SQLite compare on one history, computed once for all tests.
struct HistoryAnalysis: Sendable {
    /// Replay of the whole history (refused statements left out) against SQLite after it.
    var wholeHistory: [CatalogDifference]
    /// Each file replayed from SQLite's own catalog before it, against SQLite after it,
    /// so that a difference shows in the file that causes it and does not cascade.
    var fileByFile: [FileComparison]
}

struct FileComparison: Sendable {
    var file: String
    /// Statements of this file replay refused.
    var refusals: [CatalogDifference]
    var differences: [CatalogDifference]
}

enum CorpusAnalysis {
    /// Computed on first use (a static `let` is initialized once, thread-safely).
    static let byHistory: [String: Result<HistoryAnalysis, any Error>] = Dictionary(
        uniqueKeysWithValues: History.all.map { history in (history.name, Result { try history.analyse() }) })

    static func analysis(_ history: History) throws -> HistoryAnalysis {
        guard let result = byHistory[history.name] else { throw AnalysisMissing(name: history.name) }
        return try result.get()
    }

    struct AnalysisMissing: Error { var name: String }
}

extension History {
    func analyse() throws -> HistoryAnalysis {
        let applied = try applyToSQLite()
        let introspected = try SQLiteIntrospection.introspect(applied.connection)
        let replay = try replay()
        let whole =
            replay.refusals.map(Self.refusal) + compareCatalogs(replayed: replay.catalog, introspected: introspected)
        return HistoryAnalysis(wholeHistory: whole, fileByFile: try compareFileByFile())
    }

    static func refusal(_ failure: Replay.Failure) -> CatalogDifference {
        CatalogDifference(
            category: .replayRefused, detail: "\(failure.file):\(failure.line):\(failure.column): \(failure.message)")
    }

    func compareFileByFile() throws -> [FileComparison] {
        let db = try SQLiteConnection.inMemory()
        if let prelude { try db.execute(prelude) }
        var before = try SQLiteIntrospection.introspect(db)
        var comparisons: [FileComparison] = []
        let parser = SQLParser(dialect: .sqlite)
        for file in try upFiles() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            let source = SourceFile(path: displayName(file), bytes: bytes)
            var catalog = before
            var refusals: [CatalogDifference] = []
            for statement in parser.parse(bytes).statements {
                var replay = Replay(catalog: catalog)
                replay.apply(source, range: statement.span.start..<statement.span.end)
                if let failure = replay.failure {
                    refusals.append(Self.refusal(failure))
                } else {
                    catalog = replay.catalog
                }
            }
            // A refusal by SQLite is checked by `historyAppliesAndIntrospects`; here the
            // catalog after the file is whatever SQLite made of it.
            _ = try? db.execute(String(decoding: bytes, as: UTF8.self))
            let after = try SQLiteIntrospection.introspect(db)
            comparisons.append(
                FileComparison(
                    file: source.path, refusals: refusals,
                    differences: compareCatalogs(replayed: catalog, introspected: after)))
            before = after
        }
        return comparisons
    }
}
