import Foundation

@testable import SQLiteAdapter

/// A folder of its own under the system temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("switchgate-sqlite-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Writes a database file holding `script`'s schema and rows, through an in-memory
/// database and `VACUUM INTO` (the adapter opens no file read-write).
func makeDatabaseFile(at path: String, script: String) throws {
    let scratch = try SQLiteConnection.inMemory()
    try scratch.execute(script)
    try scratch.execute("VACUUM INTO '\(path.replacingOccurrences(of: "'", with: "''"))'")
}

/// The byte offset of `needle` in `text`, for checking error offsets.
func byteOffset(of needle: String, in text: String) -> Int? {
    guard let range = text.range(of: needle) else { return nil }
    return text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
}
