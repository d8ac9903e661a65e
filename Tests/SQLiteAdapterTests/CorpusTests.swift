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

    /// Categories in which the whole-history replay already agrees with SQLite on
    /// every corpus history, despite the refusals and what follows from them.
    static let wholeHistoryAgreeing: Set<CatalogDifference.Category> = [.columnNameCase, .indexUnique]

    /// Strict: every file replay accepts in full, replayed from SQLite's own catalog
    /// before it, gives SQLite's catalog after it, except for the known modelling
    /// differences (`CatalogDifference.Category.modelling`); and the whole history
    /// agrees in `wholeHistoryAgreeing`.
    @Test(arguments: History.all)
    func replayAgreesWithSQLiteWhereItAlreadyDoes(_ history: History) throws {
        let analysis = try CorpusAnalysis.analysis(history)
        var checkedFiles = 0
        for file in analysis.fileByFile where file.refusals.isEmpty {
            checkedFiles += 1
            let unexpected = file.differences.filter { !CatalogDifference.Category.modelling.contains($0.category) }
            #expect(unexpected.isEmpty, "\(file.file):\n\(unexpected.map(\.description).joined(separator: "\n"))")
        }
        #expect(checkedFiles > 0)
        let regressions = analysis.wholeHistory.filter { Self.wholeHistoryAgreeing.contains($0.category) }
        #expect(regressions.isEmpty, "\(regressions.map(\.description).joined(separator: "\n"))")
        print(
            "\(history.name): \(checkedFiles)/\(analysis.fileByFile.count) files replayed without a refusal"
                + " agree with SQLite"
        )
    }

    /// Where replay and SQLite still disagree: printed, and recorded as a known issue
    /// (only when there is a difference, so a fix shows up as an unexpected pass).
    @Test(arguments: History.all)
    func replayDifferencesFromSQLite(_ history: History) throws {
        let analysis = try CorpusAnalysis.analysis(history)
        let whole = analysis.wholeHistory.filter { !Self.wholeHistoryAgreeing.contains($0.category) }
        let refusals = analysis.fileByFile.flatMap(\.refusals)
        let modelling = analysis.fileByFile.flatMap(\.differences).filter {
            CatalogDifference.Category.modelling.contains($0.category)
        }
        guard !whole.isEmpty || !refusals.isEmpty || !modelling.isEmpty else { return }
        var lines = ["\(history.name): replay against SQLite"]
        lines.append("  file by file (replay starting from SQLite's catalog before each file):")
        lines += Self.summary(refusals + modelling, indent: "    ")
        lines.append("  whole history (refused statements left out, so later differences follow from them):")
        lines += Self.summary(whole, indent: "    ")
        print(lines.joined(separator: "\n"))
        withKnownIssue("replay of SQLite DDL differs from SQLite's own catalog") {
            for (scope, differences) in [("file by file", refusals + modelling), ("whole history", whole)] {
                let grouped = Dictionary(grouping: differences, by: \.category)
                for category in CatalogDifference.Category.allCases {
                    guard let items = grouped[category] else { continue }
                    Issue.record(
                        "\(history.name), \(scope): \(category.rawValue): \(items.count), e.g. \(items[0].detail)")
                }
            }
        }
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
