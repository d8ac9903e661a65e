import Foundation
import Testing

/// `--format sarif` and `--format github` on every sample: SARIF that GitHub code
/// scanning accepts (valid against the 2.1.0 schema, one result per finding, each
/// with a physical location) and workflow commands GitHub Actions parses.
@Suite struct SARIFTests {
    static let samples = GoldenTests.folders(in: GoldenTests.samplesFolder)

    /// The end-to-end folders whose check runs (exit 0 or 1): samples and cases.
    static var checkedFolders: [String] {
        GoldenTests.all.filter { name in
            let exit = try? String(contentsOf: GoldenTests.folder(name).appendingPathComponent("expected-exit"), encoding: .utf8)
            return exit?.trimmingCharacters(in: .whitespacesAndNewlines) != "2"
        }
    }

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether `python3` can import what `scripts/validate-sarif.py` needs.
    static let validatorAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    static func arguments(_ name: String) throws -> [String] {
        try String(contentsOf: GoldenTests.folder(name).appendingPathComponent("args"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func run(_ name: String, format: String) throws -> Binary.Run {
        try Binary.run(["check"] + arguments(name) + ["--format", format], in: GoldenTests.folder(name))
    }

    static func findingCount(_ name: String) throws -> Int {
        let json = try run(name, format: "json")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        return (report?["findings"] as? [Any])?.count ?? -1
    }

    // Skipped locally without python3 + jsonschema; in CI (CI=true) it runs and fails instead.
    @Test(
        "SARIF of every sample validates against the SARIF 2.1.0 schema",
        .enabled(if: validatorAvailable || isCI, "python3 with jsonschema is missing (python3 -m pip install jsonschema)"))
    func sarifValidates() throws {
        try #require(Self.validatorAvailable, "CI=true but python3 cannot import jsonschema")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchgate-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for sample in Self.samples {
            let name = "samples/\(sample)"
            let run = try Self.run(name, format: "sarif")
            #expect(run.status == 0 || run.status == 1, "\(name): exit \(run.status): \(run.stderr)")
            let file = directory.appendingPathComponent("\(sample).sarif")
            try run.stdout.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        try #require(!files.isEmpty)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Binary.repository.appendingPathComponent("scripts/validate-sarif.py").path] + files
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "validate-sarif.py: \(report)")
    }

    @Test("SARIF results carry physical locations, one per finding", arguments: samples)
    func sarifLocations(_ sample: String) throws {
        let name = "samples/\(sample)"
        let run = try Self.run(name, format: "sarif")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        let runs = try #require(document["runs"] as? [[String: Any]])
        let results = runs.flatMap { $0["results"] as? [[String: Any]] ?? [] }
        #expect(results.count == (try Self.findingCount(name)), "one SARIF result per finding of the JSON report")
        for result in results {
            let rule = result["ruleId"] as? String ?? "?"
            let locations = result["locations"] as? [[String: Any]] ?? []
            #expect(!locations.isEmpty, "\(rule): no locations")
            for location in locations {
                let physical = location["physicalLocation"] as? [String: Any]
                let uri = (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String
                let startLine = (physical?["region"] as? [String: Any])?["startLine"] as? Int
                #expect(!(uri ?? "").isEmpty, "\(rule): no artifact URI")
                #expect((startLine ?? 0) >= 1, "\(rule): startLine \(String(describing: startLine))")
            }
        }
    }

    @Test("--format github prints one workflow command per finding", arguments: checkedFolders)
    func githubAnnotations(_ name: String) throws {
        let run = try Self.run(name, format: "github")
        #expect(run.status == 0 || run.status == 1, "exit \(run.status): \(run.stderr)")
        let pattern = /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]+::.+$/
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: true)
        for line in lines {
            #expect(line.wholeMatch(of: pattern) != nil, "not a workflow command: \(line)")
        }
        #expect(lines.count == (try Self.findingCount(name)), "one annotation per finding")
    }
}
