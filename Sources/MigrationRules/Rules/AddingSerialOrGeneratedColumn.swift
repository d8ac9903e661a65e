import SQLSyntax
import SchemaCatalog

/// ADD COLUMN serial / identity / GENERATED ... STORED: every row gets a value, so the table is rewritten.
struct AddingSerialOrGeneratedColumn: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-serial-or-generated-column",
        title: "Adding a serial, identity or stored generated column",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ADD COLUMN of a serial, identity or stored generated column rewrites the table under ACCESS EXCLUSIVE.",
        rationale: """
            Each existing row needs its own value (the next number of a sequence, or the computed expression), \
            so PostgreSQL rewrites the table and its indexes while holding ACCESS EXCLUSIVE: no reads, no writes.
            """,
        safeAlternative: """
            Add a plain nullable column, fill it for new rows with a DEFAULT or a trigger, backfill existing rows in \
            batches, then add the constraints (PostgreSQL 18: a virtual generated column needs no rewrite).
            """,
        bad: [
            RuleExample("ALTER TABLE events ADD COLUMN seq bigserial;", baseline: "CREATE TABLE events (id uuid PRIMARY KEY);"),
            RuleExample("ALTER TABLE events ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;", baseline: "CREATE TABLE events (id uuid PRIMARY KEY);"),
            RuleExample("ALTER TABLE items ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED;", baseline: "CREATE TABLE items (price numeric, qty int);"),
        ],
        good: [
            RuleExample("ALTER TABLE events ADD COLUMN seq bigint;", baseline: "CREATE TABLE events (id uuid PRIMARY KEY);"),
            RuleExample("CREATE TABLE events (id bigserial PRIMARY KEY);"),
        ],
        equivalents: [
            Equivalent(.strongMigrations, "add_column_auto_incrementing"),
            Equivalent(.strongMigrations, "add_column_generated_stored"), Equivalent(.eugene, "E11"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s), s.effects.rewrites.contains(table) else { return [] }
        var out: [Finding] = []
        for case .addColumn(let column, _) in a.actions {
            let what: String
            if column.isSerial {
                what = "the \(column.type?.baseName ?? "serial") column"
            } else if column.identity {
                what = "the identity column"
            } else if column.storedGenerated || (column.generated && context.postgresVersion < 18) {
                what = "the stored generated column"
            } else {
                continue
            }
            out.append(context.finding(
                s, "adding \(what) \(column.name.value) fills every row and rewrites \(display(table)) under ACCESS EXCLUSIVE",
                table: table))
        }
        return out
    }
}
