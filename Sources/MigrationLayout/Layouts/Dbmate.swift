/// dbmate: `YYYYMMDDHHMMSS_name.sql` files (usually in `db/migrations`) with
/// `-- migrate:up` / `-- migrate:down` sections, in file-name order. The up section runs
/// in one transaction unless its marker says `transaction:false`.
///
/// Markers follow dbmate's pattern `^--\s*migrate:up(\s*$|\s+\S+)`: the first such line
/// starts the up section, the first `migrate:down` line ends it. dbmate refuses SQL before
/// the up marker and so do we. Unlike dbmate, a missing down section is accepted (it
/// changes nothing in what is applied).
enum Dbmate: FolderLayout {
    static let kind = MigrationLayoutKind.dbmate

    struct Directive {
        var isUp: Bool
        var options: [String: String]
    }

    static func directive(_ line: Line, in bytes: [UInt8]) -> Directive? {
        guard let words = line.commentText(in: bytes)?.split(separator: " "), let first = words.first else {
            return nil
        }
        guard first == "migrate:up" || first == "migrate:down" else { return nil }
        var options: [String: String] = [:]
        for word in words.dropFirst() {
            let pair = word.split(separator: ":", omittingEmptySubsequences: false)
            if pair.count == 2 { options[String(pair[0])] = String(pair[1]) }
        }
        return Directive(isUp: first == "migrate:up", options: options)
    }

    /// Whether the file has a dbmate up marker (what detection looks for).
    static func hasUpMarker(_ bytes: [UInt8]) -> Bool {
        guard ByteSearch.contains(bytes, "migrate:up") else { return false }
        return Lines(bytes: bytes).contains { directive($0, in: bytes)?.isUp == true }
    }

    static func classify(_ entry: FolderEntry) -> Classification {
        guard entry.isSQLFile else { return .skip }
        let stem = entry.stem
        let version = stem.prefix { $0.isASCII && $0.isNumber }
        guard !version.isEmpty, stem.dropFirst(version.count).hasPrefix("_") else { return .ignored(.notAMigration) }
        return .migration(
            Candidate(
                path: entry.path, version: String(version), name: String(stem.dropFirst(version.count + 1)),
                key: SortKey(parts: [.bytes(entry.name)])))
    }

    static func file(_ candidate: Candidate, bytes: [UInt8]) throws(MigrationLayoutError) -> MigrationFile {
        var up: (line: Line, directive: Directive)?
        var downStart: Int?
        // SQL before the up marker is reported once the marker is found; a file without
        // one is reported as such, which says more.
        var sqlBeforeUp: Int?
        for line in Lines(bytes: bytes) {
            guard let directive = directive(line, in: bytes) else {
                if up == nil, sqlBeforeUp == nil, !line.isBlank(in: bytes), !line.isComment(in: bytes) {
                    sqlBeforeUp = line.number
                }
                continue
            }
            if directive.isUp {
                if let sqlBeforeUp {
                    throw .invalidMarker(
                        path: candidate.path, line: sqlBeforeUp,
                        message: "SQL before the '-- migrate:up' marker; dbmate would refuse this file")
                }
                if up == nil { up = (line, directive) }
            } else {
                guard up != nil else {
                    throw .invalidMarker(
                        path: candidate.path, line: line.number, message: "'-- migrate:down' before '-- migrate:up'")
                }
                downStart = line.start
                break
            }
        }
        guard let up else { throw .missingUpSection(path: candidate.path, layout: .dbmate) }
        let inTransaction = up.directive.options["transaction"] != "false"
        return MigrationFile(
            path: candidate.path, layout: kind, version: candidate.version, name: candidate.name,
            transaction: inTransaction ? .perFile : .none, bytes: bytes,
            applied: up.line.next..<(downStart ?? bytes.count))
    }
}
