import SQLSyntax
import SchemaCatalog

/// ALTER COLUMN TYPE that is not binary-coercible: a rewrite under ACCESS EXCLUSIVE.
struct ChangingColumnType: StatementRule {
    static let metadata = RuleMetadata(
        id: "changing-column-type",
        title: "Changing a column type that rewrites the table",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ALTER COLUMN ... TYPE rewrites the table and its indexes under ACCESS EXCLUSIVE unless the change is binary-coercible.",
        rationale: """
            Only a few changes are free: varchar(n) to varchar(m >= n) or text, numeric precision increases at the \
            same scale, dropping a length limit, and other binary-coercible casts. Anything else copies every row \
            and rebuilds every index while reads and writes wait; the old application may also not read the new type.
            """,
        safeAlternative: """
            Add a new column of the new type, keep both in sync with a trigger, backfill in batches, switch reads, \
            then drop the old column in the contract phase.
            """,
        bad: [
            RuleExample("ALTER TABLE orders ALTER COLUMN amount TYPE bigint;", baseline: "CREATE TABLE orders (id int, amount int);"),
            RuleExample("ALTER TABLE users ALTER COLUMN name TYPE varchar(50);", baseline: "CREATE TABLE users (name varchar(100));"),
        ],
        good: [
            RuleExample("ALTER TABLE users ALTER COLUMN name TYPE varchar(200);", baseline: "CREATE TABLE users (name varchar(100));"),
            RuleExample("ALTER TABLE users ALTER COLUMN name TYPE text;", baseline: "CREATE TABLE users (name varchar(100));"),
        ],
        equivalents: [
            Equivalent(.squawk, "changing-column-type"), Equivalent(.strongMigrations, "change_column"),
            Equivalent(.atlas, "PG301"), Equivalent(.eugene, "E5"), Equivalent(.eugene, "E10"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s), s.effects.rewrites.contains(table) else { return [] }
        let old = context.catalog(before: s).tables[table]
        var out: [Finding] = []
        for case .alterColumn(let name, .setDataType(let type, _, _)) in a.actions {
            let from = old?.column(name.value).map { $0.type.sql } ?? "its type"
            let to = context.analysis.sources[s.file]?.text(type.span) ?? type.name.dotted
            out.append(context.finding(
                s, "changing \(display(table)).\(name.value) from \(from) to \(to) rewrites the table and its indexes under ACCESS EXCLUSIVE",
                table: table))
        }
        return out
    }
}
