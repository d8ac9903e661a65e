/// Plain `.sql` files with no tool conventions (`1_x.sql`, `2_x.sql`, `10_x.sql`), in
/// natural order (2 before 10), run statement by statement. Also the reading of a
/// folder forced to `files`.
enum Plain: FolderLayout {
    static let kind = MigrationLayoutKind.plain

    /// The version is the leading digits of the name, if any; the name is the rest after
    /// one separator (`_`, `-`, `.` or a space).
    static func candidate(_ entry: FolderEntry, key: SortKey? = nil) -> Candidate {
        let stem = entry.stem
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        var rest = stem.dropFirst(digits.count)
        if let first = rest.first, "_-. ".contains(first), rest.count > 1 { rest = rest.dropFirst() }
        let name = digits.isEmpty || rest.isEmpty ? String(stem) : String(rest)
        return Candidate(
            path: entry.path, version: digits.isEmpty ? nil : String(digits), name: name,
            key: key ?? SortKey(parts: [.natural(entry.name)]))
    }

    static func classify(_ entry: FolderEntry) -> Classification {
        entry.isSQLFile ? .migration(candidate(entry)) : .skip
    }

    static func file(_ candidate: Candidate, bytes: [UInt8]) -> MigrationFile {
        MigrationFile(
            path: candidate.path, layout: kind, version: candidate.version, name: candidate.name,
            transaction: .none, bytes: bytes)
    }
}
