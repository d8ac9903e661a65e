/// Reads the migration paths of the command line (SPEC §5, MIGRATION_PATH...) into the
/// ordered files to apply, with the layout of each folder and how its tool runs each
/// file (SPEC §3, "Transactions").
///
/// ```swift
/// let load = try MigrationLoader.load(paths: ["db/migrations"])
/// for file in load.files { ... file.appliedBytes ... file.transaction ... }
/// ```
public enum MigrationLoader {
    /// A whole file read as migrations are: pipes to their end, devices and files
    /// above 1 GiB refused (for the other inputs: schema and query files).
    public static func readFile(_ path: String) throws(MigrationLayoutError) -> [UInt8] {
        try FileSystem.read(path)
    }

    /// Reads every path, in the order given.
    ///
    /// - A folder: its layout is detected (see `docs/migration-layouts.md`) and its
    ///   migrations come in the tool's order.
    /// - A file: applied as it is, statement by statement (SPEC §3), unless it carries
    ///   goose or dbmate markers, in which case only its Up section is applied, with that
    ///   tool's transaction rules. A file named `sqitch.plan` reads the sqitch project.
    ///
    /// - Parameters:
    ///   - assumeInTransaction: `--assume-in-transaction`: every file runs as one
    ///     transaction (`.perFile`), whatever its layout says.
    ///   - layout: `--layout`: read every folder (and file) as this layout instead of
    ///     detecting it, for folders the heuristics get wrong.
    /// - Throws: the first path that cannot be read, with the file (and line) to blame.
    public static func load(
        paths: [String], assumeInTransaction: Bool = false, layout: MigrationLayoutKind? = nil
    ) throws(MigrationLayoutError) -> MigrationLoad {
        var sets: [MigrationSet] = []
        for path in paths {
            let cache = FileCache()
            var set = try load(path: path, layout: layout, cache: cache)
            if assumeInTransaction {
                for index in set.files.indices { set.files[index].transaction = .perFile }
            }
            sets.append(set)
        }
        return MigrationLoad(sets: sets)
    }

    /// The files `load` would return, found and ordered but not read yet: each is
    /// read and described by `PendingMigration.read`, which may run on another
    /// thread, so that reading overlaps with work on the files before it. A
    /// folder's listing, layout and order (and any file the layout detection
    /// reads) fail here; a migration that cannot be read fails when it is read.
    public static func pending(
        paths: [String], assumeInTransaction: Bool = false, layout: MigrationLayoutKind? = nil
    ) throws(MigrationLayoutError) -> [PendingMigration] {
        var result: [PendingMigration] = []
        for path in paths {
            let cache = FileCache()
            let found: [PendingMigration]
            if FileSystem.kind(path) == .directory {
                let (layout, entries) = try folderLayout(path, layout: layout, cache: cache)
                // A `files` folder is relabelled as a whole: read now, as `load` reads it.
                if layout != .files, let type = folderLayoutType(layout) {
                    found = try type.pending(folder: path, entries: entries, cache: cache)
                } else {
                    found = read(try folder(path, layout: layout, entries: entries, cache: cache))
                }
            } else {
                // Single files and sqitch plans are read now, as `load` reads them.
                found = read(try load(path: path, layout: layout, cache: cache))
            }
            result += assumeInTransaction ? found.map { $0.inTransaction() } : found
        }
        return result
    }

    /// A set's files, read already, as pending ones.
    private static func read(_ set: MigrationSet) -> [PendingMigration] {
        set.files.map { file in PendingMigration(path: file.path) { () throws(MigrationLayoutError) -> MigrationFile in file } }
    }

    /// The folder's layout (forced, or detected) and its entries.
    private static func folderLayout(
        _ path: String, layout forced: MigrationLayoutKind?, cache: FileCache
    ) throws(MigrationLayoutError) -> (MigrationLayoutKind, [FolderEntry]) {
        let entries = try FileSystem.list(path)
        guard let layout = forced ?? LayoutDetector.detect(folder: path, entries: entries, cache: cache) else {
            throw .noMigrations(path: path, layout: nil, hint: FolderWalk.hint(entries: entries, ignored: []))
        }
        return (layout, entries)
    }

    /// The layout whose migrations are a folder's entries, read one by one (every
    /// layout but sqitch, whose order comes from its plan; `files` reads as plain).
    private static func folderLayoutType(_ layout: MigrationLayoutKind) -> (any FolderLayout.Type)? {
        switch layout {
        case .golangMigrate: return GolangMigrate.self
        case .goose: return Goose.self
        case .dbmate: return Dbmate.self
        case .flyway: return Flyway.self
        case .diesel: return Diesel.self
        case .prisma: return Prisma.self
        case .sqlx: return Sqlx.self
        case .plain, .files: return Plain.self
        case .sqitch: return nil
        }
    }

    /// The layout that `load` would use for a path without `layout:`; `nil` for a folder
    /// that holds nothing that looks like a migration.
    public static func detectLayout(path: String) throws(MigrationLayoutError) -> MigrationLayoutKind? {
        switch FileSystem.kind(path) {
        case nil: throw .notFound(path: path)
        case .directory:
            return LayoutDetector.detect(folder: path, entries: try FileSystem.list(path), cache: FileCache())
        case .file:
            if FileSystem.lastComponent(path) == Sqitch.planName { return .sqitch }
            return LayoutDetector.single(try FileSystem.read(path))
        }
    }

