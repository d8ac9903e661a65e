import Diagnostics
import MigrationLayout
import SQLSyntax
import SchemaCatalog
import Testing

@testable import MigrationRules

@Suite struct AnalyzerTests {
    func file(_ text: String, _ mode: TransactionMode, path: String = "m.sql") -> MigrationFile {
        MigrationFile(path: path, layout: .goose, version: "1", name: "m", transaction: mode, bytes: Array(text.utf8))
    }

    @Test func statementsCarryPositionKindAndCatalogs() {
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(
            sql: [("a.sql", "-- hello\nCREATE TABLE t (id int);\n\n  UPDATE t SET id = 1;\nALTER TABLE missing ADD x int;")],
            baseline: Catalog(dialect: .postgres))
        #expect(analysis.statements.count == 3)
        #expect(analysis.catalogs.count == 4)
        let s = analysis.statements
        #expect((s[0].line, s[0].column, s[0].kind) == (2, 1, "create_table"))
        #expect((s[1].line, s[1].column, s[1].kind, s[1].isData) == (4, 3, "update", true))
        #expect(s[2].failure?.sqlState == "42P01")
        #expect(analysis.catalogs[0].tables.isEmpty)
        #expect(analysis.catalogs[1].tables[ObjectKey("public", "t")] != nil)
        #expect(analysis.createdInRun == [ObjectKey("public", "t")])
        #expect(s.allSatisfy { $0.transaction == nil })
    }

    @Test func explicitTransactionsAndUncommittedBegin() {
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(
            sql: [("a.sql", "CREATE TABLE a (id int);\nBEGIN;\nCREATE TABLE b (id int);\nCOMMIT;\nBEGIN;\nCREATE TABLE c (id int);")],
            baseline: Catalog(dialect: .postgres))
        let ids = analysis.statements.map(\.transaction)
        #expect(ids[0] == nil)
        #expect(ids[1] != nil && ids[1] == ids[2] && ids[2] == ids[3])
        #expect(ids[4] != nil && ids[4] != ids[1] && ids[4] == ids[5])
        #expect(analysis.transactions.map(\.unterminated) == [false, true])
    }

    @Test func perFileAndMultiStatementTransactions() {
        let analyzer = MigrationAnalyzer(dialect: .postgres)
        let perFile = analyzer.analyze(files: [file("CREATE TABLE a (id int);\nCREATE TABLE b (id int);", .perFile)], baseline: Catalog(dialect: .postgres))
        #expect(perFile.statements.map(\.transaction) == [1, 1])
        #expect(perFile.transactions.first?.origin == .perFile)
        // golang-migrate: one statement alone runs outside a transaction block.
        let single = analyzer.analyze(files: [file("CREATE INDEX CONCURRENTLY i ON t (id);", .implicitMultiStatement)], baseline: baselineCatalog("CREATE TABLE t (id int);"))
        #expect(single.statements.map(\.transaction) == [nil])
        let multi = analyzer.analyze(files: [file("CREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);", .implicitMultiStatement)], baseline: Catalog(dialect: .postgres))
        let ids = multi.statements.map(\.transaction)
        #expect(ids[0] != nil && ids[0] == ids[1] && ids[2] != nil && ids[2] != ids[0])
        // --assume-in-transaction wraps files that would run statement by statement.
        let assumed = MigrationAnalyzer(dialect: .postgres, assumeInTransaction: true)
            .analyze(files: [file("CREATE TABLE a (id int);", .none)], baseline: Catalog(dialect: .postgres))
        #expect(assumed.transactions.first?.origin == .assumed)
    }

    @Test func appliedRangeOnlyAndOffsetsStayTheFilesOwn() {
        let text = "-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n"
        let up = text.utf8.count - "-- +goose Down\nDROP TABLE t;\n".utf8.count
        var f = file(text, .perFile)
        f.applied = 13..<up
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(files: [f], baseline: Catalog(dialect: .postgres))
        #expect(analysis.statements.map(\.kind) == ["create_table"])
        #expect(analysis.statements.first?.line == 2)
    }

