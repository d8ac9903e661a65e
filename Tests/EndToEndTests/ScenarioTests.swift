import Foundation
import Testing

/// The scenarios of `../shared/scenarios`: every expectation (exit code, phases,
/// query verdicts, error findings) must hold, as `run-scenarios.py` scores them.
@Suite struct ScenarioTests {
    static let folder = Binary.repository.deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".case") }.sorted()
    }

    struct Case {
        var schema = ""
        var migrations: [(String, String)] = []
        var blue = ""
        var green = ""
        var expect: [String: Any] = [:]

        init(_ text: String) throws {
            var section: String?
            var name: String?
            var buffer = ""
            func flush() throws {
                switch section {
                case "schema": schema = buffer
                case "migration": migrations.append((name ?? "migration.sql", buffer))
                case "blue": blue = buffer
                case "green": green = buffer
                case "expect":
                    expect = try JSONSerialization.jsonObject(with: Data(buffer.utf8)) as? [String: Any] ?? [:]
                default: break
                }
            }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let words = line.hasPrefix("--- ") ? line.dropFirst(4).split(separator: " ").map(String.init) : []
                if let first = words.first, ["schema", "migration", "blue", "green", "expect"].contains(first) {
                    try flush()
                    section = first
                    name = words.count > 1 ? words[1] : nil
                    buffer = ""
                } else {
                    buffer += line + "\n"
                }
            }
            try flush()
        }
    }

    @Test("scenarios are present") func present() {
        #expect(Self.cases.count >= 16)
    }

    @Test(arguments: cases)
    func scenario(_ name: String) throws {
        let scenario = try Case(String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchgate-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("migrations"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try scenario.schema.write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try scenario.blue.write(to: directory.appendingPathComponent("blue.sql"), atomically: true, encoding: .utf8)
        try scenario.green.write(to: directory.appendingPathComponent("green.sql"), atomically: true, encoding: .utf8)
        var migrations: [String] = []
        for (file, text) in scenario.migrations {
            let url = directory.appendingPathComponent("migrations").appendingPathComponent(file)
            try text.write(to: url, atomically: true, encoding: .utf8)
            migrations.append(url.path)
        }
        let expect = scenario.expect
        let arguments =
            ["check", "--dialect", expect["dialect"] as? String ?? "postgres"] + (expect["args"] as? [String] ?? [])
            + ["--schema", directory.appendingPathComponent("schema.sql").path,
               "--blue", directory.appendingPathComponent("blue.sql").path,
               "--green", directory.appendingPathComponent("green.sql").path, "--format", "json"] + migrations
        let run = try Binary.run(arguments)
        let report = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any] ?? [:]
        #expect(!report.isEmpty, "no JSON on stdout: \(run.stderr)")
        #expect(Int(run.status) == expect["exit"] as? Int, "exit status; stderr: \(run.stderr)")

        let statements = report["statements"] as? [[String: Any]] ?? []
        var phases: [String: String] = [:]
        for statement in statements {
            let file = URL(fileURLWithPath: statement["file"] as? String ?? "").lastPathComponent
            phases["\(file):\(statement["line"] as? Int ?? 0)"] = statement["phase"] as? String
        }
        for (key, phase) in expect["phases"] as? [String: String] ?? [:] {
            #expect(phases[key] == phase, "phase of \(key)")
        }
        var verdicts: [String: Bool] = [:]
        for query in report["queries"] as? [[String: Any]] ?? [] {
            let key = "\(query["side"] as? String ?? ""):\(query["line"] as? Int ?? 0):\(query["schema"] as? String ?? "")"
            verdicts[key] = query["ok"] as? Bool
        }
        for item in expect["queries"] as? [[Any]] ?? [] {
            guard item.count == 4, let side = item[0] as? String, let line = item[1] as? Int, let schema = item[2] as? String,
                let ok = item[3] as? Bool
            else { continue }
            #expect(verdicts["\(side):\(line):\(schema)"] == ok, "\(side) query at line \(line) on the \(schema) schema")
        }
        var errors: Set<String> = []
        for finding in report["findings"] as? [[String: Any]] ?? [] where finding["severity"] as? String == "error" {
            let file = URL(fileURLWithPath: finding["file"] as? String ?? "").lastPathComponent
            errors.insert("\(file):\(finding["line"] as? Int ?? 0)")
        }
        for key in expect["errors_on"] as? [String] ?? [] {
            #expect(errors.contains(key), "an error finding on \(key)")
        }
    }
}
