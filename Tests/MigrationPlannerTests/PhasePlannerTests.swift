import Diagnostics
import MigrationPlanner
import MigrationRules
import QueryBinding
import SQLSyntax
import SchemaCatalog
import Testing

/// Phase assignment on small migrations, with and without query evidence
/// (docs/phases.md). The shared scenarios and the end-to-end cases cover the
/// command; these pin the planner's own decisions.
@Suite struct PhasePlannerTests {
    struct Run {
        var result: CheckResult
        func phase(line: Int, file: String = "m/001.sql") -> Phase? {
            result.statements.first { $0.statement.file == file && $0.statement.line == line }?.phase
        }
        func findings(_ id: String) -> [Diagnostic] { result.findings.filter { $0.id == id } }
    }

    func check(schema: String, migration: [(String, String)], blue: String? = nil, green: String? = nil) throws -> Run {
        var replay = Replay(catalog: Catalog(dialect: .postgres))
        let applied = replay.apply(SourceFile(path: "schema.sql", text: schema))
        #expect(applied)
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(sql: migration, baseline: replay.catalog)
        let blueQueries = blue.map { QuerySources.sqlFile(Array($0.utf8), path: "blue.sql", dialect: .postgres) } ?? []
        let greenQueries = green.map { QuerySources.sqlFile(Array($0.utf8), path: "green.sql", dialect: .postgres) } ?? []
        let checker = Checker(
            analysis: analysis, blue: blueQueries, green: greenQueries, blueGiven: blue != nil, greenGiven: green != nil)
        return Run(result: checker.run(ruleFindings: []))
    }

    static let users = "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL, legacy text);"

    @Test func renameUsedByBothSidesIsBreaking() throws {
        let run = try check(
            schema: Self.users, migration: [("m/001.sql", "ALTER TABLE users RENAME COLUMN name TO full_name;")],
            blue: "SELECT id, name FROM users;", green: "SELECT id, full_name FROM users;")
        #expect(run.phase(line: 1) == .breaking)
        #expect(run.findings("breaking-change").count == 1)
        #expect(run.findings("blue-query-fails").count == 1)
        #expect(!run.result.isSafe)
    }

    @Test func dropUnusedByGreenIsContract() throws {
        let run = try check(
            schema: Self.users, migration: [("m/001.sql", "ALTER TABLE users DROP COLUMN legacy;")],
            blue: "SELECT id, legacy FROM users;", green: "SELECT id FROM users;")
        #expect(run.phase(line: 1) == .contract)
        #expect(run.result.isSafe)
    }

    @Test func aSetBeforeABreakingStatementCarriesNoErrorOfItsOwn() throws {
        let run = try check(
            schema: Self.users,
            migration: [("m/001.sql", "SET lock_timeout = '2s';\nALTER TABLE users RENAME COLUMN name TO full_name;")],
            blue: "SELECT name FROM users;", green: "SELECT full_name FROM users;")
        #expect(run.phase(line: 1) == .breaking)
        let lines = run.findings("breaking-change").map { finding in
            run.result.statements.first { $0.statement.span == finding.span }?.statement.line
        }
        #expect(lines == [2])
    }

    @Test func revokeIsDestructive() throws {
        let run = try check(schema: Self.users, migration: [("m/001.sql", "REVOKE SELECT ON users FROM PUBLIC;")])
        #expect(run.phase(line: 1) == .contract)
    }

    @Test func withoutQueriesARenameIsBreakingAndAnAddIsExpand() throws {
        let run = try check(
            schema: Self.users,
            migration: [("m/001.sql", "ALTER TABLE users ADD COLUMN email text;\nALTER TABLE users RENAME COLUMN name TO full_name;")])
        #expect(run.phase(line: 1) == .expand)
        #expect(run.phase(line: 2) == .breaking)
    }

    @Test func aStatementThatNeedsAHeldBackOneIsHeldBackToo() throws {
        let run = try check(
            schema: Self.users,
            migration: [
                ("m/001.sql", "ALTER TABLE users RENAME COLUMN legacy TO old_notes;"),
                ("m/002.sql", "CREATE INDEX users_old_notes_idx ON users (old_notes);"),
            ],
            blue: "SELECT legacy FROM users;", green: "SELECT id FROM users;")
        #expect(run.phase(line: 1) == .contract)
        #expect(run.phase(line: 1, file: "m/002.sql") == .contract)
    }

    @Test func selectStarOverAChangedTableWarns() throws {
        let run = try check(
            schema: Self.users, migration: [("m/001.sql", "ALTER TABLE users ADD COLUMN email text;")],
            blue: "SELECT * FROM users;", green: "SELECT id FROM users;")
        #expect(run.findings("select-star-columns-change").count == 1)
        #expect(run.result.isSafe)
    }

    @Test func everyPlannerFindingIsExplained() throws {
        let run = try check(
            schema: Self.users, migration: [("m/001.sql", "ALTER TABLE users RENAME COLUMN name TO full_name;")],
            blue: "SELECT * FROM users;\nSELECT name FROM users;", green: "SELECT full_name FROM users;\nSELECT nope FROM users;")
        let ids = Set(run.result.findings.map(\.id))
        #expect(ids.isSuperset(of: ["breaking-change", "blue-query-fails", "green-query-fails"]))
        for id in ids { #expect(PlannerCheck.named(id) != nil, "\(id) has no explanation") }
    }
}
