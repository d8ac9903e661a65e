import Foundation
import MigrationLayout
import Testing

/// Paths of the fixtures and of the shared corpus, found from this file's location.
enum Paths {
    /// `Tests/MigrationLayoutTests`.
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The repository root.
    static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
    /// `Tests/MigrationLayoutTests/Fixtures`, one folder per layout.
    static let fixtures = tests.appendingPathComponent("Fixtures").path
    /// `../shared/corpus`, read-only real-world migrations next to the checkout.
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus").path

    static func fixture(_ relative: String) -> String { fixtures + "/" + relative }
    static func corpus(_ relative: String) -> String { corpus + "/" + relative }
}

/// `path` without the fixture folder prefix, for readable expectations.
func relative(_ path: String, to root: String = Paths.fixtures) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
}

/// The one set that a single fixture path gives.
func loadFixture(
    _ relativePath: String, assumeInTransaction: Bool = false, layout: MigrationLayoutKind? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> MigrationSet {
    let load = try MigrationLoader.load(
        paths: [Paths.fixture(relativePath)], assumeInTransaction: assumeInTransaction, layout: layout)
    return try #require(load.sets.first, sourceLocation: sourceLocation)
}

/// The error that loading `paths` throws, or `nil` (recorded as a test issue) when it
/// does not throw.
func loadError(_ paths: [String], layout: MigrationLayoutKind? = nil, sourceLocation: SourceLocation = #_sourceLocation)
    -> MigrationLayoutError?
{
    do {
        let load = try MigrationLoader.load(paths: paths, layout: layout)
        Issue.record("expected an error, loaded \(load.files.count) files", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

extension MigrationFile {
    /// The applied part as text.
    var appliedText: String { String(decoding: appliedBytes, as: UTF8.self) }

    /// The file relative to the fixtures folder.
    var fixturePath: String { relative(path) }
}

extension MigrationSet {
    var fixturePaths: [String] { files.map(\.fixturePath) }
    var ignoredFixturePaths: [String] { ignored.map { relative($0.path) } }
}

/// A fresh empty folder under the system's temporary folder, removed by `cleanup`.
func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("migration-layout-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}
