import Foundation
import Testing

/// One folder per scenario — `samples/<name>` and `Tests/EndToEndTests/Cases/<name>`
/// — with its inputs, an `args` file (the arguments of `switchgate check`, one per
/// line, paths relative to the folder), and the expected `expected.json`,
/// `expected.txt` and `expected-exit`. `UPDATE_GOLDEN=1` rewrites the goldens; a
/// missing golden is written and fails once.
@Suite struct GoldenTests {
    static let casesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")
    static let samplesFolder = Binary.repository.appendingPathComponent("samples")

    static func folders(in root: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/args").path) }.sorted()
    }

    static var all: [String] {
        folders(in: samplesFolder).map { "samples/\($0)" } + folders(in: casesFolder).map { "Cases/\($0)" }
    }

    static func folder(_ name: String) -> URL {
        name.hasPrefix("samples/")
            ? samplesFolder.appendingPathComponent(String(name.dropFirst("samples/".count)))
            : casesFolder.appendingPathComponent(String(name.dropFirst("Cases/".count)))
    }

    @Test("at least five samples") func fiveSamples() {
        #expect(Self.folders(in: Self.samplesFolder).count >= 5)
    }

    @Test(arguments: all)
    func golden(_ name: String) throws {
        let directory = Self.folder(name)
        let args = try String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let json = try Binary.run(["check"] + args + ["--format", "json"], in: directory)
        let text = try Binary.run(["check"] + args + ["--format", "text"], in: directory)
        #expect(json.status == text.status, "text and JSON runs agree on the exit status")
        #expect(json.stderr.isEmpty || json.status == 2, "stderr: \(json.stderr)")
        try compare(json.stdout, directory.appendingPathComponent("expected.json"))
        try compare(text.stdout, directory.appendingPathComponent("expected.txt"))
        try compare("\(json.status)\n", directory.appendingPathComponent("expected-exit"))
    }

    func compare(_ actual: String, _ golden: URL) throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        guard !update, let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            if !update { Issue.record("\(golden.path) was missing and has been written; check it and run again") }
            return
        }
        #expect(actual == expected, "\(golden.lastPathComponent) differs (UPDATE_GOLDEN=1 rewrites it)")
    }
}