    static func load(path: String, layout: MigrationLayoutKind?, cache: FileCache) throws(MigrationLayoutError)
        -> MigrationSet
    {
        switch FileSystem.kind(path) {
        case nil: throw .notFound(path: path)
        case .directory: return try folder(path, layout: layout, cache: cache)
        case .file: return try file(path, layout: layout, cache: cache)
        }
    }

    static func folder(_ path: String, layout forced: MigrationLayoutKind?, cache: FileCache)
        throws(MigrationLayoutError)
        -> MigrationSet
    {
        let (layout, entries) = try folderLayout(path, layout: forced, cache: cache)
        return try folder(path, layout: layout, entries: entries, cache: cache)
    }

    /// The folder's set, its layout known and its entries listed.
    private static func folder(
        _ path: String, layout: MigrationLayoutKind, entries: [FolderEntry], cache: FileCache
    ) throws(MigrationLayoutError) -> MigrationSet {
        if let type = folderLayoutType(layout) {
            let set = try type.load(folder: path, entries: entries, cache: cache)
            return layout == .files ? relabel(set, as: .files) : set
        }
        guard let plan = Sqitch.plan(forFolder: path) else {
            throw .missingScript(path: FileSystem.join(path, Sqitch.planName), referencedFrom: nil, line: nil)
        }
        return try Sqitch.load(plan: plan, setPath: path, cache: cache)
    }

    static func file(_ path: String, layout forced: MigrationLayoutKind?, cache: FileCache) throws(MigrationLayoutError)
        -> MigrationSet
    {
        let isPlan = FileSystem.lastComponent(path) == Sqitch.planName
        if isPlan, forced == nil || forced == .sqitch {
            return try Sqitch.load(plan: path, setPath: path, cache: cache)
        }
        let bytes = try cache.read(path)
        let layout = forced ?? LayoutDetector.single(bytes)
        let migration: MigrationFile
        switch layout {
        case .golangMigrate: migration = try GolangMigrate.single(path: path, bytes: bytes)
        case .goose: migration = try Goose.single(path: path, bytes: bytes)
        case .dbmate: migration = try Dbmate.single(path: path, bytes: bytes)
        case .flyway: migration = try Flyway.single(path: path, bytes: bytes)
        case .diesel: migration = try Diesel.single(path: path, bytes: bytes)
        case .prisma: migration = Prisma.single(path: path, bytes: bytes)
        case .sqlx: migration = try Sqlx.single(path: path, bytes: bytes)
        case .plain: migration = try Plain.single(path: path, bytes: bytes)
        case .files, .sqitch:
            // A sqitch deploy script named on its own runs as it is, like any file.
            var plain = try Plain.single(path: path, bytes: bytes)
            plain.layout = layout
            migration = plain
        }
        return MigrationSet(path: path, layout: layout, files: [migration])
    }

    static func relabel(_ set: MigrationSet, as layout: MigrationLayoutKind) -> MigrationSet {
        var set = set
        set.layout = layout
        for index in set.files.indices { set.files[index].layout = layout }
        return set
    }
}

/// The bytes of the files read during one `load`, so that detection and loading read
/// each file once.
final class FileCache {
    private var storage: [String: [UInt8]] = [:]

    func read(_ path: String) throws(MigrationLayoutError) -> [UInt8] {
        if let bytes = storage[path] { return bytes }
        let bytes = try FileSystem.read(path)
        storage[path] = bytes
        return bytes
    }

    /// The bytes read already, if any.
    func cached(_ path: String) -> [UInt8]? { storage[path] }

    private var kinds: [String: FileSystem.Kind?] = [:]

    /// `FileSystem.kind`, looked up once per path (detection and classification
    /// both ask whether each diesel folder holds an `up.sql`).
    func kind(_ path: String) -> FileSystem.Kind? {
        if let known = kinds[path] { return known }
        let kind = FileSystem.kind(path)
        kinds[path] = kind
        return kind
    }

    /// The file's bytes, or `nil` when it cannot be read (detection only guesses; the
    /// loader reports the failure if it needs the file).
    func peek(_ path: String) -> [UInt8]? {
        try? read(path)
    }
}

/// A migration found and put in order, not read yet (`MigrationLoader.pending`).
public struct PendingMigration: Sendable {
    /// The file to read.
    public let path: String
    private let describe: @Sendable () throws(MigrationLayoutError) -> MigrationFile

    init(path: String, describe: @escaping @Sendable () throws(MigrationLayoutError) -> MigrationFile) {
        self.path = path
        self.describe = describe
    }

    /// Reads the file and describes it as its layout does (what `load` returns for it).
    public func read() throws(MigrationLayoutError) -> MigrationFile { try describe() }

    /// `--assume-in-transaction`: the file runs as one transaction.
    func inTransaction() -> PendingMigration {
        let describe = self.describe
        return PendingMigration(path: path) { () throws(MigrationLayoutError) -> MigrationFile in
            var file = try describe()
            file.transaction = .perFile
            return file
        }
    }
}
