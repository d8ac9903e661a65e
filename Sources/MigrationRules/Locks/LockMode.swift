import SchemaCatalog

/// PostgreSQL's eight table-level lock modes, weakest first.
///
/// PostgreSQL documentation, "13.3.1. Table-Level Locks" (explicit-locking.html),
/// Table 13.2 "Conflicting Lock Modes". The raw values order the modes by strength,
/// which is also the order in which each conflicts with more of the others.
public enum LockMode: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case accessShare, rowShare, rowExclusive, shareUpdateExclusive, share, shareRowExclusive, exclusive, accessExclusive

    public static func < (lhs: LockMode, rhs: LockMode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The mode as `LOCK TABLE` and the documentation spell it (`pg_locks.mode` adds "Lock").
    public var description: String {
        switch self {
        case .accessShare: return "ACCESS SHARE"
        case .rowShare: return "ROW SHARE"
        case .rowExclusive: return "ROW EXCLUSIVE"
        case .shareUpdateExclusive: return "SHARE UPDATE EXCLUSIVE"
        case .share: return "SHARE"
        case .shareRowExclusive: return "SHARE ROW EXCLUSIVE"
        case .exclusive: return "EXCLUSIVE"
        case .accessExclusive: return "ACCESS EXCLUSIVE"
        }
    }

    /// The name `pg_locks.mode` shows (`AccessExclusiveLock`).
    public var pgLocksName: String {
        switch self {
        case .accessShare: return "AccessShareLock"
        case .rowShare: return "RowShareLock"
        case .rowExclusive: return "RowExclusiveLock"
        case .shareUpdateExclusive: return "ShareUpdateExclusiveLock"
        case .share: return "ShareLock"
        case .shareRowExclusive: return "ShareRowExclusiveLock"
        case .exclusive: return "ExclusiveLock"
        case .accessExclusive: return "AccessExclusiveLock"
        }
    }

    /// Reads `ACCESS EXCLUSIVE`, `access exclusive` or `AccessExclusiveLock`.
    public init?(name: String) {
        let folded = name.uppercased().filter { $0 != " " }
        for mode in LockMode.allCases
        where mode.description.filter({ $0 != " " }) == folded || mode.pgLocksName.uppercased() == folded {
            self = mode
            return
        }
        return nil
    }

    /// Whether the two modes conflict (Table 13.2, "Conflicting Lock Modes").
    public func conflicts(with other: LockMode) -> Bool {
        LockMode.conflictTable[rawValue].contains(other)
    }

    // "13.3.1. Table-Level Locks": the conflict list of each mode, verbatim from Table 13.2.
    private static let conflictTable: [Set<LockMode>] = [
        [.accessExclusive],
        [.exclusive, .accessExclusive],
        [.share, .shareRowExclusive, .exclusive, .accessExclusive],
        [.shareUpdateExclusive, .share, .shareRowExclusive, .exclusive, .accessExclusive],
        [.rowExclusive, .shareUpdateExclusive, .shareRowExclusive, .exclusive, .accessExclusive],
        [.rowExclusive, .shareUpdateExclusive, .share, .shareRowExclusive, .exclusive, .accessExclusive],
        [.rowShare, .rowExclusive, .shareUpdateExclusive, .share, .shareRowExclusive, .exclusive, .accessExclusive],
        Set(LockMode.allCases),
    ]

    /// Whether it conflicts with the ACCESS SHARE lock every `SELECT` takes.
    public var blocksReads: Bool { conflicts(with: .accessShare) }
    /// Whether it conflicts with the ROW EXCLUSIVE lock of `INSERT`, `UPDATE`, `DELETE` and `MERGE`.
    public var blocksWrites: Bool { conflicts(with: .rowExclusive) }
}

/// One relation a statement locks, with the strongest mode it takes on it.
public struct RelationLock: Sendable, Hashable, CustomStringConvertible {
    public var relation: ObjectKey
    public var kind: RelationKind
    public var mode: LockMode

    public init(relation: ObjectKey, kind: RelationKind, mode: LockMode) {
        self.relation = relation
        self.kind = kind
        self.mode = mode
    }

    public var description: String { "\(relation.schema).\(relation.name): \(mode)" }
}

/// What one statement does to a live database: the locks it takes and holds until
/// its transaction ends, the tables it rewrites or scans, the indexes it builds, and
/// whether it may run inside a transaction block.
///
/// Relations the statement itself creates are not in `locks`: no other session can
/// see them before commit. Tables created earlier in the same migration are in
/// `locks` like any other; exempting them is the rules' business.
public struct StatementEffects: Sendable, Hashable {
    // The fields live in one copy-on-write box (`CopyOnWrite`): the analysis, the
    // rules and the reports read a statement's effects whole, a copy each, and a
    // copy of a dozen arrays, sets and strings was a dozen reference counts.
    private struct Fields: Sendable, Hashable {
        var locks: [RelationLock]
        var rewrites: Set<ObjectKey>
        var truncates: Set<ObjectKey>
        var scans: Set<ObjectKey>
        var buildsIndexes: Set<ObjectKey>
        var mayRunInTransactionBlock: Bool
        var notes: [Note]
        var citations: [Citation]
        var table: ObjectKey?
        var unsupported: String?
        var isDataStatement: Bool
        var databaseWriteLock: Bool
    }

    private var box: CopyOnWrite<Fields>

