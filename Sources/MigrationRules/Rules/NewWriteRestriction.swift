import SQLSyntax
import SchemaCatalog

/// A new constraint on an existing table that blue's writes may violate.
struct NewWriteRestriction: StatementRule {
    static let metadata = RuleMetadata(
        id: "new-write-restriction",
        title: "A new constraint that blue's writes may violate",
        category: .compatibility, severity: .warning,
        summary: "A CHECK, UNIQUE, PRIMARY KEY, FOREIGN KEY or EXCLUDE constraint added to an existing table restricts what blue, still running, may write.",
        rationale: """
            Blue was written before the constraint existed. The planner proves NOT NULL coverage of blue's \
            INSERTs (and `CHECK (col IS NOT NULL)`), but whether blue's values satisfy any other new CHECK, stay \
            unique or reference existing rows depends on data no schema shows: a write that worked before may \
            fail after the migration, while blue still serves traffic.
            """,
        safeAlternative: "Add the constraint once every running version writes values that satisfy it (in the contract phase, after blue is retired). NOT VALID does not help here: it skips the rows already there, but new writes are checked at once.",
        bad: [
            RuleExample(
                "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;",
                baseline: "CREATE TABLE orders (id int, total int);")
        ],
        good: [
            RuleExample("CREATE TABLE orders (id int, total int CHECK (total >= 0));"),
            RuleExample("ALTER TABLE orders DROP CONSTRAINT orders_total_check;", baseline: "CREATE TABLE orders (id int, total int CONSTRAINT orders_total_check CHECK (total >= 0));"),
        ],
        equivalents: [Equivalent(.squawk, "ban-new-write-restriction")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let a = s.alterTable, let table = context.alteredTable(a, s), !context.analysis.createdInRun.contains(table)
        else { return [] }
        var out: [Finding] = []
        for action in a.actions {
            let what: String?
            switch action {
            case .addConstraint(let c):
                switch c.kind {
                case .check: what = "CHECK constraint"
                case .unique: what = "UNIQUE constraint"
                case .primaryKey: what = "PRIMARY KEY"
                case .foreignKey: what = "FOREIGN KEY"
                case .exclusion: what = "EXCLUDE constraint"
                // NOT NULL is proven against blue's INSERTs by the planner.
                default: what = nil
                }
            default:
                what = nil
            }
            if let what {
                out.append(
                    context.finding(
                        s, "the new \(what) on \(display(table)) restricts what blue may write; a write that works today may fail while blue still runs"))
            }
        }
        return out
    }
}
