import Diagnostics
import MigrationLayout
import SQLSyntax
import SchemaCatalog
import Testing

@testable import MigrationRules

/// Builds a baseline catalog from SQL, failing the test if replay refuses it.
func baselineCatalog(_ sql: String, dialect: Dialect = .postgres) -> Catalog {
    var replay = Replay(catalog: Catalog(dialect: dialect))
    replay.apply(SourceFile(path: "baseline.sql", text: sql))
    #expect(replay.failure == nil, "baseline does not replay: \(replay.failure?.message ?? "")")
    return replay.catalog
}

/// Analyzes one migration text and runs every rule (opt-in ones included).
func findings(
    _ sql: String, baseline: String = "", postgresVersion: Int = 15, inTransaction: Bool = false,
    dialect: Dialect.Kind = .postgres, configuration: RuleConfiguration? = nil
) -> [Diagnostic] {
    let d = Dialect(kind: dialect, postgresVersion: postgresVersion)
    let analysis = MigrationAnalyzer(dialect: d, assumeInTransaction: inTransaction)
        .analyze(sql: [("migration.sql", sql)], baseline: baselineCatalog(baseline, dialect: d))
    var config = configuration ?? RuleConfiguration()
    if configuration == nil { config.enabled = RuleRegistry.knownIDs }
    return RuleEngine(configuration: config).run(analysis)
}

func findings(_ example: RuleExample) -> [Diagnostic] {
    findings(
        example.sql, baseline: example.baseline, postgresVersion: example.postgresVersion ?? 15,
        inTransaction: example.inTransaction, dialect: example.dialect)
}
