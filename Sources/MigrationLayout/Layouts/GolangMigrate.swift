/// golang-migrate: `NNN_name.up.sql` / `NNN_name.down.sql`, ordered by the numeric
/// version. golang-migrate sends a whole file as one multi-statement query, which
/// PostgreSQL runs as one implicit transaction.
///
/// Also read: `NNN.up.sql` (no name) and harness's `NNN_name_up.sql` / `_down.sql`.
/// Several files may share a version (harness does); they follow in name order, where
/// golang-migrate itself would refuse the duplicate.
enum GolangMigrate: FolderLayout {
    static let kind = MigrationLayoutKind.golangMigrate

    enum Form { case dot, underscore }

    struct Name {
        var version: Substring
        var description: Substring?
        var isUp: Bool
        var form: Form
    }

    /// Reads a golang-migrate file name; `nil` when it is not one.
    static func parse(_ fileName: String) -> Name? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        let version = stem.prefix { Ordering.isDigit($0.asciiValue ?? 0) && $0.isASCII }
        guard !version.isEmpty else { return nil }
        var rest = stem.dropFirst(version.count)
        let isUp: Bool
        let form: Form
        if let direction = [
            (".up", true, Form.dot), (".down", false, .dot), ("_up", true, .underscore),
            ("_down", false, .underscore),
        ].first(where: { rest.hasSuffix($0.0) }) {
            rest = rest.dropLast(direction.0.count)
            isUp = direction.1
            form = direction.2
        } else {
            return nil
        }
        if rest.isEmpty { return Name(version: version, description: nil, isUp: isUp, form: form) }
        guard rest.hasPrefix("_"), rest.count > 1 else { return nil }
        return Name(version: version, description: rest.dropFirst(), isUp: isUp, form: form)
    }

    static func classify(_ entry: FolderEntry) -> Classification {
        guard entry.isSQLFile else { return .skip }
        guard let parsed = parse(entry.name) else { return .ignored(.notAMigration) }
        guard parsed.isUp else { return .ignored(.down) }
        let name = parsed.description.map(String.init) ?? String(parsed.version)
        return .migration(
            Candidate(
                path: entry.path, version: String(parsed.version), name: name,
                key: SortKey(parts: [.number(String(parsed.version)), .bytes(entry.name)])))
    }

    static func file(_ candidate: Candidate, bytes: [UInt8]) -> MigrationFile {
        MigrationFile(
            path: candidate.path, layout: kind, version: candidate.version, name: candidate.name,
            transaction: .implicitMultiStatement, bytes: bytes)
    }
}
