import Foundation
import MigrationLayout
import Testing

/// The loader on real projects' migrations in `../shared/corpus` (read-only). The folders
/// are the corpus's own: `lemmy/` holds lemmy's `migrations/` folder itself.
@Suite struct CorpusTests {
    static var corpusAvailable: Bool { FileManager.default.fileExists(atPath: Paths.corpus) }

    struct Expectation: Sendable, CustomTestStringConvertible {
        var folder: String
        var layout: MigrationLayoutKind
        var count: Int
        var first: String
        var last: String
        var transaction: TransactionMode
        var ignored: Int
        var testDescription: String { folder }
    }

    static let expectations = [
        Expectation(
            folder: "lemmy", layout: .diesel, count: 342, first: "00000000000000_diesel_initial_setup/up.sql",
            last: "2026-07-27-143313-0000_rename_resolve_reason_to_conclusion/up.sql", transaction: .perFile, ignored: 0
        ),
        Expectation(
            folder: "harness/postgres", layout: .golangMigrate, count: 209, first: "0000_alter_table_migrations.up.sql",
            last: "0189.up.sql", transaction: .implicitMultiStatement, ignored: 180),
        Expectation(
            folder: "vaultwarden/postgresql", layout: .diesel, count: 46,
            first: "2019-09-12-100000_create_tables/up.sql",
            last: "2026-05-05-120000_sso_auth_error/up.sql", transaction: .perFile, ignored: 0),
    ]

    @Test(arguments: expectations)
    func realFolders(_ expected: Expectation) throws {
        try #require(Self.corpusAvailable, "../shared/corpus is missing")
        let root = Paths.corpus(expected.folder)
        let set = try #require(try MigrationLoader.load(paths: [root]).sets.first)
        #expect(set.layout == expected.layout)
        #expect(set.files.count == expected.count)
        #expect(set.files.first.map { relative($0.path, to: root) } == expected.first)
        #expect(set.files.last.map { relative($0.path, to: root) } == expected.last)
        #expect(set.files.allSatisfy { $0.transaction == expected.transaction })
        #expect(set.files.allSatisfy { $0.applied == 0..<$0.bytes.count && !$0.bytes.isEmpty })
        #expect(set.ignored.count == expected.ignored)
        #expect(set.ignored.allSatisfy { $0.reason == .down })
    }

    /// harness's `_up.sql` spelling sits among the `.up.sql` files of its version, and
    /// files sharing a version follow in name order.
    @Test func harnessQuirksKeepTheirPlace() throws {
        try #require(Self.corpusAvailable, "../shared/corpus is missing")
        let root = Paths.corpus("harness/postgres")
        let set = try #require(try MigrationLoader.load(paths: [root]).sets.first)
        let names = set.files.map { relative($0.path, to: root) }
        let quirk = try #require(names.firstIndex(of: "0021_alter_table_webhook_add_internal_up.sql"))
        #expect(set.files[quirk].version == "0021")
        #expect(set.files[quirk - 1].version == "0020" || set.files[quirk - 1].version == "0021")
        #expect(set.files[quirk + 1].version == "0022" || set.files[quirk + 1].version == "0021")
        #expect(
            names.filter { $0.hasPrefix("0001_") } == [
                "0001_create_table_a_principals.up.sql", "0001_create_table_b_spaces.up.sql",
                "0001_create_table_c_repositories.up.sql", "0001_create_table_d_paths.up.sql",
                "0001_create_table_e_tokens.up.sql",
            ])
        let versions = set.files.compactMap { $0.version.flatMap { Int($0) } }
        #expect(versions == versions.sorted())
        #expect(versions.count == set.files.count)
    }

    /// The parent folders of two layouts hold no migrations themselves: the error says
    /// which folder to name instead.
    @Test func parentFolderGivesAHint() throws {
        try #require(Self.corpusAvailable, "../shared/corpus is missing")
        let root = Paths.corpus("vaultwarden")
        #expect(throws: MigrationLayoutError.self) { try MigrationLoader.load(paths: [root]) }
        let error = loadError([root])
        #expect(error?.description.contains("postgresql") == true)
    }
}
