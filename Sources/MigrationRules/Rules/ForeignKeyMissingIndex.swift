import SQLSyntax
import SchemaCatalog

/// A foreign key whose referencing columns no index covers.
struct ForeignKeyMissingIndex: Rule {
    static let metadata = RuleMetadata(
        id: "foreign-key-missing-index",
        title: "Foreign key without an index on the referencing columns",
        category: .design, severity: .info,
        summary: "After the migration, a foreign key's referencing columns are not the leading columns of any index.",
        rationale: "Every DELETE or key UPDATE on the referenced table then scans the referencing table (under a lock) to find dependent rows.",
        safeAlternative: "`CREATE INDEX CONCURRENTLY ... ON child (fk_columns)`.",
        bad: [RuleExample("CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);")],
        good: [RuleExample("CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);\nCREATE INDEX orders_user_idx ON orders (user_id);")],
        equivalents: [Equivalent(.eugene, "E15")])

    func check(_ context: RuleContext) -> [Finding] {
        let final = context.analysis.final
        var out: [Finding] = []
        // Report each foreign key added by this migration once, at the statement that added it.
        for i in context.statements(shaped: [.createTable, .alterTable]) {
            let s = context.analysis.statements[i]
            guard s.failure == nil else { continue }
            // Foreign keys are added by CREATE TABLE and ALTER TABLE, on the table named:
            // written on it, or (a partition) taken from its parent.
            let name: QualifiedName
            switch s.node {
            case .createTable(let t)?:
                guard t.partitionOf != nil || t.elements.contains(where: Self.declaresForeignKey) else { continue }
                name = t.name
            case .alterTable(let a)?:
                guard MigrationStatement.addedConstraints(a).contains(where: Self.isForeignKey) else { continue }
                name = a.name
            default: continue
            }
            let before = context.analysis.catalog(before: s.index)
            let after = context.analysis.catalog(after: s.index)
            guard let key = after.table(name), let table = after.tables[key] else { continue }
            do {
                let old = before.tables[key]
                for c in table.constraints where c.kind == .foreignKey && old?.constraint(c.name) == nil {
                    guard let now = final.tables[key], now.constraint(c.name) != nil else { continue }
                    let covered = final.indexes.values(on: key).contains { index in
                        guard let cols = index.columnNames, cols.count >= c.columns.count else { return false }
                        return Set(cols.prefix(c.columns.count)) == Set(c.columns)
                    }
                    if !covered {
                        out.append(Finding(statement: s.index, message: "foreign key \(c.name) on \(display(key)) (\(c.columns.joined(separator: ", "))) has no index; deletes on \(c.foreignKey.map { display($0.table) } ?? "the referenced table") scan \(display(key))"))
                    }
                }
            }
        }
        return out
    }

    private static func isForeignKey(_ c: ConstraintDefinition) -> Bool {
        if case .foreignKey = c.kind { return true }
        return false
    }

    private static func declaresForeignKey(_ element: TableElement) -> Bool {
        switch element {
        case .column(let column): return column.constraints.contains(where: isForeignKey)
        case .constraint(let c): return isForeignKey(c)
        case .like: return false
        }
    }
}
