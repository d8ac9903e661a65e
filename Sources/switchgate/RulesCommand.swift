import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MigrationRules

/// `switchgate rules`: the rule list, as text or JSON, and the generated rule docs.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules switchgate checks.",
        discussion: """
            `--write-docs DIR` writes one Markdown page per rule and an index with the mapping \
            to squawk, strong_migrations, Atlas and Eugene (docs/rules in this repository); \
            `--check-docs DIR` exits 1 when the files there differ from what would be written.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: "Write the generated rule docs into this folder.")
    var writeDocs: String?

    @Option(name: .long, help: "Check that the rule docs in this folder are up to date.")
    var checkDocs: String?

    func run() throws {
        if let folder = writeDocs {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (name, text) in RuleDocs.files().sorted(by: { $0.key < $1.key }) {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
                }
            } catch {
                throw ValidationError("cannot write \(folder): \(error)")
            }
            return
        }
        if let folder = checkDocs {
            var stale: [String] = []
            for (name, text) in RuleDocs.files().sorted(by: { $0.key < $1.key }) {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                if FileManager.default.contents(atPath: path) != Data(text.utf8) { stale.append(path) }
            }
            if !stale.isEmpty {
                StandardError.write(("out of date (run switchgate rules --write-docs \(folder)):\n" + stale.joined(separator: "\n") + "\n"))
                throw ExitCode(1)
            }
            return
        }
        let output = format == .json ? RuleDocs.json() : RuleDocs.list()
        StandardOutput.write(output)
    }
}
