import Foundation
import Testing

/// The executable links FoundationEssentials, never Foundation itself, which brings
/// FoundationInternationalization and its ICU data (twice the binary, ~1.5 ms more at
/// every start: README, "Measuring"). Foundation is only the fallback where
/// FoundationEssentials does not exist (macOS).
@Suite struct FoundationUseTests {
    @Test func sourcesImportFoundationOnlyAsTheFallback() throws {
        let sources = Binary.repository.appendingPathComponent("Sources").path
        let files = try FileManager.default.subpathsOfDirectory(atPath: sources).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        var offenders: [String] = []
        for file in files {
            let lines = try String(contentsOfFile: sources + "/" + file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() where line.hasPrefix("import Foundation") && line != "import FoundationEssentials" {
                if i == 0 || lines[i - 1] != "#else" { offenders.append("\(file):\(i + 1)") }
            }
        }
        #expect(offenders == [], "import FoundationEssentials (with Foundation only under #else)")
    }
}
