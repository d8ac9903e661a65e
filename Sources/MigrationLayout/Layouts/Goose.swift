/// goose: `NNN_name.sql` (or a timestamp version) with `-- +goose Up` / `-- +goose Down`
/// sections, ordered by the numeric version. Only the Up section is applied, in one
/// transaction unless the file says `-- +goose NO TRANSACTION` (anywhere, as goose reads
/// it). `StatementBegin` / `StatementEnd` blocks are statements goose will not split.
///
/// Annotations follow goose: a line that starts with `--` (no indentation) whose text is
/// `+goose <command>`; commands are matched without regard to case (as goose documents)
/// or runs of spaces (as older goose trimmed them). Lines before the Up annotation may only
/// be blank or comments.
enum Goose: FolderLayout {
    static let kind = MigrationLayoutKind.goose

    enum Annotation: Equatable {
        case up, down, statementBegin, statementEnd, noTransaction, other
    }

    static func annotation(_ line: Line, in bytes: [UInt8]) -> Annotation? {
        guard let text = line.commentText(in: bytes)?.lowercased(), text == "+goose" || text.hasPrefix("+goose ")
        else { return nil }
        switch text.dropFirst("+goose ".count) {
        case "up": return .up
        case "down": return .down
        case "statementbegin": return .statementBegin
        case "statementend": return .statementEnd
        case "no transaction": return .noTransaction
        default: return .other
        }
    }

    /// Whether the file has a goose Up annotation (what detection looks for).
    static func hasUpAnnotation(_ bytes: [UInt8]) -> Bool {
        // Detection reads every file of a folder: most hold no annotation at all.
        guard ByteSearch.contains(bytes, caseInsensitive: "+goose") else { return false }
        return Lines(bytes: bytes).contains { annotation($0, in: bytes) == .up }
    }

    static func classify(_ entry: FolderEntry) -> Classification {
        guard entry.isSQLFile else { return .skip }
        let stem = entry.stem
        let version = stem.prefix { $0.isASCII && $0.isNumber }
        // goose needs `<version>_<name>.sql`; other files are not migrations to it.
        guard !version.isEmpty, stem.dropFirst(version.count).hasPrefix("_") else { return .ignored(.notAMigration) }
        return .migration(
            Candidate(
                path: entry.path, version: String(version), name: String(stem.dropFirst(version.count + 1)),
                key: SortKey(parts: [.number(String(version)), .bytes(entry.name)])))
    }

    static func file(_ candidate: Candidate, bytes: [UInt8]) throws(MigrationLayoutError) -> MigrationFile {
        let parsed = try parse(path: candidate.path, bytes: bytes)
        return MigrationFile(
            path: candidate.path, layout: kind, version: candidate.version, name: candidate.name,
            transaction: parsed.useTransaction ? .perFile : .none, bytes: bytes, applied: parsed.applied,
            explicitStatements: parsed.statements)
    }

    struct Parsed {
        var applied: Range<Int>
        var statements: [Range<Int>]
        var useTransaction: Bool
    }

    /// Finds the Up section and its statement blocks, with goose's own checks.
    static func parse(path: String, bytes: [UInt8]) throws(MigrationLayoutError) -> Parsed {
        enum Section { case start, up, down }
        var section = Section.start
        var upStart = 0
        var upEnd: Int?
        var block: (line: Int, start: Int)?
        var statements: [Range<Int>] = []
        var useTransaction = true
        // SQL before the Up annotation is reported once the annotation is found; a file
        // without one is reported as such, which says more.
        var sqlBeforeUp: Int?
        func fail(_ line: Int, _ message: String) -> MigrationLayoutError {
            .invalidMarker(path: path, line: line, message: message)
        }
        for line in Lines(bytes: bytes) {
            guard let annotation = annotation(line, in: bytes) else {
                if section == .start, sqlBeforeUp == nil, !line.isBlank(in: bytes), !line.isComment(in: bytes) {
                    sqlBeforeUp = line.number
                }
                continue
            }
            switch annotation {
            case .up:
                guard section == .start else { throw fail(line.number, "a second '-- +goose Up' annotation") }
                if let sqlBeforeUp {
                    throw fail(sqlBeforeUp, "SQL before the '-- +goose Up' annotation; goose would refuse this file")
                }
                section = .up
                upStart = line.next
            case .down:
                if let block {
                    throw fail(
                        line.number, "'-- +goose Down' inside the StatementBegin block opened on line \(block.line)")
                }
                switch section {
                case .start: throw fail(line.number, "'-- +goose Down' before '-- +goose Up'")
                case .down: throw fail(line.number, "a second '-- +goose Down' annotation")
                case .up:
                    section = .down
                    upEnd = line.start
                }
            case .statementBegin:
                guard section != .start else {
                    throw fail(line.number, "'-- +goose StatementBegin' before '-- +goose Up'")
                }
                if let block {
                    throw fail(line.number, "'-- +goose StatementBegin' inside the block opened on line \(block.line)")
                }
                block = (line.number, line.next)
            case .statementEnd:
                guard let open = block else {
                    throw fail(line.number, "'-- +goose StatementEnd' without '-- +goose StatementBegin'")
                }
                if section == .up { statements.append(open.start..<line.start) }
                block = nil
            case .noTransaction:
                useTransaction = false
            case .other:
                continue
            }
        }
        if section == .start { throw .missingUpSection(path: path, layout: .goose) }
        if let block {
            throw fail(block.line, "'-- +goose StatementBegin' is never closed by '-- +goose StatementEnd'")
        }
        return Parsed(applied: upStart..<(upEnd ?? bytes.count), statements: statements, useTransaction: useTransaction)
    }
}