    /// Every existing relation it locks, strongest mode per relation, strongest first.
    public var locks: [RelationLock] {
        get { box.fields.locks }
        _modify { yield &box.fields.locks }
    }
    /// Tables whose rows are copied into new storage (their indexes are rebuilt too).
    public var rewrites: Set<ObjectKey> {
        get { box.fields.rewrites }
        _modify { yield &box.fields.rewrites }
    }
    /// Tables emptied into new storage (`TRUNCATE`): a new file, but no copy.
    public var truncates: Set<ObjectKey> {
        get { box.fields.truncates }
        _modify { yield &box.fields.truncates }
    }
    /// Tables read in full: constraint validation, index builds, partition checks, rewrites.
    public var scans: Set<ObjectKey> {
        get { box.fields.scans }
        _modify { yield &box.fields.scans }
    }
    /// Indexes built or rebuilt (new ones by their future name); whether that blocks
    /// writes follows from the mode on the table in `locks`.
    public var buildsIndexes: Set<ObjectKey> {
        get { box.fields.buildsIndexes }
        _modify { yield &box.fields.buildsIndexes }
    }
    /// False for the CONCURRENTLY forms, VACUUM, `ALTER TYPE ... ADD VALUE` before 12, ...
    public var mayRunInTransactionBlock: Bool {
        get { box.fields.mayRunInTransactionBlock }
        _modify { yield &box.fields.mayRunInTransactionBlock }
    }
    /// Why, one sentence each, with the documentation section that says so.
    public var notes: [String] { box.fields.notes.map(\.line) }

    /// A note as the lock model makes it: its sentence and section apart, put
    /// together only when a report shows notes (most checks never read them).
    struct Note: Sendable, Hashable {
        var text: String
        var citation: Citation?

        var line: String { citation.map { "\(text) (\($0.rawValue))" } ?? text }
    }

    /// Adds a note unless the statement has it already.
    mutating func note(_ text: String, _ citation: Citation?) {
        let note = Note(text: text, citation: citation)
        if !box.fields.notes.contains(note) { box.fields.notes.append(note) }
    }
    /// The sections of the PostgreSQL documentation the facts come from.
    public var citations: [Citation] {
        get { box.fields.citations }
        _modify { yield &box.fields.citations }
    }
    /// The main table the statement acts on, when there is one.
    public var table: ObjectKey? {
        get { box.fields.table }
        _modify { yield &box.fields.table }
    }
    /// Set when the server refuses the form at this version (`REINDEX CONCURRENTLY` before 12).
    public var unsupported: String? {
        get { box.fields.unsupported }
        _modify { yield &box.fields.unsupported }
    }
    /// Whether the statement only reads or writes rows (SELECT, DML, COPY): no schema change.
    public var isDataStatement: Bool {
        get { box.fields.isDataStatement }
        _modify { yield &box.fields.isDataStatement }
    }
    /// SQLite: the statement takes the database-wide write lock (`RESERVED`, then `EXCLUSIVE` to commit).
    public var databaseWriteLock: Bool {
        get { box.fields.databaseWriteLock }
        _modify { yield &box.fields.databaseWriteLock }
    }

    public init(
        locks: [RelationLock] = [], rewrites: Set<ObjectKey> = [], truncates: Set<ObjectKey> = [],
        scans: Set<ObjectKey> = [], buildsIndexes: Set<ObjectKey> = [], mayRunInTransactionBlock: Bool = true,
        notes: [String] = [], table: ObjectKey? = nil, unsupported: String? = nil, isDataStatement: Bool = false,
        databaseWriteLock: Bool = false
    ) {
        box = CopyOnWrite(
            Fields(
                locks: locks, rewrites: rewrites, truncates: truncates, scans: scans, buildsIndexes: buildsIndexes,
                mayRunInTransactionBlock: mayRunInTransactionBlock, notes: notes.map { Note(text: $0, citation: nil) },
                citations: [], table: table,
                unsupported: unsupported, isDataStatement: isDataStatement, databaseWriteLock: databaseWriteLock))
    }

    /// The mode taken on `relation`, if any.
    public func mode(on relation: ObjectKey) -> LockMode? {
        locks.first { $0.relation == relation }?.mode
    }

    /// The strongest mode taken on any relation.
    public var strongestMode: LockMode? { locks.map(\.mode).max() }

    /// Whether some lock blocks `SELECT` on an existing relation.
    public var blocksReads: Bool { locks.contains { $0.mode.blocksReads } }
    /// Whether some lock blocks `INSERT`/`UPDATE`/`DELETE` on an existing relation.
    public var blocksWrites: Bool { locks.contains { $0.mode.blocksWrites } }

    /// Takes `mode` on `relation`, keeping the stronger of two modes on one relation.
    public mutating func lock(_ relation: ObjectKey, _ kind: RelationKind, _ mode: LockMode) {
        if let i = locks.firstIndex(where: { $0.relation == relation }) {
            if locks[i].mode < mode { locks[i].mode = mode }
        } else {
            locks.append(RelationLock(relation: relation, kind: kind, mode: mode))
        }
    }

    /// Folds the effects of another statement (or ALTER TABLE action) into these.
    public mutating func merge(_ other: StatementEffects) {
        for l in other.locks { lock(l.relation, l.kind, l.mode) }
        rewrites.formUnion(other.rewrites)
        truncates.formUnion(other.truncates)
        scans.formUnion(other.scans)
        buildsIndexes.formUnion(other.buildsIndexes)
        mayRunInTransactionBlock = mayRunInTransactionBlock && other.mayRunInTransactionBlock
        for n in other.box.fields.notes where !box.fields.notes.contains(n) { box.fields.notes.append(n) }
        for c in other.citations where !citations.contains(c) { citations.append(c) }
        if table == nil { table = other.table }
        if unsupported == nil { unsupported = other.unsupported }
        databaseWriteLock = databaseWriteLock || other.databaseWriteLock
    }

    /// Sorts locks strongest first, then by name, so output is stable.
    mutating func normalize() {
        locks.sort { ($0.mode, $1.relation) > ($1.mode, $0.relation) }
    }
}
