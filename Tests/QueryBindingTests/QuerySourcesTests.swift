import Foundation
import QueryBinding
import SQLSyntax
import Testing

@Suite struct QuerySourcesTests {
    /// A fresh folder with `files` written into it.
    func folder(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "switchgate-sources-" + UUID().uuidString
        for (name, text) in files {
            let full = path + "/" + name
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return path
    }

    @Test func sqlcFile() throws {
        let text = """
            -- name: GetUser :one
            -- Reads one user.
            SELECT id FROM users
            WHERE id = $1;

            /* no name here */
            SELECT 2;
            -- name: ListUsers :many
            SELECT id FROM users; SELEC broken;
            """
        let queries = QuerySources.sqlFile(Array(text.utf8), path: "q.sql", dialect: .postgres)
        #expect(queries.map(\.name) == ["GetUser", nil, "ListUsers", nil])
        #expect(queries.map(\.line) == [3, 7, 9, 9])
        #expect(queries[0].sql == "SELECT id FROM users\nWHERE id = $1")
        #expect(queries[3].column == 23)
        #expect(queries[3].statement == nil)
        #expect(queries[3].parseError != nil)
    }

    @Test func folderIsRecursiveAndSorted() throws {
        let path = try folder([
            "b.sql": "SELECT 2;", "a/z.sql": "SELECT 1;", "c.txt": "SELECT 3;",
            "d/export.csv": "query,calls\nSELECT 4,1\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queries = try QuerySources.load(paths: [path], dialect: .postgres)
        #expect(queries.map(\.sql) == ["SELECT 1", "SELECT 2", "SELECT 4"])
        #expect(queries[0].file == path + "/a/z.sql")
    }

    @Test func pgStatStatementsCSV() throws {
        let csv = "query,calls\n\"SELECT id\nFROM users WHERE email = $1\",12\n\"SELECT \"\"Name\"\" FROM t\",3\n<insufficient privilege>,9\n\n"
        let path = try folder(["s.csv": csv])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queries = try QuerySources.load(paths: [path + "/s.csv"], dialect: .postgres)
        #expect(queries.map(\.sql) == ["SELECT id\nFROM users WHERE email = $1", #"SELECT "Name" FROM t"#])
        #expect(queries.map(\.line) == [2, 4])
        #expect(queries.allSatisfy { $0.name == nil && $0.statement != nil })
    }

    @Test func badCSV() throws {
        let path = try folder(["a.csv": "query,calls\nSELECT 1,1\n\"SELECT 2,1\n", "b.csv": "calls\n1\n", "c.csv": "query,calls\nSELECT 1\n"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: QuerySourceError(path: path + "/a.csv", line: 3, message: "unterminated quoted field")) {
            try QuerySources.load(paths: [path + "/a.csv"], dialect: .postgres)
        }
        #expect(throws: QuerySourceError(path: path + "/b.csv", line: 1, message: "the header has no \"query\" column")) {
            try QuerySources.load(paths: [path + "/b.csv"], dialect: .postgres)
        }
        #expect(throws: QuerySourceError(path: path + "/c.csv", line: 2, message: "row has 1 fields, the header has 2")) {
            try QuerySources.load(paths: [path + "/c.csv"], dialect: .postgres)
        }
    }

    @Test func pgStatStatementsJSON() throws {
        let array = """
            [
              {"query": "SELECT 1", "calls": 4},
              {"calls": 1, "query": "SELECT \\"x\\"\\nFROM t"}
            ]
            """
        let wrapped = #"{"rows": ["SELECT 3"]}"#
        let path = try folder(["a.json": array, "b.json": wrapped, "c.json": "[{\"query\": 1}]", "d.json": "[{"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queries = try QuerySources.load(paths: [path + "/a.json", path + "/b.json"], dialect: .postgres)
        #expect(queries.map(\.sql) == ["SELECT 1", "SELECT \"x\"\nFROM t", "SELECT 3"])
        #expect(queries.map(\.line) == [2, 3, 1])
        #expect(throws: QuerySourceError.self) { try QuerySources.load(paths: [path + "/c.json"], dialect: .postgres) }
        #expect(throws: QuerySourceError.self) { try QuerySources.load(paths: [path + "/d.json"], dialect: .postgres) }
    }

    @Test func missingPath() {
        #expect(throws: QuerySourceError(path: "/no/such/path.sql", message: "no such file or directory")) {
            try QuerySources.load(paths: ["/no/such/path.sql"], dialect: .postgres)
        }
    }

    @Test func exportQueriesBind() throws {
        let path = try folder(["s.csv": "query,calls\n\"SELECT id FROM users WHERE id = $1\",1\n"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queries = try QuerySources.load(paths: [path + "/s.csv"], dialect: .postgres)
        let c = try catalog("CREATE TABLE users (id bigint);")
        #expect(Binder(catalog: c).bind(queries[0]).ok)
        let other = try catalog("CREATE TABLE users (uid bigint);")
        let problem = try #require(Binder(catalog: other).bind(queries[0]).problems.first)
        #expect(problem.code == "42703")
        #expect(problem.span.map { queries[0].sql.utf8.count >= $0.end } == true)
    }
}

/// psql's own `--csv` output reads back as the queries it holds.
@Suite struct PsqlExportTests {
    @Test(.needsServer) func psqlCSV() throws {
        let url = try TestServer.requireURL()
        let select = """
            select query, calls from (values (E'SELECT id\\nFROM t WHERE a = ''x,y'' AND "Q" = $1', 3::bigint),
              ('SELECT 2', 1)) as s(query, calls)
            """
        let output = try run("psql", [url, "-X", "--csv", "-c", select], input: "")
        try #require(output.status == 0, "\(output.err)")
        let path = NSTemporaryDirectory() + "switchgate-psql-\(UUID().uuidString).csv"
        try output.out.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queries = try QuerySources.load(paths: [path], dialect: .postgres)
        #expect(queries.map(\.sql) == ["SELECT id\nFROM t WHERE a = 'x,y' AND \"Q\" = $1", "SELECT 2"])
        #expect(queries.map(\.line) == [2, 4])
    }
}
