import SQLSyntax
import SchemaCatalog

/// ADD EXCLUDE: index build and check under ACCESS EXCLUSIVE, with no online path.
struct AddingExclusionConstraint: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-exclusion-constraint",
        title: "Adding an exclusion constraint",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ADD CONSTRAINT ... EXCLUDE builds its index and checks every row under ACCESS EXCLUSIVE; it cannot be NOT VALID.",
        rationale: """
            Exclusion constraints have no NOT VALID form and cannot adopt an index built concurrently, so the whole \
            build and check happen under ACCESS EXCLUSIVE.
            """,
        safeAlternative: """
            There is no online path: add it while the table is small, in a maintenance window, or enforce the rule \
            in the application (or a trigger) until then.
            """,
        bad: [RuleExample("ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =);", baseline: "CREATE TABLE bookings (room int);")],
        good: [RuleExample("CREATE TABLE bookings (room int, EXCLUDE USING gist (room WITH =));")],
        equivalents: [Equivalent(.strongMigrations, "add_exclusion_constraint"), Equivalent(.eugene, "E8")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s) else { return [] }
        return a.actions.compactMap { action -> Finding? in
            guard case .addConstraint(let c) = action, case .exclusion = c.kind else { return nil }
            return context.finding(
                s, "adding an EXCLUDE constraint builds its index on \(display(table)) under ACCESS EXCLUSIVE, with no NOT VALID form",
                table: table, span: c.span)
        }
    }
}
