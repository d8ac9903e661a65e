/// sqlx: `<version>_<description>.sql`, or reversible `<version>_<description>.up.sql`
/// with `.down.sql` beside it, ordered by the numeric version. Each file runs in one
/// transaction unless its very first bytes are `-- no-transaction` (sqlx checks
/// `sql.starts_with("-- no-transaction")`, so nothing may precede it, not even a BOM).
enum Sqlx: FolderLayout {
    static let kind = MigrationLayoutKind.sqlx

    static let noTransactionMarker = Array("-- no-transaction".utf8)

    static func startsWithNoTransaction(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: noTransactionMarker)
    }

    static func classify(_ entry: FolderEntry) -> Classification {
        guard entry.isSQLFile else { return .skip }
        let stem = entry.stem
        let version = stem.prefix { $0.isASCII && $0.isNumber }
        guard !version.isEmpty, stem.dropFirst(version.count).hasPrefix("_") else { return .ignored(.notAMigration) }
        var description = stem.dropFirst(version.count + 1)
        if description.hasSuffix(".down") { return .ignored(.down) }
        if description.hasSuffix(".up") { description = description.dropLast(3) }
        return .migration(
            Candidate(
                path: entry.path, version: String(version), name: String(description),
                key: SortKey(parts: [.number(String(version)), .bytes(entry.name)])))
    }

    static func file(_ candidate: Candidate, bytes: [UInt8]) -> MigrationFile {
        MigrationFile(
            path: candidate.path, layout: kind, version: candidate.version, name: candidate.name,
            transaction: startsWithNoTransaction(bytes) ? .none : .perFile, bytes: bytes)
    }
}
