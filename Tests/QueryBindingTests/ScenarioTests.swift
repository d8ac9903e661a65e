import Diagnostics
import Foundation
import QueryBinding
import SQLParser
import SQLSyntax
import SchemaCatalog
import Testing

/// The shared scenarios (`../shared/scenarios/*.case`): every query verdict there
/// was confirmed on a real engine. The final schema S2 is S0 plus every migration
/// statement; the intermediate S1 is S0 plus the statements the expectation puts
/// in expand, backfill or breaking (checked only when it gives every statement a phase).
@Suite struct ScenarioTests {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".case") }.sorted()
    }()

    struct Scenario {
        var schema = ""
        var migrations: [(name: String, text: String)] = []
        var blue = ""
        var green = ""
        var expect: [String: Any] = [:]
    }

    /// Reads the `.case` format of `../shared/tools/run-scenarios.py`.
    static func load(_ path: String) throws -> Scenario {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var scenario = Scenario()
        var section: String?
        var name: String?
        var buffer = ""
        func flush() throws {
            switch section {
            case "schema": scenario.schema = buffer
            case "migration": scenario.migrations.append((name ?? "migration.sql", buffer))
            case "blue": scenario.blue = buffer
            case "green": scenario.green = buffer
            case "expect":
                scenario.expect = (try JSONSerialization.jsonObject(with: Data(buffer.utf8)) as? [String: Any]) ?? [:]
            default: break
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.hasPrefix("--- ") ? line.dropFirst(4).split(separator: " ") : []
            if let first = words.first, ["schema", "migration", "blue", "green", "expect"].contains(String(first)) {
                try flush()
                section = String(first)
                name = words.count > 1 ? String(words[1]) : nil
                buffer = ""
            } else {
                buffer += line + "\n"
            }
        }
        try flush()
        return scenario
    }

    /// The test data must be there: an empty list would make the tests below pass vacuously.
    @Test func scenariosArePresent() {
        #expect(!Self.cases.isEmpty, "../shared/scenarios is not there")
    }

    @Test(arguments: cases)
    func scenario(_ file: String) throws {
        let scenario = try ScenarioTests.load(ScenarioTests.folder.appendingPathComponent(file).path)
        let dialect: Dialect = (scenario.expect["dialect"] as? String) == "sqlite" ? .sqlite : .postgres
        var s0 = Replay(catalog: Catalog(dialect: dialect))
        s0.apply(SourceFile(path: "schema.sql", text: scenario.schema))
        try #require(s0.failure == nil, "schema: \(s0.failure?.message ?? "")")

        // S2: every statement; S1: the ones the expectation places before the switch.
        let phases = scenario.expect["phases"] as? [String: String] ?? [:]
        var s2 = s0.catalog
        var s1: Catalog? = s0.catalog
        for migration in scenario.migrations {
            let file = SourceFile(path: migration.name, text: migration.text)
            for parsed in SQLParser(dialect: dialect).parse(file.bytes).statements {
                guard let statement = parsed.statement else { continue }
                let line = file.location(of: parsed.span.start).line
                try? s2.apply(statement, from: ReplaySource(file))
                if case .transaction = statement.node { continue }
                switch phases["\(migration.name):\(line)"] {
                case "expand", "backfill", "breaking": try? s1?.apply(statement, from: ReplaySource(file))
                case "contract": break
                default: s1 = nil
                }
            }
        }

        let sides: [String: [Query]] = [
            "blue": QuerySources.sqlFile(Array(scenario.blue.utf8), path: "blue.sql", dialect: dialect),
            "green": QuerySources.sqlFile(Array(scenario.green.utf8), path: "green.sql", dialect: dialect),
        ]
        // Sanity: blue works on the schema it runs against today.
        for query in sides["blue"] ?? [] {
            let result = Binder(catalog: s0.catalog).bind(query)
            #expect(result.ok, "blue line \(query.line) on S0: \(result.problems)")
        }
        var checked = 0
        for entry in scenario.expect["queries"] as? [[Any]] ?? [] {
            guard entry.count == 4, let side = entry[0] as? String, let line = entry[1] as? Int,
                let schema = entry[2] as? String, let ok = entry[3] as? Bool
            else { continue }
            let query = try #require(sides[side]?.first { $0.line == line }, "no \(side) query at line \(line)")
            let on: Catalog
            if schema == "final" {
                on = s2
            } else if let s1 {
                on = s1
            } else {
                continue
            }
            let result = Binder(catalog: on).bind(query)
            #expect(result.ok == ok, "\(side) line \(line) on \(schema): \(result.problems)")
            checked += 1
        }
        print("scenario \(file): \(checked) expected verdicts checked")
    }
}

/// The scenarios' queries on S0 and on S2, compared with PostgreSQL itself.
@Suite struct ScenarioDifferentialTests {
    @Test(.needsServer)
    func postgres() throws {
        let url = try TestServer.requireURL()
        let database = "switchgate_bind_scenarios_\(ProcessInfo.processInfo.processIdentifier)"
        PostgresOracle.dropDatabase(url: url, name: database)
        try PostgresOracle.createDatabase(url: url, name: database)
        defer { PostgresOracle.dropDatabase(url: url, name: database) }
        var compared = 0
        var agreed = 0
        for file in ScenarioTests.cases {
            let scenario = try ScenarioTests.load(ScenarioTests.folder.appendingPathComponent(file).path)
            guard (scenario.expect["dialect"] as? String ?? "postgres") == "postgres" else { continue }
            var s0 = Replay(catalog: Catalog(dialect: .postgres))
            s0.apply(SourceFile(path: "schema.sql", text: scenario.schema))
            var s2 = s0.catalog
            // The server runs the migration statement by statement, inside the
            // test's transaction: transaction control and CONCURRENTLY are left out.
            var migrationSQL = ""
            for migration in scenario.migrations {
                let source = SourceFile(path: migration.name, text: migration.text)
                for parsed in SQLParser(dialect: .postgres).parse(source.bytes).statements {
                    guard let statement = parsed.statement else { continue }
                    if case .transaction = statement.node { continue }
                    try? s2.apply(statement, from: ReplaySource(source))
                    migrationSQL += source.text(parsed.span).replacingOccurrences(of: " CONCURRENTLY", with: "") + ";\n"
                }
            }
            let queries =
                QuerySources.sqlFile(Array(scenario.blue.utf8), path: "blue.sql", dialect: .postgres)
                + QuerySources.sqlFile(Array(scenario.green.utf8), path: "green.sql", dialect: .postgres)
            let writes = queries.map { query -> Bool in
                switch query.statement?.node {
                case .insert, .update, .delete, .merge: return true
                default: return false
                }
            }
            for (name, catalog, schema) in [
                ("S0", s0.catalog, scenario.schema), ("S2", s2, scenario.schema + "\n;\n" + migrationSQL),
            ] {
                let engine = try PostgresOracle.verdicts(
                    url: url, database: database, schema: schema,
                    queries: zip(queries, writes).map { ($0.0.sql, $0.1) }, tolerant: true)
                for (i, query) in queries.enumerated() {
                    let binder = Binder(catalog: catalog).bind(query).problems.first?.code ?? "ok"
                    let expected = DifferentialTests.normalize(engine[i])
                    compared += 1
                    if binder == expected {
                        agreed += 1
                    } else {
                        Issue.record("\(file) \(query.file):\(query.line) on \(name): binder \(binder), server \(expected)")
                    }
                }
            }
        }
        print("differential scenarios: \(compared) verdicts compared, \(agreed) agree")
    }
}
