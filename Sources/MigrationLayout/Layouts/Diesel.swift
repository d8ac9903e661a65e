#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// diesel: one folder per migration, `<version>_<name>/up.sql` (and `down.sql`, not
/// applied), optionally with `metadata.toml`. Files beside the folders are ignored, as
/// diesel ignores them; a folder without `up.sql` is an error, as it is for diesel.
///
/// Order: diesel sorts by version, the folder name up to the first `_` with every `-`
/// removed, compared as text. That is the folder-name order except in a corner:
/// `2020-01-01-000000_a` (version `20200101000000`) comes before
/// `2020-01-01-000000-0001_b` (`202001010000000001`), though `-` sorts before `_`.
///
/// Transaction: diesel runs each migration in one transaction unless `metadata.toml`
/// says `run_in_transaction = false`. diesel reads that key with serde's field default,
/// so a `metadata.toml` that parses but lacks the key also means no transaction; one
/// that does not parse is ignored (transaction). We follow both.
enum Diesel: FolderLayout {
    static let kind = MigrationLayoutKind.diesel

    static func classify(_ entry: FolderEntry) throws(MigrationLayoutError) -> Classification {
        try classify(entry, cache: FileCache())
    }

    static func classify(_ entry: FolderEntry, cache: FileCache) throws(MigrationLayoutError) -> Classification {
        guard entry.isDirectory else { return .skip }
        let up = FileSystem.join(entry.path, "up.sql")
        guard cache.kind(up) != nil else { throw .missingScript(path: up, referencedFrom: nil, line: nil) }
        return .migration(candidate(folderName: entry.name, script: up))
    }

    static func candidate(folderName: String, script: String) -> Candidate {
        // Split at the first `_` byte, as diesel splits the name (and without
        // breaking the name into characters, which took half of ordering lemmy's folders).
        let underscore = folderName.utf8.firstIndex(of: UInt8(ascii: "_"))
        let version = folderName[..<(underscore ?? folderName.endIndex)]
        let rest = underscore.map { folderName[folderName.utf8.index(after: $0)...] } ?? ""
        let key = String(decoding: version.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
        return Candidate(
            path: script, version: String(version), name: rest.isEmpty ? folderName : String(rest),
            key: SortKey(parts: [.bytes(key), .bytes(folderName)]))
    }

    static func file(_ candidate: Candidate, bytes: [UInt8]) throws(MigrationLayoutError) -> MigrationFile {
        var transaction = TransactionMode.perFile
        let metadata = sibling(of: candidate.path, named: "metadata.toml")
        // diesel ignores a metadata.toml it cannot read or parse; so do we.
        if FileSystem.isFile(metadata), let toml = try? FileSystem.read(metadata), !runInTransaction(toml) {
            transaction = .none
        }
        return MigrationFile(
            path: candidate.path, layout: kind, version: candidate.version, name: candidate.name,
            transaction: transaction, bytes: bytes)
    }

    /// An `up.sql` named on its own: the migration is its folder.
    static func single(path: String, bytes: [UInt8]) throws(MigrationLayoutError) -> MigrationFile {
        let folderName = FileSystem.lastComponent(FileSystem.parent(path))
        var candidate = candidate(folderName: folderName, script: path)
        candidate.path = path
        return try file(candidate, bytes: bytes)
    }

    /// `run_in_transaction` of a diesel `metadata.toml`, read as diesel does: a top-level
    /// boolean key; absent means `false` (serde field default); not a boolean means the
    /// file does not parse and diesel falls back to its default, `true`.
    static func runInTransaction(_ toml: [UInt8]) -> Bool {
        for raw in String(decoding: toml, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let line = (raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw).trimmingBlanks()
            if line.isEmpty { continue }
            if line.hasPrefix("[") { break }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingBlanks().trimmingQuotes()
            guard key == "run_in_transaction" else { continue }
            return line[line.index(after: equals)...].trimmingBlanks() != "false"
        }
        return false
    }

    /// The path of `name` in the folder of `path`, joined as text so that it stays
    /// relative when `path` is.
    static func sibling(of path: String, named name: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }
}
