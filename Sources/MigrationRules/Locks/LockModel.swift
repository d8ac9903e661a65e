import SQLSyntax
import SchemaCatalog

/// The locks, rewrites and scans of each migration statement, per PostgreSQL
/// version (10 to 18), and the database-level write lock of SQLite.
///
/// Every fact cites the section of the PostgreSQL documentation that states it
/// (`Citation`); `docs/lock-model.md` is generated from this model, and
/// `LocksServerVerificationTests` checks it against `pg_locks` and `relfilenode` on a
/// real PostgreSQL 15.
public struct LockModel: Sendable {
    /// PostgreSQL major version, 10 to 18 (clamped).
    public var postgresVersion: Int
    public var dialect: Dialect.Kind
    /// Whether migrations run with `TimeZone = 'UTC'`: then `timestamp` <-> `timestamptz`
    /// needs no rewrite from PostgreSQL 12. Unknown by default, so assumed not.
    public var sessionTimeZoneIsUTC: Bool

    public init(postgresVersion: Int, sessionTimeZoneIsUTC: Bool = false) {
        self.postgresVersion = min(max(postgresVersion, 10), 18)
        self.dialect = .postgres
        self.sessionTimeZoneIsUTC = sessionTimeZoneIsUTC
    }

    /// The model for a dialect: PostgreSQL at its version, or SQLite.
    public init(dialect: Dialect) {
        self.init(postgresVersion: dialect.postgresVersion)
        self.dialect = dialect.kind
    }

    /// The effects of one statement.
    ///
    /// `catalog` is the schema just BEFORE the statement (column types, CHECKs,
    /// indexes, partitions); `source` is the text of the statement's file, used to
    /// spell expressions in notes. Unknown relations are still reported, by the key
    /// they would have in the catalog's creation schema, with the kind the statement implies.
    public func effects(of statement: Statement, in catalog: Catalog, source: ReplaySource) -> StatementEffects {
        var analysis = LockAnalysis(model: self, catalog: catalog, source: source)
        // Only the forms the AST keeps as text read it.
        if case .other = statement.node { analysis.statementText = source.text(statement.span) }
        if dialect == .sqlite {
            analysis.sqlite(statement.node)
        } else {
            analysis.statement(statement.node)
            analysis.citeLockSource(statement.node)
        }
        // A partitioned table has no storage of its own: only its partitions are read or written.
        let storageless = { (key: ObjectKey) in catalog.tables[key]?.kind == .partitioned }
        analysis.effects.scans = analysis.effects.scans.filter { !storageless($0) }
        analysis.effects.rewrites = analysis.effects.rewrites.filter { !storageless($0) }
        analysis.effects.truncates = analysis.effects.truncates.filter { !storageless($0) }
        analysis.effects.normalize()
        return analysis.effects
    }
}

/// One statement's analysis in progress.
struct LockAnalysis {
    let model: LockModel
    let catalog: Catalog
    let source: ReplaySource
    var effects = StatementEffects()
    /// The statement as written, for the forms the AST keeps only as `.other`.
    var statementText = ""

    init(model: LockModel, catalog: Catalog, source: ReplaySource) {
        self.model = model
        self.catalog = catalog
        self.source = source
    }

    var version: Int { model.postgresVersion }

    mutating func note(_ text: String, _ citation: Citation) {
        effects.note(text, citation)
        cite(citation)
    }

    /// Records the documentation section a fact comes from.
    mutating func cite(_ citation: Citation) {
        if !effects.citations.contains(citation) { effects.citations.append(citation) }
    }
}

