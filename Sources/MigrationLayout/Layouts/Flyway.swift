#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Flyway: versioned `V<version>__<description>.sql` scripts in version order, then
/// repeatable `R__<description>.sql` scripts in description order. Version parts are
/// split on `.` or `_` and compared by value part by part (`1.9` < `1.10`, `1.0` = `1`).
/// Undo (`U...`) and baseline (`B...`) scripts are not applied. Flyway scans locations
/// recursively, so scripts in sub-folders count too.
///
/// Each script runs in one transaction unless a sibling `<script>.conf` (Flyway's script
/// configuration) says `executeInTransaction=false`. Flyway also runs a script outside a
/// transaction on its own when every statement in it refuses one (CREATE INDEX
/// CONCURRENTLY); that needs the parser and is left to the caller (docs/migration-layouts.md).
enum Flyway: FolderLayout {
    static let kind = MigrationLayoutKind.flyway
    static let recursive = true

    enum Prefix { case versioned, undo, baseline, repeatable }

    struct Name {
        var prefix: Prefix
        var version: Substring?
        var versionParts: [Substring]
        var description: Substring
    }

    /// Reads a Flyway script name with the default prefixes and separator.
    static func parse(_ fileName: String) -> Name? {
        guard fileName.hasSuffix(".sql"), let first = fileName.first else { return nil }
        let stem = fileName.dropLast(4)
        guard let separator = stem.firstRange(of: "__") else { return nil }
        let head = stem[stem.index(after: stem.startIndex)..<separator.lowerBound]
        let description = stem[separator.upperBound...]
        let prefix: Prefix
        switch first {
        case "R":
            return head.isEmpty
                ? Name(prefix: .repeatable, version: nil, versionParts: [], description: description) : nil
        case "V": prefix = .versioned
        case "U": prefix = .undo
        case "B": prefix = .baseline
        default: return nil
        }
        let parts = head.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "_" }
        guard parts.allSatisfy(Ordering.isNumber) else { return nil }
        return Name(prefix: prefix, version: head, versionParts: parts, description: description)
    }

    static func classify(_ entry: FolderEntry) -> Classification {
        guard entry.isSQLFile else { return .skip }
        guard let parsed = parse(entry.name) else { return .ignored(.notAMigration) }
        let description = String(parsed.description)
        switch parsed.prefix {
        case .undo, .baseline:
            return .ignored(.undo)
        case .repeatable:
            return .migration(
                Candidate(
                    path: entry.path, version: nil, name: description,
                    key: SortKey(parts: [.rank(1), .bytes(description), .bytes(entry.path)])))
        case .versioned:
            return .migration(
                Candidate(
                    path: entry.path, version: parsed.version.map(String.init), name: description,
                    key: SortKey(parts: [.rank(0), .version(parsed.versionParts), .bytes(entry.path)])))
        }
    }

    static func file(_ candidate: Candidate, bytes: [UInt8]) throws(MigrationLayoutError) -> MigrationFile {
        var transaction = TransactionMode.perFile
        let configuration = candidate.path + ".conf"
        if FileSystem.isFile(configuration) {
            let properties = Self.properties(try FileSystem.read(configuration))
            if properties["executeInTransaction"]?.lowercased() == "false" { transaction = .none }
        }
        return MigrationFile(
            path: candidate.path, layout: kind, version: candidate.version, name: candidate.name,
            transaction: transaction, bytes: bytes)
    }

    /// Reads a Java-style properties file: `key=value` or `key: value` lines, `#` and `!`
    /// comments. Enough for Flyway's script configuration.
    static func properties(_ bytes: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let text = line.trimmingBlanks()
            guard let first = text.first, first != "#", first != "!" else { continue }
            guard let separator = text.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = String(text[..<separator].trimmingBlanks())
            result[key] = String(text[text.index(after: separator)...].trimmingBlanks())
        }
        return result
    }
}
