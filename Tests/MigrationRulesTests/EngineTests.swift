import Diagnostics
import SQLSyntax
import SchemaCatalog
import Testing

@testable import MigrationRules

@Suite struct SuppressionTests {
    let baseline = "CREATE TABLE t (id int);"

    @Test func ignoreOnTheLineBeforeSuppresses() {
        let found = findings("-- switchgate:ignore require-concurrent-index-creation,require-lock-timeout tiny table\nCREATE INDEX i ON t (id);", baseline: baseline)
        #expect(!found.contains { $0.id == "require-concurrent-index-creation" })
        #expect(!found.contains { $0.id == "unused-ignore" })
    }

    @Test func ignoreAppliesOnlyToTheNextStatement() {
        let found = findings("-- switchgate:ignore require-concurrent-index-creation\nCREATE INDEX i ON t (id);\nCREATE INDEX j ON t (id);", baseline: baseline)
        #expect(found.filter { $0.id == "require-concurrent-index-creation" }.count == 1)
    }

    @Test func ignoreFileSuppressesEverywhere() {
        let found = findings("CREATE INDEX i ON t (id);\n-- switchgate:ignore-file require-concurrent-index-creation\nCREATE INDEX j ON t (id);", baseline: baseline)
        #expect(!found.contains { $0.id == "require-concurrent-index-creation" })
    }

    @Test func unusedAndUnknownSuppressionsAreReported() {
        let found = findings("-- switchgate:ignore ban-drop-table\nCREATE TABLE u (id int);\n-- switchgate:ignore no-such-rule\nCREATE TABLE v (id int);")
        let unused = found.filter { $0.id == "unused-ignore" }
        #expect(unused.count == 2)
        #expect(unused.contains { $0.message.contains("no-such-rule") })
        #expect(unused.allSatisfy { $0.severity == .warning })
    }
}

@Suite struct EngineConfigurationTests {
    let baseline = "CREATE TABLE orders (id int, user_id int);"
    let sql = "CREATE INDEX orders_user_idx ON orders (user_id);"

    @Test func smallTablesDowngradeLockHazardsAndSayTheSize() {
        var config = RuleConfiguration()
        config.smallTableRows = 1000
        config.tableStats = TableStatistics(tables: [ObjectKey("public", "orders"): .init(rows: 120, bytes: 16384)])
        let d = findings(sql, baseline: baseline, configuration: config).first { $0.id == "require-concurrent-index-creation" }
        #expect(d?.severity == .warning)
        #expect(d?.message.contains("120 rows, 16.0 kB") == true)
        config.tableStats = TableStatistics(tables: [ObjectKey("public", "orders"): .init(rows: 5000)])
        let big = findings(sql, baseline: baseline, configuration: config).first { $0.id == "require-concurrent-index-creation" }
        #expect(big?.severity == .error)
    }

    @Test func severityOverridesAndDisable() {
        var config = RuleConfiguration()
        config.severities["require-concurrent-index-creation"] = .info
        config.disabled = ["require-lock-timeout"]
        let found = findings(sql, baseline: baseline, configuration: config)
        #expect(found.first { $0.id == "require-concurrent-index-creation" }?.severity == .info)
        #expect(!found.contains { $0.id == "require-lock-timeout" })
        #expect(!found.contains { $0.id == "require-statement-timeout" })  // opt-in
    }

    @Test func findingsAreSortedByFileThenOffset() {
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(
            sql: [("b.sql", "DROP TABLE orders;"), ("a.sql", "CREATE INDEX x ON orders (id);")],
            baseline: baselineCatalog(baseline))
        let files = RuleEngine().run(analysis).map(\.file)
        #expect(files == files.sorted { ($0 == "b.sql" ? 0 : 1) < ($1 == "b.sql" ? 0 : 1) })
    }

    @Test func helpIsVersionSpecific() {
        let at11 = findings("ALTER TABLE orders ALTER COLUMN user_id SET NOT NULL;", baseline: baseline, postgresVersion: 11)
            .first { $0.id == "adding-not-nullable-field" }
        #expect(at11?.help?.contains("Before PostgreSQL 12") == true)
        let unique = findings("ALTER TABLE orders ADD CONSTRAINT u UNIQUE (user_id);", baseline: baseline)
            .first { $0.id == "disallowed-unique-constraint" }
        #expect(unique?.help?.contains("NOT VALID") == false)
        #expect(unique?.help?.contains("CONCURRENTLY") == true)
    }
}
