/// Prisma: `migrations/<timestamp>_<name>/migration.sql`, in folder-name order;
/// `migration_lock.toml` and folders without `migration.sql` are skipped.
///
/// Transaction: Prisma's schema engine sends a migration script to PostgreSQL as one
/// multi-statement query, so the file runs as one implicit transaction, like
/// golang-migrate; Prisma has no opt-out. Choosing `implicitMultiStatement` over
/// `perFile` keeps both facts users meet: the file is atomic, and a file holding a single
/// CREATE INDEX CONCURRENTLY works while one that mixes it with other statements fails.
enum Prisma: FolderLayout {
    static let kind = MigrationLayoutKind.prisma

    static func classify(_ entry: FolderEntry) -> Classification {
        guard entry.isDirectory else { return .skip }
        let script = FileSystem.join(entry.path, "migration.sql")
        guard FileSystem.kind(script) != nil else { return .ignored(.notAMigration) }
        return .migration(candidate(folderName: entry.name, script: script))
    }

    static func candidate(folderName: String, script: String) -> Candidate {
        let version = folderName.prefix { $0 != "_" }
        let rest = folderName.dropFirst(version.count + 1)
        return Candidate(
            path: script, version: String(version), name: rest.isEmpty ? folderName : String(rest),
            key: SortKey(parts: [.bytes(folderName)]))
    }

    static func file(_ candidate: Candidate, bytes: [UInt8]) -> MigrationFile {
        MigrationFile(
            path: candidate.path, layout: kind, version: candidate.version, name: candidate.name,
            transaction: .implicitMultiStatement, bytes: bytes)
    }

    static func single(path: String, bytes: [UInt8]) -> MigrationFile {
        file(candidate(folderName: FileSystem.lastComponent(FileSystem.parent(path)), script: path), bytes: bytes)
    }
}
