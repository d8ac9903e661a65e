import Diagnostics
import Foundation
import QueryBinding
import SQLSyntax
import SchemaCatalog
import Testing

/// sqlc's example projects (`../shared/corpus/sqlc`): every query binds against
/// its own schema.
@Suite struct CorpusTests {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/sqlc")

    static let projects: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasSuffix(".md") }.sorted()
    }()

    /// The test data must be there: an empty list would make the tests below pass vacuously.
    @Test func corpusIsPresent() {
        #expect(!Self.projects.isEmpty, "../shared/corpus/sqlc is not there")
    }

    @Test(arguments: projects)
    func sqlcProject(_ project: String) throws {
        let folder = CorpusTests.root.appendingPathComponent(project).appendingPathComponent("postgresql").path
        var files: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".sql") { files.append(relative) }
            }
        }
        let schemaFiles = files.filter { $0.contains("schema") }.sorted()
        let queryFiles = files.filter { !$0.contains("schema") }.sorted()
        var replay = Replay(catalog: Catalog(dialect: .postgres))
        for file in schemaFiles {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            replay.apply(SourceFile(path: file, text: text))
        }
        try #require(replay.failure == nil, "\(replay.failure?.message ?? "")")
        let queries = try QuerySources.load(paths: queryFiles.map { folder + "/" + $0 }, dialect: .postgres)
        #expect(!queries.isEmpty)
        let binder = Binder(catalog: replay.catalog)
        for query in queries {
            let result = binder.bind(query)
            #expect(result.ok, "\(query.file):\(query.line) \(query.name ?? ""): \(result.problems)")
        }
    }
}

/// sqlc's example queries on their own schemas, compared with PostgreSQL (sqlc's
/// named parameters become `$n`, which is what sqlc sends to the server).
@Suite struct CorpusDifferentialTests {
    /// `sqlc.arg(x)`, `sqlc.narg(x)` and `@x` rewritten as positional parameters.
    static func positional(_ sql: String) -> String {
        var next = 1
        var i = sql.startIndex
        while let dollar = sql[i...].firstIndex(of: "$") {
            let digits = sql[sql.index(after: dollar)...].prefix { $0.isNumber }
            if let n = Int(digits) { next = max(next, n + 1) }
            i = sql.index(after: dollar)
        }
        var out = ""
        var rest = Substring(sql)
        var names: [String: Int] = [:]
        func number(_ name: String) -> Int {
            if let n = names[name] { return n }
            names[name] = next
            next += 1
            return next - 1
        }
        while !rest.isEmpty {
            if rest.hasPrefix("sqlc.arg") || rest.hasPrefix("sqlc.narg"), let open = rest.firstIndex(of: "("),
                let close = rest.firstIndex(of: ")")
            {
                let name = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                out += "$\(number(name))"
                rest = rest[rest.index(after: close)...]
            } else if rest.first == "@", let second = rest.dropFirst().first, second.isLetter {
                let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                out += "$\(number(String(name)))"
                rest = rest.dropFirst(1 + name.count)
            } else {
                out.append(rest.removeFirst())
            }
        }
        return out
    }

    @Test(.needsServer)
    func postgres() throws {
        let url = try TestServer.requireURL()
        let database = "switchgate_bind_sqlc_\(ProcessInfo.processInfo.processIdentifier)"
        PostgresOracle.dropDatabase(url: url, name: database)
        try PostgresOracle.createDatabase(url: url, name: database)
        defer { PostgresOracle.dropDatabase(url: url, name: database) }
        var compared = 0
        var agreed = 0
        for project in CorpusTests.projects {
            let folder = CorpusTests.root.appendingPathComponent(project).appendingPathComponent("postgresql").path
            var files: [String] = []
            if let enumerator = FileManager.default.enumerator(atPath: folder) {
                while let relative = enumerator.nextObject() as? String {
                    if relative.hasSuffix(".sql") { files.append(relative) }
                }
            }
            var schema = ""
            var replay = Replay(catalog: Catalog(dialect: .postgres))
            for file in files.filter({ $0.contains("schema") }).sorted() {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                schema += text + "\n;\n"
                replay.apply(SourceFile(path: file, text: text))
            }
            let queries = try QuerySources.load(
                paths: files.filter { !$0.contains("schema") }.sorted().map { folder + "/" + $0 }, dialect: .postgres)
            let sql = queries.map { CorpusDifferentialTests.positional($0.sql) }
            let engine = try PostgresOracle.verdicts(
                url: url, database: database, schema: schema, queries: sql.map { ($0, false) })
            for (i, query) in queries.enumerated() {
                let binder = Binder(catalog: replay.catalog).bind(query).problems.first?.code ?? "ok"
                // 42P18: the server cannot type a parameter; not a schema question.
                let expected = engine[i] == "42P18" ? "ok" : DifferentialTests.normalize(engine[i])
                compared += 1
                if binder == expected {
                    agreed += 1
                } else {
                    Issue.record("\(project) \(query.file):\(query.line): binder \(binder), server \(expected): \(sql[i])")
                }
            }
        }
        print("differential sqlc corpus: \(compared) verdicts compared, \(agreed) agree")
    }
}
