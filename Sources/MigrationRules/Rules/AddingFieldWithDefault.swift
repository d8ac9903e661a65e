import SQLSyntax
import SchemaCatalog

/// ADD COLUMN whose DEFAULT rewrites the table: any default before PostgreSQL 11, a
/// volatile one (`clock_timestamp()`, `random()`, `gen_random_uuid()`) from 11.
struct AddingFieldWithDefault: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-field-with-default",
        title: "Adding a column with a default that rewrites the table",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ADD COLUMN ... DEFAULT rewrites the table under ACCESS EXCLUSIVE when the default is volatile, or always before PostgreSQL 11.",
        rationale: """
            PostgreSQL 11 stores a non-volatile default in the catalog and adds the column instantly. A volatile \
            default (clock_timestamp(), random(), gen_random_uuid(), nextval()) must be computed for every row, and \
            before PostgreSQL 11 any default is written into every row: the whole table and its indexes are \
            rewritten while an ACCESS EXCLUSIVE lock blocks every read and write.
            """,
        safeAlternative: """
            Add the column without a default, then `ALTER COLUMN ... SET DEFAULT` (new rows only), then backfill \
            existing rows in batches.
            """,
        bad: [
            RuleExample("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();", baseline: "CREATE TABLE users (id bigint PRIMARY KEY);"),
            RuleExample("ALTER TABLE users ADD COLUMN active boolean DEFAULT true;", baseline: "CREATE TABLE users (id bigint PRIMARY KEY);", postgresVersion: 10),
        ],
        good: [
            RuleExample("ALTER TABLE users ADD COLUMN active boolean DEFAULT true;", baseline: "CREATE TABLE users (id bigint PRIMARY KEY);"),
            RuleExample("""
                ALTER TABLE users ADD COLUMN token uuid;
                ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();
                """, baseline: "CREATE TABLE users (id bigint PRIMARY KEY);"),
        ],
        equivalents: [
            Equivalent(.squawk, "adding-field-with-default"), Equivalent(.strongMigrations, "add_column_default"),
            Equivalent(.strongMigrations, "add_column_default_callable"), Equivalent(.atlas, "PG302"),
            Equivalent(.eugene, "E10"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s), s.effects.rewrites.contains(table) else { return [] }
        let catalog = context.catalog(before: s)
        var out: [Finding] = []
        for case .addColumn(let column, _) in a.actions {
            guard let value = column.defaultValue, !column.isSerial, !column.identity, !column.generated else { continue }
            if case .literal(.null) = value.kind { continue }
            let text = context.analysis.sources[s.file]?.text(value.span) ?? "the default"
            let volatile = ExpressionFacts.volatility(value) { name in
                guard let key = catalog.resolve(name, exists: { catalog.functions[$0] != nil }) else { return nil }
                return catalog.functions[key]?.map(\.volatility).max()
            } == .volatile
            if volatile {
                out.append(context.finding(
                    s, "adding column \(column.name.value) with the volatile default \(text) rewrites \(display(table)) under ACCESS EXCLUSIVE",
                    table: table))
            } else if context.postgresVersion < 11 {
                out.append(context.finding(
                    s, "adding column \(column.name.value) with a default rewrites \(display(table)) under ACCESS EXCLUSIVE before PostgreSQL 11",
                    table: table))
            }
        }
        return out
    }
}
