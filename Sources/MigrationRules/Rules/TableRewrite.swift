import SQLSyntax
import SchemaCatalog

/// Statements that copy a whole table under ACCESS EXCLUSIVE: VACUUM FULL, CLUSTER,
/// SET TABLESPACE, SET LOGGED / UNLOGGED, SET ACCESS METHOD.
struct TableRewrite: StatementRule {
    static let metadata = RuleMetadata(
        id: "table-rewrite",
        title: "Rewriting a table under ACCESS EXCLUSIVE",
        category: .lock, severity: .error, lockHazard: true,
        summary: "VACUUM FULL, CLUSTER, SET TABLESPACE, SET LOGGED/UNLOGGED and SET ACCESS METHOD copy the whole table while reads and writes wait.",
        rationale: """
            These statements write a new copy of the table (and rebuild its indexes) under ACCESS EXCLUSIVE: \
            nothing can read or write the table until the copy is done, which takes as long as the table is big.
            """,
        safeAlternative: """
            Use an online tool (pg_repack, pg_squeeze; REPACK CONCURRENTLY from PostgreSQL 19) instead of VACUUM FULL \
            or CLUSTER; move or re-log big tables in a maintenance window.
            """,
        bad: [
            RuleExample("VACUUM FULL orders;", baseline: "CREATE TABLE orders (id int);"),
            RuleExample("ALTER TABLE orders SET UNLOGGED;", baseline: "CREATE TABLE orders (id int);"),
        ],
        good: [RuleExample("VACUUM (ANALYZE) orders;", baseline: "CREATE TABLE orders (id int);")],
        equivalents: [Equivalent(.squawk, "prefer-repack"), Equivalent(.eugene, "E10")])

    static let readsDataStatements = false

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        let what: String
        switch s.node {
        case .maintenance(let m) where m.command == .vacuum && m.hasOption("full"): what = "VACUUM FULL"
        case .maintenance(let m) where m.command == .cluster: what = "CLUSTER"
        case .alterTable(let a) where a.allInTablespace != nil: what = "SET TABLESPACE"
        default:
            guard let a = s.alterTable else { return [] }
            var forms: [String] = []
            for action in a.actions {
                switch action {
                case .setTablespace: forms.append("SET TABLESPACE")
                case .setLogged(let logged): forms.append(logged ? "SET LOGGED" : "SET UNLOGGED")
                case .setAccessMethod: forms.append("SET ACCESS METHOD")
                default: break
                }
            }
            guard !forms.isEmpty else { return [] }
            what = forms.joined(separator: ", ")
        }
        let tables = s.effects.rewrites.filter { context.isExistingTable($0, before: s) }.sorted()
        if tables.isEmpty, case .maintenance(let m) = s.node, m.targets.isEmpty {
            return [context.finding(s, "\(what) without a table rewrites every table of the database under ACCESS EXCLUSIVE")]
        }
        return tables.map { table in
            context.finding(s, "\(what) rewrites \(display(table)) under ACCESS EXCLUSIVE: no reads or writes until it ends", table: table)
        }
    }
}
