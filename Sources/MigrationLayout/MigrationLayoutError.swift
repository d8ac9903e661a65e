/// Why a migration path could not be read. Each case names the file (and the line, when
/// one is to blame); `description` is the message for the user (exit status 2).
public enum MigrationLayoutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The file or folder exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The folder holds no migration that its layout would apply. `hint` says what was
    /// there instead, when that helps (sub-folders of another layout, only down files).
    case noMigrations(path: String, layout: MigrationLayoutKind?, hint: String?)
    /// A goose or dbmate file without its Up marker.
    case missingUpSection(path: String, layout: MigrationLayoutKind)
    /// A marker comment in the wrong place (goose, dbmate), or SQL where none may be.
    case invalidMarker(path: String, line: Int, message: String)
    /// A line of `sqitch.plan` that cannot be read.
    case invalidPlan(path: String, line: Int, message: String)
    /// A script that the layout requires is missing: a sqitch deploy script named by a
    /// plan line, or the `up.sql` of a diesel migration folder.
    case missingScript(path: String, referencedFrom: String?, line: Int?)

    /// The file to blame.
    public var path: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .noMigrations(let path, _, _),
            .missingUpSection(let path, _), .invalidMarker(let path, _, _), .invalidPlan(let path, _, _):
            return path
        case .missingScript(let path, let referencedFrom, _):
            return referencedFrom ?? path
        }
    }

    /// The 1-based line to blame, when there is one.
    public var line: Int? {
        switch self {
        case .invalidMarker(_, let line, _), .invalidPlan(_, let line, _): return line
        case .missingScript(_, _, let line): return line
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or directory"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .noMigrations(let path, let layout, let hint):
            let what = layout.map { "no \($0.rawValue) migrations" } ?? "no migration files (*.sql)"
            return "\(path): \(what)" + (hint.map { "; \($0)" } ?? "")
        case .missingUpSection(let path, let layout):
            switch layout {
            case .goose: return "\(path): no '-- +goose Up' annotation; goose applies only the Up section"
            case .dbmate: return "\(path): no '-- migrate:up' section; dbmate applies only the up section"
            default: return "\(path): no up section"
            }
        case .invalidMarker(let path, let line, let message), .invalidPlan(let path, let line, let message):
            return "\(path):\(line): \(message)"
        case .missingScript(let path, let referencedFrom, let line):
            if let referencedFrom {
                let location = line.map { "\(referencedFrom):\($0)" } ?? referencedFrom
                return "\(location): the script \(path) does not exist"
            }
            return "\(path): does not exist, and the layout requires it"
        }
    }
}
