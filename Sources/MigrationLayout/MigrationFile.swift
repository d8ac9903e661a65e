/// The migration tool whose conventions a folder (or file) follows. The raw value is the
/// name users see and pass on the command line (`--layout golang-migrate`).
public enum MigrationLayoutKind: String, Sendable, Hashable, CaseIterable, Codable {
    case golangMigrate = "golang-migrate"
    case goose
    case dbmate
    case flyway
    case diesel
    case sqitch
    case prisma
    case sqlx
    /// Numbered `.sql` files with no tool conventions, in natural order.
    case plain
    /// Files named one by one on the command line, outside any detected layout.
    case files

    /// How a migration of this layout asks its tool not to wrap it in a transaction, for
    /// help texts ("CREATE INDEX CONCURRENTLY cannot run inside a transaction block").
    /// `nil` when the tool never wraps a file, or offers no opt-out.
    public var transactionOptOut: String? {
        switch self {
        case .goose: return "add a '-- +goose NO TRANSACTION' line"
        case .dbmate: return "write '-- migrate:up transaction:false'"
        case .flyway: return "add a '<file>.conf' beside the script with 'executeInTransaction=false'"
        case .diesel: return "add 'run_in_transaction = false' to the migration's metadata.toml"
        case .sqlx: return "start the file with '-- no-transaction'"
        case .golangMigrate, .prisma:
            return "put the statement alone in its own migration file"
        case .sqitch, .plain, .files: return nil
        }
    }
}

/// How the statements of one migration file reach the database, which decides what the
/// application can observe between them (SPEC §2, §3).
public enum TransactionMode: String, Sendable, Hashable, Codable {
    /// Statement by statement: each statement commits on its own unless the file itself
    /// says `BEGIN` ... `COMMIT`.
    case none
    /// The tool wraps the whole file in `BEGIN` ... `COMMIT`. Statements that refuse a
    /// transaction block (CREATE INDEX CONCURRENTLY) fail.
    case perFile
    /// The tool sends the whole file as one multi-statement query; PostgreSQL runs it as
    /// one implicit transaction. Unlike `perFile`, an explicit `COMMIT` inside the file
    /// ends that transaction, and a file holding a single CONCURRENTLY statement works.
    case implicitMultiStatement
}

/// One migration file to apply, with the part of it that the tool applies.
///
/// Every offset is a UTF-8 byte offset into `bytes`, the whole file as read, so that a
/// diagnostic about the applied part points at the right line of the real file.
public struct MigrationFile: Sendable, Hashable {
    /// The path as given on the command line, joined with names found in folders;
    /// never made absolute, so that output is stable.
    public var path: String
    /// The layout this file was read as.
    public var layout: MigrationLayoutKind
    /// The version as written in the file or folder name (`"0003"`, `"1_1"`,
    /// `"2019-02-26-002946"`); `nil` where the layout has none (sqitch, Flyway repeatable).
    public var version: String?
    /// The migration's name: the description after the version, or the sqitch change.
    public var name: String
    /// How the tool runs this file.
    public var transaction: TransactionMode
    /// The whole file.
    public var bytes: [UInt8]
    /// The bytes to apply: the whole file, or the Up section (goose, dbmate) without its
    /// marker line and without the Down section.
    public var applied: Range<Int>
    /// Statement ranges the file fixes itself (goose `StatementBegin` ... `StatementEnd`,
    /// without the marker lines), in file order, inside `applied`. The splitter must take
    /// each as one statement and not cut it at its semicolons.
    public var explicitStatements: [Range<Int>]

    public init(
        path: String, layout: MigrationLayoutKind, version: String?, name: String,
        transaction: TransactionMode, bytes: [UInt8], applied: Range<Int>? = nil,
        explicitStatements: [Range<Int>] = []
    ) {
        self.path = path
        self.layout = layout
        self.version = version
        self.name = name
        self.transaction = transaction
        self.bytes = bytes
        self.applied = applied ?? 0..<bytes.count
        self.explicitStatements = explicitStatements
    }

    /// The bytes of `applied`, still indexed by file offsets.
    public var appliedBytes: ArraySlice<UInt8> { bytes[applied] }
}

/// Why a file or folder inside a migration folder is not applied.
public enum IgnoreReason: String, Sendable, Hashable, Codable {
    /// A down / revert migration (`.down.sql`, `down.sql`, goose and dbmate Down sections
    /// are not files and are never listed).
    case down
    /// A Flyway undo (`U...`) or baseline (`B...`) script.
    case undo
    /// The name does not follow the layout's pattern, so the tool would not run it.
    case notAMigration
}

/// A file or folder that was seen but is not applied.
public struct IgnoredFile: Sendable, Hashable {
    public var path: String
    public var reason: IgnoreReason

    public init(path: String, reason: IgnoreReason) {
        self.path = path
        self.reason = reason
    }
}

/// What one command-line path turned out to be: its layout and its files in the order
/// the tool applies them.
public struct MigrationSet: Sendable, Hashable {
    /// The path as given.
    public var path: String
    public var layout: MigrationLayoutKind
    public var files: [MigrationFile]
    /// `.sql` files (and migration folders) seen and skipped, with the reason; in
    /// path order.
    public var ignored: [IgnoredFile]

    public init(path: String, layout: MigrationLayoutKind, files: [MigrationFile], ignored: [IgnoredFile] = []) {
        self.path = path
        self.layout = layout
        self.files = files
        self.ignored = ignored
    }
}

/// Everything read from the command line's migration paths.
public struct MigrationLoad: Sendable, Hashable {
    /// One set per path, in the order the paths were given.
    public var sets: [MigrationSet]

    public init(sets: [MigrationSet]) {
        self.sets = sets
    }

    /// Every file to apply, in order: the paths in the order given, each path's files in
    /// its tool's order.
    public var files: [MigrationFile] { sets.flatMap(\.files) }
}
