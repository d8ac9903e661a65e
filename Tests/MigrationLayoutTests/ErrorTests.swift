import Foundation
import MigrationLayout
import Testing

/// Bad input gives a typed error that names the file (and line), never a crash.
@Suite struct ErrorTests {
    @Test func missingPath() {
        let path = Paths.fixture("does-not-exist")
        #expect(loadError([path]) == .notFound(path: path))
        #expect(loadError([path])?.description == "\(path): no such file or directory")
    }

    @Test func emptyFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = loadError([folder])
        #expect(error == .noMigrations(path: folder, layout: nil, hint: "the folder is empty"))
        #expect(error?.path == folder)
    }

    @Test func folderOfFoldersSaysWhichToName() {
        let folder = Paths.fixture("errors/nested")
        let error = loadError([folder])
        #expect(
            error
                == .noMigrations(
                    path: folder, layout: nil, hint: "it holds the folders postgresql: name the migration folder itself"
                ))
    }

    @Test func onlyDownFiles() {
        let folder = Paths.fixture("errors/only-down")
        #expect(
            loadError([folder])
                == .noMigrations(path: folder, layout: .golangMigrate, hint: "it holds only down migrations"))
    }

    @Test func gooseFileWithoutUpNamesTheFile() {
        let file = Paths.fixture("errors/goose-missing-up/00002_no_marker.sql")
        let error = loadError([Paths.fixture("errors/goose-missing-up")])
        #expect(error == .missingUpSection(path: file, layout: .goose))
        #expect(error?.description == "\(file): no '-- +goose Up' annotation; goose applies only the Up section")
    }

    @Test func gooseForcedOnAFileWithoutMarkers() {
        let file = Paths.fixture("files/one.sql")
        #expect(loadError([file], layout: .goose) == .missingUpSection(path: file, layout: .goose))
        #expect(loadError([file], layout: .dbmate) == .missingUpSection(path: file, layout: .dbmate))
    }

    @Test func unclosedGooseBlockNamesItsLine() {
        let file = Paths.fixture("errors/goose-unclosed/00001_unclosed.sql")
        let error = loadError([Paths.fixture("errors/goose-unclosed")])
        #expect(error?.line == 2)
        #expect(
            error?.description == "\(file):2: '-- +goose StatementBegin' is never closed by '-- +goose StatementEnd'")
    }

    @Test func dbmateSQLBeforeTheUpMarker() {
        let file = Paths.fixture("errors/dbmate-sql-before/20240101000000_early.sql")
        #expect(
            loadError([Paths.fixture("errors/dbmate-sql-before")])
                == .invalidMarker(
                    path: file, line: 1, message: "SQL before the '-- migrate:up' marker; dbmate would refuse this file"
                ))
    }

    @Test func sqitchScriptMissingNamesThePlanLine() {
        let plan = Paths.fixture("errors/sqitch-missing/sqitch.plan")
        let script = Paths.fixture("errors/sqitch-missing/deploy/ghost.sql")
        let error = loadError([Paths.fixture("errors/sqitch-missing")])
        #expect(error == .missingScript(path: script, referencedFrom: plan, line: 4))
        #expect(error?.path == plan)
        #expect(error?.description == "\(plan):4: the script \(script) does not exist")
    }

    @Test func dieselFolderWithoutUp() {
        let up = Paths.fixture("errors/diesel-no-up/2020-01-02-000000_b/up.sql")
        #expect(
            loadError([Paths.fixture("errors/diesel-no-up")])
                == .missingScript(path: up, referencedFrom: nil, line: nil))
    }

    @Test func unreadableFileIsNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("CREATE TABLE a (id int);\n".utf8).write(to: URL(fileURLWithPath: folder + "/1_a.sql"))
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/2_b.sql", withDestinationPath: folder + "/gone.sql")
        let error = loadError([folder])
        guard case .unreadable(let path, _) = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == folder + "/2_b.sql")
    }

    /// Files are read whole at every size around the reader's buffer sizes.
    @Test(arguments: [0, 1, 4095, 4096, 4097, 70_000])
    func filesAreReadWhole(_ size: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/m.sql"
        var bytes: [UInt8] = []
        for i in 0..<size { bytes.append(i % 61 == 60 ? 10 : UInt8(97 + i % 26)) }
        let text = String(decoding: bytes, as: UTF8.self)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let load = try MigrationLoader.load(paths: [path])
        #expect(load.files.map(\.appliedText) == [text])
    }

    /// A device is refused rather than read forever.
    @Test func deviceIsRefused() {
        #expect(loadError(["/dev/null"]) == .unreadable(path: "/dev/null", reason: "not a regular file"))
    }

    /// A pipe, as `<(git show HEAD:m.sql)` gives, is read to its end.
    @Test func pipeIsRead() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/m.sql"
        try #require(mkfifo(fifo, 0o600) == 0)
        let text = "CREATE TABLE piped (id int);\n"
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let load = try MigrationLoader.load(paths: [fifo])
        #expect(load.files.map(\.appliedText) == [text])
        #expect(load.sets.map(\.layout) == [.files])
    }

    /// `readFile` (schema and query files) reads pipes the same way and refuses
    /// devices, which could be read forever.
    @Test func readFileTakesPipesAndRefusesDevices() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/schema.sql"
        try #require(mkfifo(fifo, 0o600) == 0)
        let text = String(repeating: "CREATE TABLE piped (id int);\n", count: 5000)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        #expect(try MigrationLoader.readFile(fifo) == Array(text.utf8))
        #expect(throws: MigrationLayoutError.unreadable(path: "/dev/zero", reason: "not a regular file")) {
            try MigrationLoader.readFile("/dev/zero")
        }
    }

    @Test func sqitchPlanErrors() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = folder + "/sqitch.plan"
        try FileManager.default.createDirectory(atPath: folder + "/deploy", withIntermediateDirectories: true)
        try Data("a 2024-01-01T00:00:00Z X <x@example.com>\na 2024-01-02T00:00:00Z X <x@example.com>\n".utf8)
            .write(to: URL(fileURLWithPath: plan))
        #expect(
            loadError([folder])
                == .invalidPlan(
                    path: plan, line: 1, message: "'a' is reworked later in the plan, but no tag follows this entry"))
        try Data("%project=x\n-a 2024-01-01T00:00:00Z X <x@example.com>\n".utf8).write(to: URL(fileURLWithPath: plan))
        #expect(loadError([folder])?.line == 2)
        try Data("%project=x\n# nothing yet\n".utf8).write(to: URL(fileURLWithPath: plan))
        #expect(loadError([folder]) == .noMigrations(path: folder, layout: .sqitch, hint: "\(plan) lists no changes"))
    }

    /// Odd bytes never crash the marker scanners: invalid UTF-8, NUL bytes, lone `\r`.
    @Test func oddBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes: [UInt8] = [0x2D, 0x2D, 0x20, 0xFF, 0xFE, 0x00, 0x0A, 0x0D, 0x2D, 0x2D, 0x0A, 0x53, 0x00]
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/1_odd.sql"))
        let set = try #require(try MigrationLoader.load(paths: [folder]).sets.first)
        #expect(set.layout == .plain)
        #expect(set.files.first?.bytes == bytes)
    }
}
