import Foundation
import SchemaCatalog
import Testing

@testable import SQLiteAdapter

/// The corpus's SQLite histories, applied to a real (in-memory) SQLite, introspected,
/// and compared with SchemaCatalog's replay of the same files.
@Suite("SQLite corpus")
struct CorpusTests {
    @Test(arguments: History.all)
    func historyAppliesAndIntrospects(_ history: History) throws {
        try #require(
            FileManager.default.fileExists(atPath: history.path), "corpus history not found at \(history.path)")
        let result = try history.applyToSQLite()
        #expect(!result.files.isEmpty)
        for (file, error) in result.refusals {
            let known = history.knownRefusals.first { $0.file == file && error.failure?.message == $0.message }
            if let known, known.acceptedFrom.map({ SQLiteConnection.libraryVersionNumber < $0 }) ?? true {
                print(
                    "\(history.name): SQLite \(SQLiteConnection.libraryVersion) refuses \(file): \(error)"
                        + " (known: \(known.reason))"
                )
            } else {
                Issue.record("\(history.name): SQLite refused \(file): \(error)")
            }
        }

        let read = try SQLiteIntrospection.read(result.connection)
        let catalog = read.catalog
        let tables = try result.connection.query(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
        let indexes = try result.connection.query("SELECT count(*) FROM sqlite_master WHERE type = 'index'")
        #expect(tables == [[String(catalog.tables.count)]])
        #expect(indexes == [[String(catalog.indexes.count)]])
        #expect(read.notes.isEmpty, "\(read.notes)")
        // Every index belongs to a table that was read, every constraint index exists.
        for index in catalog.indexes.values {
            #expect(catalog.tables[index.table] != nil, "\(index.name) on \(index.table)")
        }
        for table in catalog.tables.values {
            for constraint in table.constraints {
                if let index = constraint.index { #expect(catalog.indexes[ObjectKey("main", index)] != nil) }
            }
        }
        let constraints = catalog.tables.values.flatMap(\.constraints)
        print(
            "\(history.name): \(result.applied)/\(result.files.count) up files applied; "
                + "\(catalog.tables.count) tables, \(catalog.tables.values.map(\.columns.count).reduce(0, +)) columns, "
                + "\(catalog.indexes.count) indexes "
                + "(\(catalog.indexes.values.filter { $0.constraint != nil }.count) from constraints), "
                + "\(catalog.views.count) views, \(catalog.tables.values.map(\.triggers.count).reduce(0, +)) triggers, "
                + "\(constraints.filter { $0.kind == .foreignKey }.count) foreign keys, "
                + "\(constraints.filter { $0.kind == .check }.count) checks")
    }

    /// Strict, file by file: each file, replayed from SQLite's own catalog before
    /// it, is accepted statement by statement and gives SQLite's catalog after it.
    @Test(arguments: History.all)
    func replayEqualsSQLiteFileByFile(_ history: History) throws {
        let analysis = try CorpusAnalysis.analysis(history)
        var differing = 0
        for file in analysis.fileByFile {
            let differences = file.refusals + file.differences
            guard !differences.isEmpty else { continue }
            differing += 1
            Issue.record(
                "\(history.name), \(file.file):\n\(Self.summary(differences, indent: "  ").joined(separator: "\n"))")
        }
        #expect(!analysis.fileByFile.isEmpty)
        print(
            "\(history.name): file by file, \(analysis.fileByFile.count) files compared,"
                + " \(analysis.fileByFile.map { $0.refusals.count + $0.differences.count }.reduce(0, +)) differences"
                + " (in \(differing) files)")
    }

    /// Strict, as a whole: replay of the whole history (from the prelude alone)
    /// refuses nothing and ends with SQLite's catalog.
    @Test(arguments: History.all)
    func replayEqualsSQLiteWholeHistory(_ history: History) throws {
        let analysis = try CorpusAnalysis.analysis(history)
        let whole = analysis.wholeHistory
        #expect(
            whole.isEmpty,
            "\(history.name), whole history:\n\(Self.summary(whole, indent: "  ").joined(separator: "\n"))")
        print("\(history.name): whole history, \(try history.upFiles().count) files replayed, \(whole.count) differences")
    }

    static func summary(_ differences: [CatalogDifference], indent: String) -> [String] {
        let grouped = Dictionary(grouping: differences, by: \.category)
        var lines: [String] = []
        for category in CatalogDifference.Category.allCases {
            guard let items = grouped[category] else { continue }
            lines.append("\(indent)\(category.rawValue): \(items.count)")
            for item in items.prefix(6) { lines.append("\(indent)  \(item.detail)") }
            if items.count > 6 { lines.append("\(indent)  ...") }
        }
        return lines
    }
}