    @Test func renamedNewTablesStayExempt() {
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(
            sql: [("a.sql", "CREATE TABLE t (id int);\nALTER TABLE t RENAME TO u;\nALTER TABLE old RENAME TO old2;")],
            baseline: baselineCatalog("CREATE TABLE old (id int);"))
        #expect(analysis.createdInRun == [ObjectKey("public", "t"), ObjectKey("public", "u")])
    }
}

@Suite struct TransactionRuleTests {
    @Test func lockFromEarlierStatementIsHeldByALaterIndexBuild() {
        let found = findings(
            "BEGIN;\nALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX orders_idx ON orders (id);\nCOMMIT;",
            baseline: "CREATE TABLE users (id int);\nCREATE TABLE orders (id int);")
        let held = found.filter { $0.id == "lock-held-across-statements" }
        #expect(held.count == 1)
        #expect(held.first?.message.contains("ACCESS EXCLUSIVE on users") == true)
    }

    @Test func newTablesAreExemptFromLockHazards() {
        let sql = """
            CREATE TABLE t (id int, email text);
            CREATE INDEX t_email ON t (email);
            ALTER TABLE t ADD COLUMN token uuid DEFAULT gen_random_uuid();
            ALTER TABLE t ALTER COLUMN email SET NOT NULL;
            ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE (email);
            ALTER TABLE t ALTER COLUMN id TYPE bigint;
            """
        let lockIDs = Set(RuleRegistry.metadata.filter(\.lockHazard).map(\.id))
        #expect(findings(sql).filter { lockIDs.contains($0.id) }.isEmpty)
    }

    @Test func concurrentlyInPerFileTransactionPointsAtTheOptOut() {
        let f = MigrationFile(
            path: "00001_idx.sql", layout: .goose, version: "1", name: "idx", transaction: .perFile,
            bytes: Array("CREATE INDEX CONCURRENTLY i ON t (id);".utf8))
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(files: [f], baseline: baselineCatalog("CREATE TABLE t (id int);"))
        let d = RuleEngine().run(analysis).first { $0.id == "concurrently-in-transaction" }
        #expect(d?.severity == .error)
        #expect(d?.help?.contains("+goose NO TRANSACTION") == true)
    }
}

@Suite struct StatementSummaryTests {
    @Test func summaryGivesLocksRewriteAndScan() {
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(
            sql: [("a.sql", "ALTER TABLE t ALTER COLUMN id TYPE bigint;\nCREATE INDEX CONCURRENTLY i ON t (id);")],
            baseline: baselineCatalog("CREATE TABLE t (id int);"))
        let first = analysis.statements[0].summary(in: analysis)
        #expect(first.locks.first == .init(relation: "t", mode: "ACCESS EXCLUSIVE", kind: "table"))
        #expect(first.rewrite && first.scan && !first.nonTransactional)
        let second = analysis.statements[1].summary(in: analysis)
        #expect(second.nonTransactional)
        #expect(second.locks.first?.mode == "SHARE UPDATE EXCLUSIVE")
        let d = RuleEngine().run(analysis).first { $0.id == "changing-column-type" }
        #expect(d.flatMap { analysis.statementIndex(of: $0) } == 0)
    }
}

@Suite struct LockTimeoutTests {
    let baseline = "CREATE TABLE t (id int);"

    @Test func setLocalLastsUntilCommit() {
        let sql = """
            BEGIN;
            SET LOCAL lock_timeout = '1s';
            ALTER TABLE t ADD COLUMN a int;
            COMMIT;
            ALTER TABLE t ADD COLUMN b int;
            """
        let hits = findings(sql, baseline: baseline).filter { $0.id == "require-lock-timeout" }
        #expect(hits.count == 1)
    }

    @Test func zeroMeansNoTimeout() {
        let hits = findings("SET lock_timeout = 0;\nALTER TABLE t ADD COLUMN a int;", baseline: baseline)
            .filter { $0.id == "require-lock-timeout" }
        #expect(hits.count == 1)
    }
}
