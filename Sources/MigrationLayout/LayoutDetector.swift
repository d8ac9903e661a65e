/// Decides which tool a folder of migrations belongs to.
///
/// The order of the checks is the order of how much each clue proves:
/// 1. `sqitch.plan` (in the folder, or beside a `deploy` folder) is sqitch.
/// 2. Sub-folders holding `up.sql` are diesel; holding `migration.sql`, Prisma (the
///    larger count wins, a tie goes to diesel).
/// 3. Among the folder's `.sql` files: a `-- +goose Up` annotation in any of them makes
///    goose, a `-- migrate:up` marker dbmate (the larger count wins, a tie goes to goose).
///    A file without the marker is then an error, not a reason to doubt the layout.
/// 4. Flyway names (`V1__x.sql`, `R__x.sql`, `U1__x.sql`) for at least half of the files.
/// 5. sqlx: a file that starts with `-- no-transaction`, or `<version>_<name>.sql` files
///    in a Rust project (`Cargo.toml` in the parent or grandparent folder).
/// 6. golang-migrate: any `NNN_name.up.sql` / `.down.sql` file, or a pair `NNN_name_up.sql`
///    / `NNN_name_down.sql` of harness's spelling; other `.sql` files beside them are ignored.
/// 7. Otherwise plain files in natural order.
enum LayoutDetector {
    /// The layout of `folder`, or `nil` when nothing in it looks like a migration.
    static func detect(folder: String, entries: [FolderEntry], cache: FileCache) -> MigrationLayoutKind? {
        if Sqitch.plan(forFolder: folder) != nil { return .sqitch }

        let folders = entries.filter(\.isDirectory)
        let diesel = folders.filter { cache.kind(FileSystem.join($0.path, "up.sql")) != nil }.count
        // Every folder a Diesel one: Prisma's count cannot exceed it (one look per folder saved).
        if diesel > 0 && diesel == folders.count { return .diesel }
        let prisma = folders.filter { FileSystem.kind(FileSystem.join($0.path, "migration.sql")) != nil }.count
        if diesel > 0 || prisma > 0 { return diesel >= prisma ? .diesel : .prisma }

        let files = entries.filter(\.isSQLFile)
        guard !files.isEmpty else { return nil }

        var goose = 0
        var dbmate = 0
        var noTransaction = false
        for file in files {
            guard let bytes = cache.peek(file.path) else { continue }
            if Goose.hasUpAnnotation(bytes) { goose += 1 }
            if Dbmate.hasUpMarker(bytes) { dbmate += 1 }
            if Sqlx.startsWithNoTransaction(bytes) { noTransaction = true }
        }
        if goose > 0 || dbmate > 0 { return goose >= dbmate ? .goose : .dbmate }

        let flyway = files.filter { Flyway.parse($0.name) != nil }.count
        if flyway > 0, flyway * 2 >= files.count { return .flyway }

        let versioned = files.contains { entry in
            let digits = Ordering.leadingDigits(entry.name)
            return !digits.isEmpty && entry.name.dropFirst(digits.count).hasPrefix("_")
        }
        if versioned, noTransaction || inRustProject(folder) { return .sqlx }

        let names = files.compactMap { GolangMigrate.parse($0.name) }
        if names.contains(where: { $0.form == .dot }) { return .golangMigrate }
        // harness's `_up.sql` spelling counts only in pairs (`X_up.sql` with `X_down.sql`),
        // so that plain files such as `1_set_up.sql` and `2_tear_down.sql` stay plain.
        let downs = Set(names.filter { !$0.isUp }.map { "\($0.version)_\($0.description ?? "")" })
        if names.contains(where: { $0.isUp && downs.contains("\($0.version)_\($0.description ?? "")") }) {
            return .golangMigrate
        }
        return .plain
    }

    /// The layout of a file named on its own: goose or dbmate when its markers say so,
    /// else `files` (SPEC §3: statement by statement).
    static func single(_ bytes: [UInt8]) -> MigrationLayoutKind {
        if Goose.hasUpAnnotation(bytes) { return .goose }
        if Dbmate.hasUpMarker(bytes) { return .dbmate }
        return .files
    }

    /// Whether a `Cargo.toml` sits in the folder's parent or grandparent, as it does for
    /// sqlx's default `<crate>/migrations` folder.
    static func inRustProject(_ folder: String) -> Bool {
        let parent = FileSystem.parent(folder)
        return FileSystem.isFile(FileSystem.join(parent, "Cargo.toml"))
            || FileSystem.isFile(FileSystem.join(FileSystem.parent(parent), "Cargo.toml"))
    }
}
