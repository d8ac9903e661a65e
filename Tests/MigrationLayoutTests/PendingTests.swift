import Foundation
import MigrationLayout
import Testing

/// `MigrationLoader.pending` finds and orders what `load` loads, and reads each
/// file only when asked: reading them all in order must give `load`'s files.
@Suite struct PendingTests {
    static let paths: [[String]] = [
        ["dbmate/db/migrations"], ["diesel"], ["files/one.sql", "files/two.sql"], ["files/goose_marked.sql"],
        ["flyway"], ["golang-migrate"], ["goose"], ["plain"], ["prisma/migrations"], ["sqitch"], ["sqlx"],
    ].map { $0.map(Paths.fixture) } + [
        [Paths.corpus("lemmy")], [Paths.corpus("harness/postgres")], [Paths.corpus("vaultwarden/postgresql")],
    ]

    @Test(arguments: paths.indices, [false, true])
    func pendingReadsWhatLoadLoads(_ index: Int, assumeInTransaction: Bool) throws {
        let paths = Self.paths[index].filter { FileManager.default.fileExists(atPath: $0) }
        try #require(!paths.isEmpty)
        let loaded = try MigrationLoader.load(paths: paths, assumeInTransaction: assumeInTransaction).files
        let pending = try MigrationLoader.pending(paths: paths, assumeInTransaction: assumeInTransaction)
        #expect(pending.map(\.path) == loaded.map(\.path))
        #expect(try pending.map { try $0.read() } == loaded)
    }

    @Test func anUnreadableMigrationFailsWhenItIsRead() throws {
        let folder = NSTemporaryDirectory() + "switchgate-pending-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("CREATE TABLE a (id int);\n".utf8).write(to: URL(fileURLWithPath: folder + "/1_a.sql"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/2_b.sql", withDestinationPath: folder + "/gone.sql")
        let pending = try MigrationLoader.pending(paths: [folder])
        #expect(pending.map(\.path) == [folder + "/1_a.sql", folder + "/2_b.sql"])
        _ = try pending[0].read()
        #expect(throws: MigrationLayoutError.unreadable(path: folder + "/2_b.sql", reason: "no such file")) {
            try pending[1].read()
        }
    }

    @Test func aFolderWithoutMigrationsFailsAtOnce() {
        #expect(throws: MigrationLayoutError.self) { try MigrationLoader.pending(paths: [Paths.fixture("errors/only-down")]) }
    }
}
