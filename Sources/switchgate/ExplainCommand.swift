import ArgumentParser
import Foundation
import MigrationPlanner
import MigrationRules

/// `switchgate explain <id>`: one rule's documentation.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it finds, why it matters, what to do instead, with examples."
    )

    @Argument(help: "A rule id, as `switchgate rules` lists them.")
    var id: String

    func run() throws {
        if RuleRegistry.rule(id) == nil, let check = PlannerCheck.named(id) {
            FileHandle.standardOutput.write(Data(check.explain.utf8))
            return
        }
        guard let rule = RuleRegistry.rule(id) else {
            let close = RuleRegistry.metadata.map(\.id).filter { $0.contains(id) || id.contains($0) }
            var message = "unknown rule '\(id)'"
            if !close.isEmpty { message += "; did you mean \(close.prefix(3).joined(separator: ", "))?" }
            message += " (switchgate rules lists them)"
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data(RuleDocs.explain(rule.metadata).utf8))
    }
}
