/// A migration found by its name, before its file is read.
struct Candidate {
    /// The file to read (for diesel and Prisma, the script inside the migration folder).
    var path: String
    var version: String?
    var name: String
    /// The tool's order.
    var key: SortKey
}

/// What a layout makes of one folder entry.
enum Classification {
    /// A migration to apply.
    case migration(Candidate)
    /// A `.sql` file (or migration folder) the tool skips, listed for the user.
    case ignored(IgnoreReason)
    /// Not the layout's business (a README, a `.conf` file, a folder): not listed.
    case skip
}

/// A layout whose migrations are the entries of one folder, recognised by name, each
/// read on its own: every layout except sqitch, whose order comes from a plan file.
protocol FolderLayout {
    static var kind: MigrationLayoutKind { get }
    /// Whether migrations may sit in sub-folders of the folder (Flyway scans recursively).
    static var recursive: Bool { get }
    static func classify(_ entry: FolderEntry) throws(MigrationLayoutError) -> Classification
    /// `classify` with the folder's `FileCache`, which remembers what the layout
    /// detection already looked up (by default, `classify`).
    static func classify(_ entry: FolderEntry, cache: FileCache) throws(MigrationLayoutError) -> Classification
    /// Describes one migration from its bytes: the part to apply and the transaction.
    static func file(_ candidate: Candidate, bytes: [UInt8]) throws(MigrationLayoutError) -> MigrationFile
    /// Describes a file named on its own on the command line, read as this layout.
    static func single(path: String, bytes: [UInt8]) throws(MigrationLayoutError) -> MigrationFile
}

extension FolderLayout {
    static var recursive: Bool { false }

    static func classify(_ entry: FolderEntry, cache: FileCache) throws(MigrationLayoutError) -> Classification {
        try classify(entry)
    }

    /// Reads the folder as this layout: classify every entry, sort the migrations in the
    /// tool's order, then read and describe them.
    static func load(
        folder: String, entries: [FolderEntry], cache: FileCache
    ) throws(MigrationLayoutError) -> MigrationSet {
        let (candidates, ignored) = try candidates(folder: folder, entries: entries, cache: cache)
        var files: [MigrationFile] = []
        files.reserveCapacity(candidates.count)
        for candidate in candidates {
            files.append(try file(candidate, bytes: try cache.read(candidate.path)))
        }
        return MigrationSet(path: folder, layout: kind, files: files, ignored: ignored)
    }

    /// `load` without the reading: each migration is read and described when asked
    /// (`PendingMigration.read`, on any thread). Bytes the layout detection read
    /// already are kept rather than read again.
    static func pending(
        folder: String, entries: [FolderEntry], cache: FileCache
    ) throws(MigrationLayoutError) -> [PendingMigration] {
        try candidates(folder: folder, entries: entries, cache: cache).candidates.map { candidate in
            let cached = cache.cached(candidate.path)
            return PendingMigration(path: candidate.path) { () throws(MigrationLayoutError) -> MigrationFile in
                if let cached { return try file(candidate, bytes: cached) }
                return try file(candidate, bytes: try FileSystem.read(candidate.path))
            }
        }
    }

    /// Every entry classified; the migrations in the tool's order.
    static func candidates(
        folder: String, entries: [FolderEntry], cache: FileCache
    ) throws(MigrationLayoutError) -> (candidates: [Candidate], ignored: [IgnoredFile]) {
        var candidates: [Candidate] = []
        var ignored: [IgnoredFile] = []
        for entry in try recursive ? FolderWalk.files(folder, entries: entries) : entries {
            switch try classify(entry, cache: cache) {
            case .migration(let candidate): candidates.append(candidate)
            case .ignored(let reason): ignored.append(IgnoredFile(path: entry.path, reason: reason))
            case .skip: continue
            }
        }
        guard !candidates.isEmpty else {
            throw .noMigrations(path: folder, layout: kind, hint: FolderWalk.hint(entries: entries, ignored: ignored))
        }
        candidates.sort { $0.key < $1.key }
        return (candidates, ignored)
    }

    /// Describes a file named on its own with this layout forced: its name is read the
    /// layout's way when it fits, else the file name stands for the name.
    static func single(path: String, bytes: [UInt8]) throws(MigrationLayoutError) -> MigrationFile {
        let entry = FolderEntry(name: FileSystem.lastComponent(path), path: path, isDirectory: false)
        if case .migration(var candidate)? = try? classify(entry) {
            candidate.path = path
            return try file(candidate, bytes: bytes)
        }
        return try file(Plain.candidate(entry), bytes: bytes)
    }
}

/// The entry whose name ends with `.sql` and is not a folder.
extension FolderEntry {
    var isSQLFile: Bool { !isDirectory && name.hasSuffix(".sql") }

    /// The name without its `.sql` extension.
    var stem: Substring { name.hasSuffix(".sql") ? name.dropLast(4) : Substring(name) }
}

/// Folder walking shared by the layouts.
enum FolderWalk {
    /// Files of `folder` and of its sub-folders (hidden ones left out), depth first in
    /// name order. Guards against link cycles with a depth limit.
    static func files(_ folder: String, entries: [FolderEntry], depth: Int = 0) throws(MigrationLayoutError)
        -> [FolderEntry]
    {
        var result: [FolderEntry] = []
        for entry in entries {
            if entry.isDirectory {
                if depth < 16 {
                    result += try files(entry.path, entries: try FileSystem.list(entry.path), depth: depth + 1)
                }
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// A hint for an empty result: what the folder held instead.
    static func hint(entries: [FolderEntry], ignored: [IgnoredFile]) -> String? {
        if !ignored.isEmpty, ignored.allSatisfy({ $0.reason == .down }) {
            return "it holds only down migrations"
        }
        let folders = entries.filter(\.isDirectory).map(\.name)
        if !folders.isEmpty, !entries.contains(where: \.isSQLFile) {
            let shown = folders.prefix(4).joined(separator: ", ") + (folders.count > 4 ? ", ..." : "")
            return "it holds the folders \(shown): name the migration folder itself"
        }
        if entries.isEmpty { return "the folder is empty" }
        return nil
    }
}
