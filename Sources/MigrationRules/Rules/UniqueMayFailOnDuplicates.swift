import SQLSyntax
import SchemaCatalog

/// A unique index or constraint over existing rows: it fails if duplicates exist.
struct UniqueMayFailOnDuplicates: StatementRule {
    static let metadata = RuleMetadata(
        id: "unique-may-fail-on-duplicates",
        title: "Unique index on existing data",
        category: .correctness, severity: .info,
        summary: "A UNIQUE index or constraint on columns of an existing table fails if the data already holds duplicates.",
        rationale: """
            Whether it succeeds depends on the data, not the schema: a duplicate makes the statement fail (and a \
            failed CREATE UNIQUE INDEX CONCURRENTLY leaves an INVALID index behind that must be dropped).
            """,
        safeAlternative: "Check for duplicates first (`SELECT cols, count(*) ... GROUP BY cols HAVING count(*) > 1`) and clean them up in a backfill.",
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);", baseline: "CREATE TABLE users (email text);")],
        good: [
            RuleExample("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);", baseline: "CREATE TABLE users (email text);"),
            RuleExample("""
                ALTER TABLE images ADD COLUMN kind text;
                ALTER TABLE images ADD CONSTRAINT images_name_kind UNIQUE (name, kind);
                """, baseline: "CREATE TABLE images (name text UNIQUE);"),
        ],
        equivalents: [Equivalent(.atlas, "MF101"), Equivalent(.atlas, "MF102")])

    static let readsDataStatements = false

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        switch s.node {
        case .createIndex(let i) where i.unique:
            guard let table = context.table(i.table, before: s), context.isExistingTable(table, before: s) else { return [] }
            return [context.finding(s, "the unique index on \(display(table)) fails if existing rows hold duplicates")]
        case .alterTable:
            guard let (a, table) = context.existingAlteredTable(s) else { return [] }
            for case .addConstraint(let c) in a.actions {
                switch c.kind {
                case .unique(let k) where k.usingIndex == nil && !Self.keyHasFreshNullColumn(k, table, s, context),
                    .primaryKey(let k) where k.usingIndex == nil:
                    return [context.finding(s, "the \(constraintWord(c.kind)) constraint on \(display(table)) fails if existing rows hold duplicates")]
                default: continue
                }
            }
            return []
        default:
            return []
        }
    }

    /// A UNIQUE key over a column this migration added without a default holds only NULLs
    /// there, and NULLs are distinct (unless NULLS NOT DISTINCT): no duplicate can exist.
    static func keyHasFreshNullColumn(_ key: KeyConstraint, _ table: ObjectKey, _ s: MigrationStatement, _ context: RuleContext) -> Bool {
        guard key.nullsNotDistinct != true, let baseline = context.analysis.baseline.tables[table],
            let now = context.catalog(before: s).tables[table]
        else { return false }
        return key.columns.contains { name in
            baseline.column(name.value) == nil && now.column(name.value).map { $0.defaultValue == nil && !$0.notNull } == true
        }
    }
}
