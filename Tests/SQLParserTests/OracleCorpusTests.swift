import Foundation
import SQLParser
import SQLSyntax
import Testing

/// The front-end against PostgreSQL's own parser (libpg_query, via the committed
/// oracle in Tests/Fixtures/oracle) on every PostgreSQL file of ../shared/corpus,
/// and against crashes on every SQLite file.
@Suite struct OracleCorpusTests {
    struct OracleFile: Decodable {
        struct Statement: Decodable {
            var kind: String
            var start: Int
            var end: Int
        }
        var file: String
        var ok: Bool
        var statements: [Statement]
    }

    static func oracle() throws -> [OracleFile] {
        let text = try String(contentsOf: Paths.oracle, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").map { try decoder.decode(OracleFile.self, from: Data($0.utf8)) }
    }

    static var corpusAvailable: Bool {
        FileManager.default.fileExists(atPath: Paths.corpus.path)
    }

    @Test func boundariesAndNodesAgreeWithPostgres() throws {
        try #require(Self.corpusAvailable, "../shared/corpus is missing")
        let files = try Self.oracle()
        #expect(files.count > 1000)
        var total = 0
        var agree = 0
        var disagreements: [String] = []
        var rejectedButAccepted: [String] = []
        let parser = SQLParser(dialect: .postgres)
        for file in files {
            let data = try Data(contentsOf: Paths.corpus.appendingPathComponent(file.file))
            let parsed = parser.parse([UInt8](data))
            if !file.ok {
                if !parsed.statements.contains(where: { $0.error != nil }) { rejectedButAccepted.append(file.file) }
                continue
            }
            var byStart: [Int: ParsedStatement] = [:]
            for s in parsed.statements { byStart[s.span.start] = s }
            for expected in file.statements {
                total += 1
                if let mine = byStart[expected.start], mine.span.end == expected.end, mine.postgresNode == expected.kind,
                    mine.error == nil
                {
                    agree += 1
                } else {
                    let mine = byStart[expected.start]
                    disagreements.append(
                        "\(file.file)@\(expected.start): expected \(expected.kind) to \(expected.end), got "
                            + (mine.map { "\($0.postgresNode) to \($0.span.end) \($0.error?.message ?? "")" } ?? "nothing"))
                }
            }
            if parsed.statements.count > file.statements.count {
                disagreements.append("\(file.file): \(parsed.statements.count - file.statements.count) extra statements")
            }
        }
        let rate = Double(agree) / Double(max(total, 1))
        print("oracle agreement: \(agree)/\(total) = \(String(format: "%.2f", rate * 100))%")
        for d in disagreements.prefix(50) { print("  " + d) }
        #expect(rate >= 0.995, "agreement \(rate) below 99.5%")
        #expect(rejectedButAccepted.isEmpty, "files PostgreSQL rejects but we accept: \(rejectedButAccepted)")
    }

    /// Corpus files that SQLite itself refuses (checked with `sqlite3 :memory: < file`):
    /// MySQL's `DROP INDEX name ON table`.
    static let sqliteRejects: Set<String> = ["harness/sqlite/0029_create_index_job_job_group_id_down.sql"]

    @Test func everySQLiteFileParsesWithoutCrashing() throws {
        try #require(Self.corpusAvailable, "../shared/corpus is missing")
        let walker = try #require(FileManager.default.enumerator(atPath: Paths.corpus.path))
        var count = 0
        var errors: [String] = []
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".sql"), path.contains("sqlite/") else { continue }
            let data = try Data(contentsOf: Paths.corpus.appendingPathComponent(path))
            let parsed = SQLParser(dialect: .sqlite).parse([UInt8](data))
            count += 1
            let rejected = parsed.statements.contains { $0.error != nil }
            if Self.sqliteRejects.contains(path) {
                #expect(rejected, "SQLite rejects \(path); so must we")
                continue
            }
            for s in parsed.statements {
                if let e = s.error { errors.append("\(path)@\(e.span.start): \(e.message)") }
            }
        }
        print("sqlite corpus: \(count) files, \(errors.count) statements with errors")
        for e in errors.prefix(30) { print("  " + e) }
        #expect(count > 400)
        #expect(errors.isEmpty, "SQLite corpus statements with errors: \(errors.count)")
    }
}
