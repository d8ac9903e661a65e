import Diagnostics
import Foundation
import QueryBinding
import SQLSyntax
import SchemaCatalog
import Testing

/// The binder's verdict on every query of `DifferentialCases` against every
/// schema variant must be the engine's: PostgreSQL 15 (PREPARE, and execution
/// inside a rolled-back subtransaction for writes) and SQLite (prepare).
@Suite struct DifferentialTests {
    struct Disagreement: CustomStringConvertible {
        var variant: String
        var construct: String
        var sql: String
        var binder: String
        var engine: String
        var message: String
        var description: String {
            "[\(variant)] \(construct): binder \(binder), engine \(engine) — \(sql) (\(message))"
        }
    }

    static func binderVerdict(_ sql: String, _ catalog: Catalog) -> (String, String) {
        let result = Binder(catalog: catalog).bind(sql: sql)
        return (result.problems.first?.code ?? "ok", result.problems.first?.message ?? "")
    }

    /// Execution failures the binder does not model: unique, foreign key, length
    /// and range checks on data. (CHECK violations, 23514, are compared: the
    /// binder models `CHECK (col IS NOT NULL)`.)
    static func normalize(_ code: String) -> String {
        ["23505", "23503", "22001", "22003", "23P01"].contains(code) ? "ok" : code
    }

    @Test(.needsServer) func postgres() throws {
        let url = try TestServer.requireURL()
        let database = "switchgate_bind_\(ProcessInfo.processInfo.processIdentifier)"
        PostgresOracle.dropDatabase(url: url, name: database)
        try PostgresOracle.createDatabase(url: url, name: database)
        defer { PostgresOracle.dropDatabase(url: url, name: database) }
        var compared = 0
        var disagreements: [Disagreement] = []
        let cases = DifferentialCases.postgresQueries
        for variant in DifferentialCases.postgresVariants {
            let schema = DifferentialCases.postgresSchema + "\n" + variant.sql
            var replay = Replay(catalog: Catalog(dialect: .postgres))
            replay.apply(SourceFile(path: "schema.sql", text: schema))
            if let failure = replay.failure {
                Issue.record("[\(variant.name)] replay refused the schema: \(failure.message)")
                continue
            }
            let engine = try PostgresOracle.verdicts(
                url: url, database: database, schema: schema, queries: cases.map { ($0.sql, $0.execute) })
            for (i, c) in cases.enumerated() {
                let (binder, message) = DifferentialTests.binderVerdict(c.sql, replay.catalog)
                let expected = DifferentialTests.normalize(engine[i])
                compared += 1
                if binder != expected {
                    disagreements.append(
                        Disagreement(
                            variant: variant.name, construct: c.construct, sql: c.sql, binder: binder, engine: expected,
                            message: message))
                }
            }
        }
        print("differential postgres: \(compared) verdicts compared (\(cases.count) queries x \(DifferentialCases.postgresVariants.count) schemas), \(compared - disagreements.count) agree")
        for d in disagreements { Issue.record("\(d)") }
    }

    @Test func sqlite() throws {
        var compared = 0
        var disagreements: [Disagreement] = []
        let cases = DifferentialCases.sqliteQueries
        for variant in DifferentialCases.sqliteVariants {
            let schema = DifferentialCases.sqliteSchema + "\n" + variant.sql
            var replay = Replay(catalog: Catalog(dialect: .sqlite))
            replay.apply(SourceFile(path: "schema.sql", text: schema))
            if let failure = replay.failure {
                Issue.record("[\(variant.name)] replay refused the schema: \(failure.message)")
                continue
            }
            for c in cases {
                let engine = try SQLiteOracle.verdict(schema: schema, query: c.sql, execute: c.execute)
                let (binder, message) = DifferentialTests.binderVerdict(c.sql, replay.catalog)
                compared += 1
                if binder != engine {
                    disagreements.append(
                        Disagreement(
                            variant: variant.name, construct: c.construct, sql: c.sql, binder: binder, engine: engine,
                            message: message))
                }
            }
        }
        print("differential sqlite: \(compared) verdicts compared (\(cases.count) queries x \(DifferentialCases.sqliteVariants.count) schemas), \(compared - disagreements.count) agree")
        for d in disagreements { Issue.record("\(d)") }
    }
}
