import Diagnostics
import Foundation
import MigrationRules
import QueryBinding
import SQLParser
import SQLSyntax
import SchemaCatalog
import Testing

@testable import MigrationPlanner

/// The planner skips binding a backfill again when `SameBinding` says nothing it
/// reads differs. Whenever it says so, the binder must agree on both catalogs.
@Suite struct SameBindingTests {
    static func catalog(_ sql: String) -> Catalog {
        var replay = Replay(catalog: Catalog(dialect: .postgres))
        let applied = replay.apply(SourceFile(path: "schema.sql", text: sql))
        #expect(applied, "\(replay.failure?.message ?? "")")
        return replay.catalog
    }

    static func statement(_ sql: String) -> Statement? {
        SQLParser(dialect: .postgres).parse(sql).statements.first?.statement
    }

    static let base = """
        CREATE TYPE status AS ENUM ('new', 'done');
        CREATE FUNCTION score(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1';
        CREATE TABLE t (id bigint PRIMARY KEY, a integer, b text, s status NOT NULL DEFAULT 'new', c text);
        """

    /// (statement, schema change, whether the shortcut may hold)
    static let cases: [(String, String, Bool)] = [
        ("UPDATE t SET a = 1 WHERE id < 10", "ALTER TABLE t DROP COLUMN c", true),
        ("UPDATE t SET a = 1 WHERE id < 10", "ALTER TABLE t DROP COLUMN a", false),
        ("UPDATE t SET a = 1 WHERE b = 'x'", "ALTER TABLE t RENAME COLUMN b TO bb", false),
        ("UPDATE t SET a = 1 WHERE b = 'x'", "ALTER TABLE t ALTER COLUMN b TYPE integer USING 0", false),
        ("UPDATE t SET s = 'done'", "ALTER TYPE status RENAME VALUE 'done' TO 'finished'", false),
        ("UPDATE t SET a = score(a)", "DROP FUNCTION score(integer)", false),
        ("UPDATE t SET a = 1 RETURNING *", "ALTER TABLE t DROP COLUMN c", false),
        ("UPDATE t SET a = NULL", "ALTER TABLE t ADD CONSTRAINT a_set CHECK (a IS NOT NULL)", false),
        ("DELETE FROM t WHERE a IN (SELECT 1)", "ALTER TABLE t DROP COLUMN c", false),
        ("DELETE FROM t WHERE a > 0", "ALTER TABLE t DROP COLUMN c", true),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ADD COLUMN d text NOT NULL", false),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "CREATE INDEX t_a ON t (a)", true),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t DROP COLUMN c", true),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ADD COLUMN d text", true),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ADD COLUMN d text DEFAULT 'x'", true),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ADD COLUMN d text NOT NULL DEFAULT 'x'", true),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ADD COLUMN d bigint GENERATED ALWAYS AS IDENTITY", true),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ADD COLUMN d status", false),
        ("INSERT INTO t (id, a) VALUES (1, 2) ON CONFLICT DO NOTHING", "ALTER TABLE t DROP COLUMN c", true),
        ("INSERT INTO t (id, a) VALUES (1, 2) ON CONFLICT DO NOTHING", "ALTER TABLE t ADD COLUMN d text NOT NULL", false),
        ("INSERT INTO t (id, a) VALUES (1, 2) ON CONFLICT (id) DO NOTHING", "ALTER TABLE t DROP COLUMN c", false),
        ("INSERT INTO t (id, a) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET a = 3", "ALTER TABLE t DROP COLUMN c", false),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ALTER COLUMN s DROP DEFAULT", false),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ALTER COLUMN c SET NOT NULL", false),
        ("INSERT INTO t (id, a) VALUES (1, 2) RETURNING c", "ALTER TABLE t DROP COLUMN c", false),
        ("INSERT INTO t VALUES (1, 2, 'x', 'new', 'y')", "ALTER TABLE t DROP COLUMN c", false),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ALTER COLUMN a TYPE text", false),
        ("UPDATE t SET a = nextval('seq')", "CREATE SEQUENCE seq", false),
        ("UPDATE t SET a = 1", "ALTER TABLE t ADD CONSTRAINT c_positive CHECK (length(c) > 0)", true),
        ("UPDATE t SET c = NULL", "ALTER TABLE t ADD CONSTRAINT c_set CHECK (c IS NOT NULL)", false),
        ("DELETE FROM t WHERE a > 0", "ALTER TABLE t ADD CONSTRAINT c_set CHECK (c IS NOT NULL)", true),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ADD CONSTRAINT c_set CHECK (c IS NOT NULL)", false),
        ("INSERT INTO t (id, a) VALUES (1, 2)", "ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a)", true),
        ("UPDATE t SET a = 1", "ALTER TABLE t RENAME TO t2", false),
        ("UPDATE t SET a = 1", "CREATE TABLE other (x int)", true),
    ]

    @Test(arguments: cases.indices)
    func shortcutHoldsOnlyWhenNothingReadChanged(_ index: Int) throws {
        let (sql, change, expected) = Self.cases[index]
        let before = Self.catalog(Self.base)
        let after = Self.catalog(Self.base + "\n" + change + ";")
        let tree = try #require(Self.statement(sql))
        let holds = SameBinding.holds(tree, on: before, as: after)
        #expect(holds == expected, "\(sql) after \(change)")
        if holds {
            #expect(Binder(catalog: before).bind(tree, source: sql).ok == Binder(catalog: after).bind(tree, source: sql).ok)
        }
    }

    /// A column left out that only a CHECK requires, filled by its default in one
    /// catalog and not in the other: the INSERT works in one only.
    @Test func omittedColumnRequiredByACheckMatters() throws {
        let schema = "CREATE TABLE t (id bigint PRIMARY KEY, a integer, c text DEFAULT 'x' CHECK (c IS NOT NULL));"
        let before = Self.catalog(schema)
        let after = Self.catalog(schema + "\nALTER TABLE t ALTER COLUMN c DROP DEFAULT;")
        let sql = "INSERT INTO t (id, a) VALUES (1, 2)"
        let tree = try #require(Self.statement(sql))
        #expect(Binder(catalog: before).bind(tree, source: sql).ok != Binder(catalog: after).bind(tree, source: sql).ok)
        #expect(!SameBinding.holds(tree, on: before, as: after))
    }

    /// (a, b, written alike but for literals and comments)
    static let alikeCases: [(String, String, Bool)] = [
        ("UPDATE t SET a = 1 WHERE id >= 0 AND id < 1000", "UPDATE t SET a = 1 WHERE id >= 1000 AND id < 6000", true),
        ("UPDATE t SET a = 1.5", "UPDATE t SET a = 22.75", true),
        ("UPDATE t SET a = 'x 12'", "UPDATE t SET a = 'x 13'", true),
        ("UPDATE t SET b = '00000000-0000' WHERE b IS NULL", "UPDATE t SET b = '265f49d6-8f3b' WHERE b IS NULL", true),
        ("UPDATE t SET b = 'it''s' WHERE a = 1", "UPDATE t SET b = 'no' WHERE a = 1", true),
        ("UPDATE t SET b = E'it\\'s' WHERE a = 1", "UPDATE t SET b = E'x' WHERE a = 1", true),
        ("UPDATE t SET b = 'x' WHERE a = 1", "UPDATE t SET b = 'x' WHERE c = 1", false),
        ("UPDATE t SET b = 'x'::date", "UPDATE t SET b = 'x'::text", false),
        ("UPDATE t SET b = 'x' /* it's */ WHERE a = 1", "UPDATE t SET b = 'y' /* batch */ WHERE a = 1", true),
        ("UPDATE t SET b = 'x' -- it's\nWHERE a = 1", "UPDATE t SET b = 'y' -- next\nWHERE a = 1", true),
        ("UPDATE t SET b = 'x' -- note\nWHERE a = 1", "UPDATE t SET b = 'x' -- note\nWHERE c = 1", false),
        ("UPDATE t SET \"it's\" = 'x' WHERE a = 1", "UPDATE t SET \"it's\" = 'x' WHERE c = 1", false),
        ("UPDATE t SET \"a\" = 'x'", "UPDATE t SET \"b\" = 'x'", false),
        ("UPDATE t SET b = $$x'$$ WHERE a = 'y'", "UPDATE t SET b = $$x'$$ WHERE c = 'y'", false),
        ("UPDATE t SET b = 'x", "UPDATE t SET b = 'y", false),
        ("UPDATE t SET b = nextval('s1')", "UPDATE t SET b = nextval('s2')", true),
        ("UPDATE t SET a = 1 -- batch 1", "UPDATE t SET a = 1 -- batch 2", true),
        ("UPDATE t_1 SET a = 1", "UPDATE t_2 SET a = 1", false),
        ("UPDATE t SET a1 = 1", "UPDATE t SET a2 = 1", false),
        ("UPDATE t SET \"1\" = 1", "UPDATE t SET \"2\" = 1", false),
        ("UPDATE t SET a = $1", "UPDATE t SET a = $2", false),
        ("UPDATE t SET a = 1e5", "UPDATE t SET a = 2e5", false),
        ("UPDATE t SET a = 1", "UPDATE t SET a = -1", false),
        ("UPDATE t SET a = 1.5", "UPDATE t SET a = 1.", false),
        ("UPDATE t SET a = 1", "UPDATE t SET a = 1 ", false),
        ("UPDATE tänk1 SET a = 1", "UPDATE tänk2 SET a = 1", false),
    ]

    @Test(arguments: alikeCases.indices)
    func statementsAlikeButForLiterals(_ index: Int) {
        let (a, b, expected) = Self.alikeCases[index]
        #expect(SameBinding.alike(a, b) == expected, "\(a) | \(b)")
        #expect(SameBinding.alike(b, a) == expected, "\(b) | \(a)")
        if expected, let x = Self.statement(a), let y = Self.statement(b) {
            // Alike statements ask the same question (or, both naming a relation
            // in a string, none).
            #expect(SameBinding.Question(x.node) == SameBinding.Question(y.node))
        }
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Every data statement of real histories against catalogs from earlier in the
    /// same history: where the shortcut holds, the binder's verdicts are equal.
    @Test(arguments: ["lemmy", "harness/postgres", "vaultwarden/postgresql", "temporal"])
    func binderAgreesWheneverTheShortcutHolds(_ history: String) throws {
        let folder = Self.corpus.appendingPathComponent(history)
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".sql") && !$0.hasSuffix("down.sql") }.sorted()
        #expect(!files.isEmpty, "\(folder.path) is missing")
        let sql = try files.map { (path: $0, text: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
        let analysis = MigrationAnalyzer(dialect: .postgres).analyze(sql: sql, baseline: Catalog(dialect: .postgres))
        var held = 0
        var disagreements: [String] = []
        var memos: [Int: SameBinding.Memo?] = [:]
        for (i, statement) in analysis.statements.enumerated() where statement.isData {
            guard let tree = statement.statement else { continue }
            let here = analysis.catalog(before: i)
            for back in [1, 3, 10, 40, 150] where i - back >= 0 {
                let earlier = analysis.catalog(before: i - back)
                let holds = SameBinding.holds(tree, on: earlier, as: here)
                // The memo, carried from statement to statement, answers alike.
                var memo = memos[back] ?? nil
                if SameBinding.holds(tree, sql: statement.sql, on: earlier, as: here, memo: &memo) != holds {
                    disagreements.append("\(statement.file):\(statement.line) back \(back): memo")
                }
                memos[back] = memo
                guard holds else { continue }
                held += 1
                let a = Binder(catalog: earlier).bind(tree, source: statement.sql).ok
                let b = Binder(catalog: here).bind(tree, source: statement.sql).ok
                if a != b { disagreements.append("\(statement.file):\(statement.line) back \(back)") }
            }
        }
        print("same-binding \(history): shortcut held for \(held) pairs, \(disagreements.count) disagreements")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
