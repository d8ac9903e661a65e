import Foundation
import SchemaCatalog
import Testing

@testable import MigrationRules

@Suite struct TOMLSubsetTests {
    @Test func readsTablesStringsIntegersBooleansAndArrays() throws {
        let t = try TOMLSubset.parse("""
            # comment
            name = "x\\ty"   # trailing
            lit = 'C:\\path'
            n = 10_000
            neg = -3
            on = true
            list = [
              "a",
              'b', # note
            ]
            [rules.severity]
            ban-drop-column = "error"
            "quoted key" = "ok"
            [other]
            a.b = 1
            """)
        #expect(t["name"] == .string("x\ty"))
        #expect(t["lit"] == .string("C:\\path"))
        #expect(t["n"] == .integer(10000))
        #expect(t["neg"] == .integer(-3))
        #expect(t["on"] == .boolean(true))
        #expect(t["list"] == .array([.string("a"), .string("b")]))
        guard case .table(let rules) = t["rules"], case .table(let sev) = rules["severity"] else {
            Issue.record("missing table")
            return
        }
        #expect(sev["ban-drop-column"] == .string("error"))
        #expect(sev["quoted key"] == .string("ok"))
        #expect(sev.lines["ban-drop-column"] == 12)
    }

    @Test(arguments: [
        ("a = 1\na = 2", 2), ("x = 1.5", 1), ("x = {a = 1}", 1), ("[t]\n[t]", 2), ("x = \"open", 1),
        ("x = [1,", 1), ("[[arr]]", 1), ("x = 1 y", 1), ("= 3", 1), ("x = \"\"\"ml\"\"\"", 1),
    ])
    func errorsNameTheLine(_ input: (String, Int)) {
        #expect(throws: TOMLError.self) { try TOMLSubset.parse(input.0) }
        do {
            _ = try TOMLSubset.parse(input.0)
        } catch {
            #expect(error.line == input.1, "\(input.0): \(error)")
        }
    }
}

@Suite struct RuleConfigurationTests {
    @Test func parsesEveryKey() throws {
        let c = try RuleConfiguration.parse("""
            dialect = "postgres"
            pg_version = 12
            assume_in_transaction = true
            migrations = ["db/migrations"]
            blue = "queries/blue"
            green = ["queries/green"]
            small_table_rows = 5000
            table_stats = "stats.csv"

            [rules]
            disable = ["prefer-text-field"]
            enable = ["require-statement-timeout"]

            [rules.severity]
            ban-drop-column = "error"
            creating-enum = "off"
            """, file: ".switchgate.toml")
        #expect(c.dialect == .postgres)
        #expect(c.postgresVersion == 12)
        #expect(c.assumeInTransaction == true)
        #expect(c.migrationPaths == ["db/migrations"])
        #expect(c.bluePaths == ["queries/blue"])
        #expect(c.smallTableRows == 5000)
        #expect(c.tableStatsPath == "stats.csv")
        #expect(c.disabled == ["prefer-text-field", "creating-enum"])
        #expect(c.enabled.contains("require-statement-timeout"))
        #expect(c.severities["ban-drop-column"] == .error)
    }

    @Test(arguments: [
        ("pg_version = 9", 1, "between 10 and 18"),
        ("dialect = \"mysql\"", 1, "dialect"),
        ("\n[rules]\ndisable = [\"no-such-rule\"]", 3, "unknown rule"),
        ("[rules.severity]\nban-drop-column = \"fatal\"", 2, "severity"),
        ("pg_version = \"15\"", 1, "must be an integer"),
        ("colour = 1", 1, "unknown key"),
    ])
    func invalidConfigNamesFileAndLine(_ input: (String, Int, String)) {
        do {
            _ = try RuleConfiguration.parse(input.0, file: "/repo/.switchgate.toml")
            Issue.record("accepted \(input.0)")
        } catch {
            #expect(error.line == input.1)
            #expect(error.description.hasPrefix("/repo/.switchgate.toml:\(input.1): "))
            #expect(error.message.contains(input.2), "\(error.message)")
        }
    }

    @Test func foundUpwardAndPathsResolvedAgainstTheFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sg-config-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("migrations = [\"db\"]\ntable_stats = \"stats.csv\"\n".utf8).write(to: root.appendingPathComponent(".switchgate.toml"))
        try Data("schema,table,rows,bytes\npublic,users,42,8192\n".utf8).write(to: root.appendingPathComponent("stats.csv"))
        let c = try #require(try RuleConfiguration.load(searchingFrom: deep.path))
        #expect(c.migrationPaths == [root.appendingPathComponent("db").path])
        #expect(c.tableStats?[ObjectKey("public", "users")] == .init(rows: 42, bytes: 8192))
        #expect(try RuleConfiguration.load(searchingFrom: "/") == nil)
    }
}

@Suite struct TableStatisticsTests {
    @Test func csvWithPgStatColumnNamesAndQuotes() throws {
        let s = try TableStatistics.parseCSV("schemaname,relname,n_live_tup\n\"app\",\"big, table\",1e6\n,plain,-1\n", path: "s.csv")
        #expect(s[ObjectKey("app", "big, table")]?.rows == 1_000_000)
        #expect(s[ObjectKey("public", "plain")]?.rows == -1)
    }

    @Test func jsonArrayOrTablesObject() throws {
        let a = try TableStatistics.parseJSON(Data(#"[{"schema":"public","table":"t","rows":5,"bytes":100}]"#.utf8), path: "s.json")
        #expect(a[ObjectKey("public", "t")] == .init(rows: 5, bytes: 100))
        let b = try TableStatistics.parseJSON(Data(#"{"tables":[{"relname":"u","reltuples":7.0}]}"#.utf8), path: "s.json")
        #expect(b[ObjectKey("public", "u")]?.rows == 7)
    }

    @Test func badRowsNameTheLine() {
        do {
            _ = try TableStatistics.parseCSV("table,rows\nt,many\n", path: "s.csv")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "s.csv:2: the row count is not a number")
        }
    }
}
